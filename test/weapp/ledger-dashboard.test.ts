// The built 进度看板 in the mini-program: the charts drawn by F2 on the 2d canvas nodes WeChat's
// selector query hands over, the figures (pace cards and the charts' tables), and the annual sheet fetched with the token by
// wx.downloadFile and opened by wx.openDocument with its menu (forward, save).
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { deepWithText } from './support/deep-query'
import { answer, type Cb } from './support/wx-answer'
import fs from 'node:fs'
import path from 'node:path'
import { createCanvas, type Canvas } from '@napi-rs/canvas'
import { dashboardView, summaryView, LEDGER_YEAR } from '../helpers/ledger-fixtures'

const STAFF = { id: 'u1', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  if (url === `/api/ledger/dashboard?year=${LEDGER_YEAR}`) return { statusCode: 200, data: dashboardView() }
  if (url.startsWith(`/api/ledger/summary?year=${LEDGER_YEAR}`)) return { statusCode: 200, data: summaryView(null) }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-staff')
fake.storage.set('zb.user', STAFF)

// The charts' canvases: WeChat hands the page a 2d canvas node through a selector query; here each
// is a real (skia) canvas, so F2 really draws and the test can look at the pixels.
const canvases = new Map<string, Canvas>()
const RESULTS = path.resolve(__dirname, '../../test-results')
const canvasNode = (id: string) => {
  const canvas = canvases.get(id) ?? createCanvas(1, 1)
  canvases.set(id, canvas)
  return {
    get width() {
      return canvas.width
    },
    set width(w: number) {
      canvas.width = w
    },
    get height() {
      return canvas.height
    },
    set height(h: number) {
      canvas.height = h
    },
    getContext: () => canvas.getContext('2d'),
    requestAnimationFrame: (fn: () => void) => setTimeout(fn, 16) as unknown as number,
    cancelAnimationFrame: (t: number) => clearTimeout(t)
  }
}
const drawn = (c: Canvas) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v !== 0)

const downloads: { url: string; header: Record<string, string> }[] = []
const opened: { filePath: string; fileType: string; showMenu: boolean }[] = []
Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  // F2 measures text on it (WeChat's wx.createOffscreenCanvas, base library 2.16.1+).
  createOffscreenCanvas: (o: { width: number; height: number }) => createCanvas(o.width, o.height),
  // As WeChat's: select() gives a NodesRef whose fields() queues it on the query; exec() answers all.
  createSelectorQuery: () => {
    const selected: string[] = []
    const query = {
      in: () => query,
      select: (selector: string) => ({
        fields: () => {
          selected.push(selector.replace(/^#/, ''))
          return query
        }
      }),
      exec: (cb: (res: unknown[]) => void) => setTimeout(() => cb(selected.map((id) => ({ node: canvasNode(id), width: 343, height: 240 }))))
    }
    return query
  },
  downloadFile: (o: { url: string; header: Record<string, string> } & Cb<unknown>) => {
    downloads.push({ url: o.url, header: o.header })
    return answer(o, { statusCode: 200, tempFilePath: 'wxfile://tmp/annual.xlsx', errMsg: 'downloadFile:ok' })
  },
  openDocument: (o: { filePath: string; fileType: string; showMenu: boolean } & Cb<unknown>) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu })
    return answer(o, { errMsg: 'openDocument:ok' })
  }
})


test('the built dashboard draws its charts on 2d canvas nodes, shows the pace and the charts’ figures, and opens the annual sheet downloaded with the token', async () => {
  const { page } = await launchPage('editorial/pages/dashboard/index')
  await waitFor(() => page.dom.textContent.includes('政务信息'), 'the pace cards')
  expect(page.dom.textContent).toContain('按目前进度，年底预计比目标少 217 篇')
  // The per-department table beside its chart: 综合办公室 first in the ranking.
  expect(page.dom.textContent).toContain('综合办公室')
  expect(page.dom.textContent).toContain('特种设备')
  // F2 drew each chart on the 2d canvas node the selector query gave it, at the device's pixel ratio.
  await waitFor(() => canvases.size >= 3, 'the canvas nodes asked for', 10_000)
  await waitFor(() => [...canvases.values()].every(drawn), 'the charts drawn on their canvases', 10_000)
  // To look at: what the mini-program would show.
  fs.mkdirSync(RESULTS, { recursive: true })
  for (const [id, c] of canvases) fs.writeFileSync(path.join(RESULTS, `weapp-dashboard-${id}.png`), c.toBuffer('image/png'))
  expect([...canvases.values()][0]!.width).toBeGreaterThanOrEqual(343)
  const exportButton = await waitFor(() => deepWithText(page, '.nut-button', '导出年度考核表'), 'the export button')
  exportButton.dispatchEvent('tap')
  await waitFor(() => opened.length === 1, 'wx.openDocument')
  expect(downloads).toEqual([{ url: `http://127.0.0.1:3000/api/ledger/export/annual?year=${LEDGER_YEAR}`, header: expect.objectContaining({ Authorization: 'Bearer tok-staff' }) }])
  expect(opened[0]).toEqual({ filePath: 'wxfile://tmp/annual.xlsx', fileType: 'xlsx', showMenu: true })
})
