import fc from 'fast-check'
import {
  CANNED_PLACEHOLDERS,
  CANNED_REPLY_ACTIONS,
  SAMPLE_CANNED_CONTEXT,
  cannedContextOf,
  chineseDate,
  renderCannedReply,
  unknownPlaceholders,
  type CannedContext
} from '../../domain/canned-replies'

const ctx: CannedContext = { salutation: '张三', trackingCode: 'K7M3Q9', date: '2026年12月4日', departmentName: '城关所', handlerName: '王五' }

describe('renderCannedReply', () => {
  it('fills every placeholder, each wherever and however often it stands', () => {
    const body = '{称呼}您好：您的留言（留言码 {留言码}）已于{日期}由{部门}{经办人}办理。{称呼}，感谢监督。'
    expect(renderCannedReply(body, ctx)).toBe('张三您好：您的留言（留言码 K7M3Q9）已于2026年12月4日由城关所王五办理。张三，感谢监督。')
  })

  it('uses the fallback where the item has no value, so no gap shows', () => {
    const empty: CannedContext = { salutation: null, trackingCode: null, date: '2026年1月2日', departmentName: null, handlerName: '  ' }
    expect(renderCannedReply('{称呼}您好，{部门}{经办人}答复如下', empty)).toBe('留言人您好，本局工作人员答复如下')
  })

  it('leaves unknown braces and text without placeholders exactly as written', () => {
    expect(renderCannedReply('{称谓}您好 {} {留言码', ctx)).toBe('{称谓}您好 {} {留言码')
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('{')), (s) => renderCannedReply(s, ctx) === s))
  })

  it('does not re-expand placeholders that appear inside a filled value', () => {
    expect(renderCannedReply('{称呼}', { ...ctx, salutation: '{留言码}' })).toBe('{留言码}')
  })
})

describe('template checks and context', () => {
  it('names each unknown placeholder once', () => {
    expect(unknownPlaceholders('{称谓}{称呼}{称谓}{编号}')).toEqual(['{称谓}', '{编号}'])
    expect(unknownPlaceholders(CANNED_PLACEHOLDERS.map((p) => p.token).join(''))).toEqual([])
  })

  it('writes the date in Beijing time', () => {
    // 16:30 UTC on 3 December is 00:30 on 4 December in Beijing.
    expect(chineseDate(new Date('2026-12-03T16:30:00Z'))).toBe('2026年12月4日')
    expect(chineseDate(new Date('2026-01-05T01:00:00Z'))).toBe('2026年1月5日')
  })

  it('reads the item detail: the assignee handles it, else whoever replies', () => {
    const item = { authorName: '李四', trackingCode: 'ABC123', departmentName: null, assignee: null }
    const now = new Date('2026-12-04T02:00:00Z')
    expect(cannedContextOf(item, now, '王五')).toEqual({ salutation: '李四', trackingCode: 'ABC123', date: '2026年12月4日', departmentName: null, handlerName: '王五' })
    expect(cannedContextOf({ ...item, assignee: { name: '赵六' } }, now, '王五').handlerName).toBe('赵六')
  })

  it('the preview sample has a value for every placeholder', () => {
    for (const p of CANNED_PLACEHOLDERS) expect(SAMPLE_CANNED_CONTEXT[p.key]).toBeTruthy()
  })

  it('templates can be sent only with the message actions that take a reply text', () => {
    expect(CANNED_REPLY_ACTIONS).toEqual(['reply'])
  })
})
