// The built 进度看板 in the mini-program: the figures (pace cards and the charts' tables, which
// stand in wherever a canvas is not drawn), and the annual sheet fetched with the token by
// wx.downloadFile and opened by wx.openDocument with its menu (forward, save).
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { answer, type Cb } from './support/wx-answer'
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

const downloads: { url: string; header: Record<string, string> }[] = []
const opened: { filePath: string; fileType: string; showMenu: boolean }[] = []
Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
  downloadFile: (o: { url: string; header: Record<string, string> } & Cb<unknown>) => {
    downloads.push({ url: o.url, header: o.header })
    return answer(o, { statusCode: 200, tempFilePath: 'wxfile://tmp/annual.xlsx', errMsg: 'downloadFile:ok' })
  },
  openDocument: (o: { filePath: string; fileType: string; showMenu: boolean } & Cb<unknown>) => {
    opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu })
    return answer(o, { errMsg: 'openDocument:ok' })
  }
})

type Node = { dom: Element; dispatchEvent(e: string): void }
const buttonLabelled = (page: { querySelectorAll(s: string): Node[] }, label: string) => page.querySelectorAll('.nut-button').find((b) => b.dom.textContent?.trim() === label)

test('the built dashboard shows the pace and the charts’ figures, and opens the annual sheet downloaded with the token', async () => {
  const { page } = await launchPage('editorial/pages/dashboard/index')
  await waitFor(() => page.dom.textContent.includes('政务信息'), 'the pace cards')
  expect(page.dom.textContent).toContain('按目前进度，年底预计比目标少 217 篇')
  // The per-department table beside its chart: 综合办公室 first in the ranking.
  expect(page.dom.textContent).toContain('综合办公室')
  expect(page.dom.textContent).toContain('特种设备')
  const exportButton = await waitFor(() => buttonLabelled(page, '导出年度考核表'), 'the export button')
  exportButton.dispatchEvent('tap')
  await waitFor(() => opened.length === 1, 'wx.openDocument')
  expect(downloads).toEqual([{ url: `http://127.0.0.1:3000/api/ledger/export/annual?year=${LEDGER_YEAR}`, header: expect.objectContaining({ Authorization: 'Bearer tok-staff' }) }])
  expect(opened[0]).toEqual({ filePath: 'wxfile://tmp/annual.xlsx', fileType: 'xlsx', showMenu: true })
})
