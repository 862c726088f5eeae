import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Db } from '../db/database'
import { CHANNEL_LABELS, LEDGER_TYPES, LEDGER_TYPE_LABELS, OUTLET_LEVEL_LABELS, PLACEMENT_LABELS, type LedgerType } from '../../domain/ledger/vocabulary'
import { lastDayOfYear, monthsSoFar } from '../../domain/ledger/pace'
import { beijingDay } from '../../domain/deadlines/day'
import { listDepartments } from '../repositories/admin'
import { byDepartmentQuery, type Window } from '../repositories/ledger-dashboard'
import { exportPage } from '../repositories/publications'
import { dashboard } from './ledger-dashboard'
import { listTargets } from './ledger-admin'
import { barChartPng } from './ledger-chart'

/** Rows per database page while streaming the detail sheet. */
export const EXPORT_PAGE = 2000
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3FF' } }
const TYPE_COLORS: Record<LedgerType, string> = { news: '#165dff', information: '#00b42a', research: '#ff7d00' }
const col = (n: number) => String.fromCharCode(64 + n)

type Sheet = ExcelJS.Worksheet

function title(ws: Sheet, text: string, span: number) {
  const r = ws.addRow([text])
  r.font = { bold: true, size: 14 }
  ws.mergeCells(1, 1, 1, span)
  r.commit()
}
function header(ws: Sheet, cells: string[]) {
  const r = ws.addRow(cells)
  r.font = { bold: true }
  r.eachCell((c) => {
    c.fill = HEADER_FILL
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    c.border = { bottom: { style: 'thin' } }
  })
  r.commit()
}
const frozen = (ySplit: number): Partial<ExcelJS.WorksheetView>[] => [{ state: 'frozen', xSplit: 0, ySplit, topLeftCell: `A${ySplit + 1}` }]

/** The publications of a window, streamed page by page, with a =SUM of the points at the end. */
async function detailSheet(db: Db, wb: ExcelJS.stream.xlsx.WorkbookWriter, w: Window, name: string) {
  const ws = wb.addWorksheet(name, { views: frozen(2) })
  ws.columns = [8, 12, 40, 12, 22, 14, 8, 10, 8, 8, 8, 30, 18, 40].map((width) => ({ width }))
  title(ws, `${name}（${w.from} 至 ${w.to}）`, 14)
  header(ws, ['序号', '发表日期', '标题', '类型', '媒体', '级别', '渠道', '版面', '领导批示', '被采用', '分值', '署名部门', '作者', '链接'])
  let after: { day: string; id: string } | null = null
  let n = 0
  for (;;) {
    const page = await exportPage(db, w, after, EXPORT_PAGE)
    for (const p of page) {
      n++
      ws.addRow([
        n,
        p.published_on,
        p.title,
        LEDGER_TYPE_LABELS[p.type],
        p.outlet_name,
        OUTLET_LEVEL_LABELS[p.outlet_level],
        CHANNEL_LABELS[p.channel],
        PLACEMENT_LABELS[p.placement],
        p.leader_comment ? '是' : '',
        p.adopted ? '是' : '',
        p.points_cents / 100,
        p.departments,
        p.authors,
        p.link ?? ''
      ]).commit()
    }
    if (page.length < EXPORT_PAGE) break
    const last = page[page.length - 1]!
    after = { day: last.published_on, id: last.id }
  }
  const total = ws.addRow(['合计', '', `${n} 篇`, '', '', '', '', '', '', '', { formula: n ? `SUM(K3:K${n + 2})` : '0', result: undefined }])
  total.font = { bold: true }
  total.commit()
  ws.commit()
}

/** A sheet showing one chart (the streaming writer places images as a sheet's background only). */
async function chartSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, png: Buffer, caption: string) {
  const ws = wb.addWorksheet(name)
  ws.addRow([caption]).commit()
  ws.addBackgroundImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }))
  ws.commit()
}

function pipeWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Readable {
  const out = new PassThrough()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'zhibao'
  build(wb)
    .then(() => wb.commit())
    .catch((err) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return out
}

/**
 * 年度考核表: per department and type the pieces credited (by share) against the target, the
 * points, totals and completion rates as FORMULAS, header rows frozen; then every publication
 * of the year; then publications per month as a chart. Streamed.
 */
export function annualWorkbook(db: Db, orgId: string, year: number): Readable {
  return pipeWorkbook(async (wb) => {
    const to = lastDayOfYear(year)
    const [dash, targets] = await Promise.all([dashboard(db, orgId, { year, asOf: to }), listTargets(db, orgId, year)])
    const ws = wb.addWorksheet('年度考核', { views: frozen(2) })
    ws.columns = [6, 18, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10].map((width) => ({ width }))
    title(ws, `${year} 年度新闻宣传和政务信息工作考核表`, 12)
    header(ws, ['序号', '部门', '新闻稿件', '新闻目标', '政务信息', '政务信息目标', '调研文章', '调研目标', '合计篇数', '目标合计', '得分', '完成率'])
    const target = (dept: string | null, t: LedgerType) => targets.targets.find((x) => x.departmentId === dept && x.type === t)?.count ?? 0
    const rows = [...dash.departments].sort((a, b) => a.rank - b.rank)
    rows.forEach((d, i) => {
      const r = i + 3
      ws.addRow([
        i + 1,
        d.name,
        ...LEDGER_TYPES.flatMap((t) => [d.byType[t].count, target(d.departmentId, t)]),
        { formula: `C${r}+E${r}+G${r}` },
        { formula: `D${r}+F${r}+H${r}` },
        d.points,
        { formula: `IF(J${r}=0,"",I${r}/J${r})` }
      ]).commit()
    })
    const first = 3
    const last = rows.length + 2
    const sum = (c: string) => ({ formula: rows.length ? `SUM(${c}${first}:${c}${last})` : '0' })
    const t = ws.addRow(['', '合计', ...['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map(sum), { formula: `IF(J${last + 1}=0,"",I${last + 1}/J${last + 1})` }])
    t.font = { bold: true }
    t.commit()
    const b = ws.addRow(['', '全局目标', ...LEDGER_TYPES.flatMap((ty) => [dash.totals.byType[ty].count, target(null, ty)]), { formula: `C${last + 2}+E${last + 2}+G${last + 2}` }, { formula: `D${last + 2}+F${last + 2}+H${last + 2}` }, dash.totals.points, { formula: `IF(J${last + 2}=0,"",I${last + 2}/J${last + 2})` }])
    b.font = { bold: true }
    b.commit()
    ws.getColumn(12).numFmt = '0.0%'
    ws.commit()

    await detailSheet(db, wb, { orgId, year, from: `${year}-01-01`, to }, '发表明细')
    const months = dash.months.map((m) => `${m.month}月`)
    const total = LEDGER_TYPES.reduce((a, ty) => a + target(null, ty), 0)
    const png = await barChartPng({
      title: `${year} 年各月发表篇数`,
      categories: months,
      series: LEDGER_TYPES.map((ty) => ({ label: LEDGER_TYPE_LABELS[ty], color: TYPE_COLORS[ty], values: dash.months.map((m) => m.byType[ty].count) })),
      lines: [
        { label: '各类合计', color: '#722ed1', values: dash.months.map((m) => (m.month <= monthsSoFar(year, beijingDay(new Date())) ? m.count : null)) },
        { label: '合计目标的月均进度', color: '#f53f3f', dashed: true, values: dash.months.map(() => Math.round((total / 12) * 10) / 10) }
      ]
    })
    await chartSheet(wb, '图表', png, `${year} 年各月发表篇数与目标均衡进度`)
  })
}

/** 月度报表: per department the month's pieces by type and points, with SUM formulas; the month's publications; a chart per department. */
export function monthlyWorkbook(db: Db, orgId: string, year: number, month: number): Readable {
  return pipeWorkbook(async (wb) => {
    const from = `${year}-${String(month).padStart(2, '0')}-01`
    const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
    const w: Window = { orgId, year, from, to }
    const [rows, departments] = await Promise.all([byDepartmentQuery(db, w).execute(), listDepartments(db, orgId)])
    const ws = wb.addWorksheet('月度汇总', { views: frozen(2) })
    ws.columns = [6, 18, 10, 10, 10, 10, 10].map((width) => ({ width }))
    title(ws, `${year} 年 ${month} 月新闻宣传和政务信息工作月报`, 7)
    header(ws, ['序号', '部门', '新闻稿件', '政务信息', '调研文章', '合计篇数', '得分'])
    const of = (d: string, t: LedgerType) => rows.find((r) => r.department_id === d && r.type === t)
    departments.forEach((d, i) => {
      const r = i + 3
      ws.addRow([i + 1, d.name, ...LEDGER_TYPES.map((t) => (of(d.id, t)?.share_bp ?? 0) / 10000), { formula: `SUM(C${r}:E${r})` }, LEDGER_TYPES.reduce((a, t) => a + (of(d.id, t)?.cents ?? 0), 0) / 100]).commit()
    })
    const last = departments.length + 2
    const sum = (c: string) => ({ formula: departments.length ? `SUM(${c}3:${c}${last})` : '0' })
    const t = ws.addRow(['', '合计', ...['C', 'D', 'E', 'F', 'G'].map(sum)])
    t.font = { bold: true }
    t.commit()
    ws.commit()
    await detailSheet(db, wb, w, '本月发表明细')
    const png = await barChartPng({
      title: `${year} 年 ${month} 月各部门发表篇数`,
      categories: departments.map((d) => d.name),
      series: LEDGER_TYPES.map((ty) => ({ label: LEDGER_TYPE_LABELS[ty], color: TYPE_COLORS[ty], values: departments.map((d) => (of(d.id, ty)?.share_bp ?? 0) / 10000) }))
    })
    await chartSheet(wb, '图表', png, `${year} 年 ${month} 月各部门发表篇数`)
  })
}
