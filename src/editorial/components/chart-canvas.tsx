// Where a chart draws. Taro picks chart-canvas.h5.tsx (a DOM <canvas>) or chart-canvas.weapp.tsx
// (WeChat's type='2d' canvas) at build time; this default, what TypeScript reads and any other
// platform gets, draws nothing: the chart's table beneath still carries every figure.
import type { ReactElement } from 'react'

/** A 2d context ready for F2, at the size the canvas is shown in CSS pixels. */
export interface ChartSurface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  /** Platform extras F2 takes as Canvas props (WeChat's node-bound requestAnimationFrame). */
  extra?: Record<string, unknown>
}

export interface ChartCanvasProps {
  /** Unique on the page: WeChat finds the canvas node by it. */
  id: string
  /** CSS pixels; the width is the container's. */
  height: number
  /** Called with the surface once it is measured (again after a resize), null when it goes away. */
  onSurface: (surface: ChartSurface | null) => void
}

export function ChartCanvas(_props: ChartCanvasProps): ReactElement | null {
  return null
}

/** Whether the system is in dark mode, so the canvas picks the dark palette like the stylesheets do. */
export function prefersDark(): boolean {
  return false
}
