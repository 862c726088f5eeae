// The desk's browser: a DOM <canvas> filling its container's width, re-measured when that changes.
import { useEffect, useRef } from 'react'
import type { ChartCanvasProps } from './chart-canvas'

export type { ChartSurface, ChartCanvasProps } from './chart-canvas'

export function ChartCanvas({ id, height, onSurface }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null)
  const report = useRef(onSurface)
  report.current = onSurface

  useEffect(() => {
    const el = ref.current
    if (!el) return undefined
    let lastWidth = 0
    const measure = () => {
      const width = Math.floor(el.getBoundingClientRect().width)
      // Not laid out (hidden, or a DOM without layout): nothing to draw on; the table stands in.
      if (width <= 0 || width === lastWidth) return
      lastWidth = width
      const pixelRatio = window.devicePixelRatio || 1
      el.width = width * pixelRatio
      el.height = height * pixelRatio
      const context = el.getContext('2d')
      if (context) report.current({ context, width, height, pixelRatio })
    }
    measure()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    observer?.observe(el)
    return () => {
      observer?.disconnect()
      report.current(null)
    }
  }, [height])

  // The figures are in the table beneath; the picture adds nothing for a screen reader.
  return <canvas ref={ref} id={id} className='chart-canvas' aria-hidden='true' style={{ width: '100%', height: `${height}px`, display: 'block' }} />
}

export function prefersDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches
}
