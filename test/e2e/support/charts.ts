import type { Page } from 'playwright-core'

/** The shown chart canvases (at least `min`) really were drawn on: some pixel of each is not transparent. */
export async function expectChartsDrawn(page: Page, min = 3) {
  await page.waitForFunction(
    (least) => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas.chart-canvas')).filter((c) => c.offsetParent !== null)
      return (
        canvases.length >= least &&
        canvases.every((c) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true
          return false
        })
      )
    },
    min,
    { timeout: 20_000 }
  )
}
