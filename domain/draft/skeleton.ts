import type { Block, DraftContent, ImageBlock, TextRun } from './content'
import { DRAFT_LIMITS } from './content'
import type { DraftType } from './types'

/** What the skeleton may use from a case: its own facts and its photos' evidence, nothing else. */
export interface SkeletonCase {
  title: string
  body: string
  occurredAt: Date
  place: string | null
  /** The officer who reported it and their unit (department), when known. */
  reporterName: string | null
  departmentName: string | null
  photos: readonly SkeletonPhoto[]
}
export interface SkeletonPhoto {
  mediaId: string
  /** The capture time: the file's EXIF, else what the phone recorded (设备记录). */
  takenAt: Date | null
  /** Where: the EXIF or the phone's GPS fix. */
  gps: { lat: number; lng: number } | null
}

/** Where the case says nothing, the writer is asked; the scan and the editor show these. */
export const placeholder = (what: string) => `【请补充：${what}】`
export const PLACEHOLDER_PATTERN = /【请补充：[^】]*】/g

const BEIJING_OFFSET_MS = 8 * 3600 * 1000
const beijing = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS)
/** 2026年12月3日 (Beijing time, as the bureau writes dates). */
export function chineseDate(at: Date): string {
  const d = beijing(at)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
/** 2026年12月3日 10:05 */
export function chineseDateTime(at: Date): string {
  const d = beijing(at)
  return `${chineseDate(at)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/** A photo's caption facts: when and where it was taken, as recorded; a placeholder for what was not. */
export function photoCaption(photo: SkeletonPhoto, place: string | null): string {
  const when = photo.takenAt ? `摄于${chineseDateTime(photo.takenAt)}` : placeholder('拍摄时间')
  const where = place ?? (photo.gps ? `北纬${photo.gps.lat.toFixed(4)}°、东经${photo.gps.lng.toFixed(4)}°` : placeholder('拍摄地点'))
  return `${when}，${where}。${placeholder('图片说明')}`.slice(0, DRAFT_LIMITS.caption)
}

/** The case's own text, paragraph by paragraph (blank lines and stray spaces dropped). */
const bodyParagraphs = (body: string) =>
  body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)

const run = (text: string): TextRun => ({ text })
const stripEnd = (s: string) => s.replace(/[。！？!?.；;，,\s]+$/u, '')

class Ids {
  private n = 0
  next = () => `b${++this.n}`
}

/** 五要素 of the first case (who, what, when, where), every one from the case or a placeholder. */
function facts(c: SkeletonCase) {
  return {
    when: chineseDate(c.occurredAt),
    where: c.place ?? placeholder('地点'),
    who: c.departmentName ?? placeholder('单位'),
    what: stripEnd(c.title)
  }
}

function images(ids: Ids, cases: readonly SkeletonCase[], max: number): ImageBlock[] {
  return cases
    .flatMap((c) => c.photos.map((p) => ({ p, place: c.place })))
    .slice(0, max)
    .map(({ p, place }) => ({ id: ids.next(), type: 'image' as const, mediaId: p.mediaId, caption: photoCaption(p, place) }))
}

/**
 * 新闻稿件: a lead with the five Ws (when, who, where, what), the case's facts as the body, the
 * result and what comes next left for the writer; the photos with their capture facts as captions.
 */
function news(cases: readonly SkeletonCase[]): { title: string; content: DraftContent } {
  const ids = new Ids()
  const first = cases[0]!
  const f = facts(first)
  const blocks: Block[] = [
    { id: ids.next(), type: 'paragraph', runs: [{ text: '导语：', marks: ['bold'] }, run(`${f.when}，${f.who}在${f.where}${f.what}。${placeholder('一句话概括意义或成效')}`)] }
  ]
  for (const c of cases) {
    if (cases.length > 1) blocks.push({ id: ids.next(), type: 'heading', level: 2, runs: [run(stripEnd(c.title))] })
    for (const p of bodyParagraphs(c.body)) blocks.push({ id: ids.next(), type: 'paragraph', runs: [run(p)] })
  }
  blocks.push({ id: ids.next(), type: 'paragraph', runs: [run(`处理结果：${placeholder('处理结果')}`)] })
  blocks.push(...images(ids, cases, 3))
  blocks.push({ id: ids.next(), type: 'paragraph', runs: [run(`下一步，${placeholder('下一步工作打算')}`)] })
  return { title: f.what, content: { blocks } }
}

/**
 * 政务信息: shorter, facts first — one paragraph of what happened, then the bureau's measures and
 * the results as numbered points for the writer to fill; one photo at most.
 */
function information(cases: readonly SkeletonCase[]): { title: string; content: DraftContent } {
  const ids = new Ids()
  const first = cases[0]!
  const f = facts(first)
  const summary = cases.map((c) => `${chineseDate(c.occurredAt)}，${c.place ?? placeholder('地点')}：${stripEnd(bodyParagraphs(c.body)[0] ?? c.title)}。`).join('')
  const blocks: Block[] = [
    { id: ids.next(), type: 'paragraph', runs: [run(summary)] },
    { id: ids.next(), type: 'heading', level: 2, runs: [run('一、主要做法')] },
    { id: ids.next(), type: 'list', ordered: true, items: [[run(placeholder('本局采取的措施'))], [run(placeholder('措施二（如有）'))]] },
    { id: ids.next(), type: 'heading', level: 2, runs: [run('二、取得成效')] },
    { id: ids.next(), type: 'paragraph', runs: [run(placeholder('处理结果及成效（数字须与事例一致）'))] },
    ...images(ids, cases, 1)
  ]
  return { title: `${f.who}${f.what}`, content: { blocks } }
}

/** 调研文章: the cases as the 基本情况, then the questions a study answers, for the writer. */
function research(cases: readonly SkeletonCase[]): { title: string; content: DraftContent } {
  const ids = new Ids()
  const f = facts(cases[0]!)
  const blocks: Block[] = [
    { id: ids.next(), type: 'heading', level: 1, runs: [run('一、基本情况')] },
    ...cases.map((c): Block => ({ id: ids.next(), type: 'paragraph', runs: [run(`${chineseDate(c.occurredAt)}，${c.place ?? placeholder('地点')}，${stripEnd(c.title)}。${bodyParagraphs(c.body).join('')}`)] })),
    { id: ids.next(), type: 'heading', level: 1, runs: [run('二、存在的问题')] },
    { id: ids.next(), type: 'paragraph', runs: [run(placeholder('存在的问题及原因分析'))] },
    { id: ids.next(), type: 'heading', level: 1, runs: [run('三、对策建议')] },
    { id: ids.next(), type: 'list', ordered: true, items: [[run(placeholder('建议一'))], [run(placeholder('建议二'))]] },
    ...images(ids, cases, 2)
  ]
  return { title: `关于${f.what}的调研报告`, content: { blocks } }
}

/**
 * The starting point of a draft, by a template: only the cases' facts and their photos' capture
 * times and places, laid out for the type; what a case does not say is a placeholder, never
 * invented. Cases in the order given (the first leads).
 */
export function draftSkeleton(type: DraftType, cases: readonly SkeletonCase[]): { title: string; content: DraftContent } {
  if (!cases.length) return { title: placeholder('标题'), content: { blocks: [] } }
  const out = type === 'news' ? news(cases) : type === 'information' ? information(cases) : research(cases)
  return { title: Array.from(out.title).slice(0, DRAFT_LIMITS.title).join(''), content: out.content }
}
