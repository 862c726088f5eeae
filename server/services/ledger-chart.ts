import sharp from 'sharp'

/** Escapes text for an SVG text node. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface BarSeries {
  label: string
  color: string
  values: readonly number[]
}

/**
 * A grouped bar chart as a PNG, drawn server-side: an SVG built here, rasterised by sharp
 * (librsvg), so the export needs no browser and no chart service. Used where a person would
 * rather look than read (publications per month against the even pace of the target).
 */
export async function barChartPng(opts: { title: string; categories: readonly string[]; series: readonly BarSeries[]; lines?: readonly { label: string; color: string; dashed?: boolean; values: readonly (number | null)[] }[]; width?: number; height?: number }): Promise<Buffer> {
  const width = opts.width ?? 960
  const height = opts.height ?? 480
  const pad = { left: 64, right: 24, top: 64, bottom: 56 }
  const plotW = width - pad.left - pad.right
  const plotH = height - pad.top - pad.bottom
  const max = Math.max(1, ...opts.series.flatMap((s) => s.values), ...(opts.lines ?? []).flatMap((l) => l.values.filter((v): v is number => v !== null)))
  const step = niceStep(max)
  const top = Math.ceil(max / step) * step
  const y = (v: number) => pad.top + plotH - (v / top) * plotH
  const group = plotW / opts.categories.length
  const barW = Math.max(2, (group * 0.7) / opts.series.length)
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`, `<text x="${width / 2}" y="34" font-size="22" text-anchor="middle" fill="#1f2329">${esc(opts.title)}</text>`]
  for (let v = 0; v <= top; v += step) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e6eb"/>`, `<text x="${pad.left - 8}" y="${y(v) + 5}" font-size="14" text-anchor="end" fill="#4e5969">${v}</text>`)
  }
  opts.categories.forEach((c, i) => {
    const x0 = pad.left + i * group + group * 0.15
    opts.series.forEach((s, j) => {
      const v = s.values[i] ?? 0
      parts.push(`<rect x="${x0 + j * barW}" y="${y(v)}" width="${barW - 1}" height="${pad.top + plotH - y(v)}" fill="${s.color}"/>`)
    })
    parts.push(`<text x="${pad.left + i * group + group / 2}" y="${height - pad.bottom + 22}" font-size="14" text-anchor="middle" fill="#4e5969">${esc(c)}</text>`)
  })
  for (const line of opts.lines ?? []) {
    // A null is a month still to come: the line stops there instead of falling to zero.
    const pts = line.values.flatMap((v, i) => (v === null ? [] : [`${pad.left + i * group + group / 2},${y(v)}`])).join(' ')
    parts.push(`<polyline points="${pts}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`)
  }
  const legend = [...opts.series.map((s) => ({ label: s.label, color: s.color })), ...(opts.lines ?? []).map((l) => ({ label: l.label, color: l.color }))]
  legend.forEach((l, i) => {
    const x = pad.left + i * 170
    parts.push(`<rect x="${x}" y="${height - 22}" width="14" height="14" fill="${l.color}"/>`, `<text x="${x + 20}" y="${height - 10}" font-size="14" fill="#1f2329">${esc(l.label)}</text>`)
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">${parts.join('')}</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

function niceStep(max: number): number {
  const raw = max / 5
  const mag = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) || 1
}
