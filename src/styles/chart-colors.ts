// The theme colours a chart draws on a canvas, which cannot read the stylesheets' custom properties.
// Copied from variables.scss's two tables (the one place a colour is chosen);
// test/unit/chart-colors.test.ts fails when the two drift apart.

export interface ChartPalette {
  text: string
  textSecondary: string
  border: string
  surface: string
  /** The series, in order: each holds 3:1 against the card (WCAG 1.4.11 for graphics). */
  series: readonly string[]
}

export const CHART_COLORS: Record<'light' | 'dark', ChartPalette> = {
  light: {
    text: '#1f1f1f',
    textSecondary: '#5e5e5e',
    border: '#e5e5e5',
    surface: '#ffffff',
    // primary, tone-ours, tone-done
    series: ['#1a5fb4', '#8a3c00', '#14602f']
  },
  dark: {
    text: '#e6e6e6',
    textSecondary: '#a6a6a6',
    border: '#363636',
    surface: '#1e1e1e',
    series: ['#82b1f2', '#ffb874', '#8fd6a6']
  }
}

/** Which scss variable each palette entry copies (the test reads them from variables.scss). */
export const CHART_COLOR_SOURCES = {
  text: 'text',
  textSecondary: 'text-secondary',
  border: 'border',
  surface: 'surface',
  series: ['primary', 'tone-ours', 'tone-done']
} as const
