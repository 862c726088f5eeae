// WeChat: a type='2d' canvas (same-layer rendering, so it scrolls with the page), its node found
// by a selector query once the page has rendered it.
import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import type { ChartCanvasProps } from './chart-canvas'

export type { ChartSurface, ChartCanvasProps } from './chart-canvas'

interface CanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D
  requestAnimationFrame?: (fn: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

function pixelRatio(): number {
  try {
    return (Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync()).pixelRatio || 1
  } catch {
    return 1
  }
}

function offscreen(): { offscreenCanvas?: unknown } {
  try {
    const create = (Taro as unknown as { createOffscreenCanvas?: (o: { type: '2d'; width: number; height: number }) => unknown }).createOffscreenCanvas
    return create ? { offscreenCanvas: create({ type: '2d', width: 1, height: 1 }) } : {}
  } catch {
    return {}
  }
}

export function ChartCanvas({ id, height, onSurface }: ChartCanvasProps) {
  const report = useRef(onSurface)
  report.current = onSurface

  useEffect(() => {
    let gone = false
    let tries = 0
    const find = () => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[]) => {
          if (gone) return
          const found = res?.[0]
          // The node can lag the first render by a tick; a few retries, then the table stands in.
          if (!found?.node || !found.width) {
            if (tries++ < 5) setTimeout(find, 50)
            return
          }
          const node = found.node
          const ratio = pixelRatio()
          const width = Math.floor(found.width)
          node.width = width * ratio
          node.height = height * ratio
          report.current({
            context: node.getContext('2d'),
            width,
            height,
            pixelRatio: ratio,
            extra: {
              ...(node.requestAnimationFrame ? { requestAnimationFrame: node.requestAnimationFrame.bind(node), cancelAnimationFrame: node.cancelAnimationFrame?.bind(node) } : {}),
              // F2 measures text on an offscreen canvas; without one it asks `document` for a
              // <canvas>, which in a mini-program is Taro's DOM shim and has no 2d context.
              ...offscreen()
            }
          })
        })
    }
    Taro.nextTick(find)
    return () => {
      gone = true
      report.current(null)
    }
  }, [id, height])

  return <Canvas type='2d' id={id} canvasId={id} className='chart-canvas' style={{ width: '100%', height: `${height}px`, display: 'block' }} />
}

export function prefersDark(): boolean {
  try {
    const theme = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()).theme
    return theme === 'dark'
  } catch {
    return false
  }
}
