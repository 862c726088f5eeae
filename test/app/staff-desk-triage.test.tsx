// The desk's triage tools (issue 6 §2–§3) against the contracts' shapes: saved views, the
// colleague picker, priority, topics, notes with @mentions, the bell, the calendar banner,
// duplicates and merging, and batches on "all that match".
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { getPageInstance } from '@tarojs/runtime'
import type { ItemDetail } from '@/domain'
import Inbox from '@/staff/pages/inbox/index'
import { ItemPanel } from '@/staff/components/item-panel'
import { forgetColleaguesForTests } from '@/staff/components/people-picker'
import { forgetTopicsForTests } from '@/staff/components/topics-card'
import { insertMention, mentionAt, mentionCandidates } from '@/staff/components/mention'
import { session } from '@/services/session'
import { resetBatchRouteForTests, type DeskInboxItem } from '@/services/desk-api'
import { fakeServer, type FakeResponse, type SentRequest } from './support/network'
import { deskDetail, deskRow } from './support/desk-fixtures'
import { typeInto } from './support/dom'

// Several panels load in parallel here; on a busy 2-core machine one second is not always enough.
configure({ asyncUtilTimeout: 5000 })

const me = { id: 'b0000000-0000-4000-8000-000000000002', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }
const wangwu = { id: 'b0000000-0000-4000-8000-000000000005', name: '王五', roles: ['staff'], department: { id: 'd1', name: '城关所' }, disabled: false }
const lisi = { id: 'b0000000-0000-4000-8000-000000000004', name: '李四', roles: ['staff'], department: null, disabled: false }
const PEOPLE = { people: [{ ...me, department: null, disabled: false }, wangwu, lisi] }
const NO_ROUTE = (req: SentRequest): FakeResponse => ({ statusCode: 404, data: { error: 'not_found', message: `没有这个接口：${req.method} ${req.url.split('?')[0]}` } })

const row = (n: number, extra: Partial<DeskInboxItem> = {}): DeskInboxItem => deskRow({ id: `a0000000-0000-4000-8000-00000000000${n}`, excerpt: `第${n}条留言内容`, version: 3, ...extra })

const detailOf = (r: DeskInboxItem, extra: Partial<ItemDetail> = {}): ItemDetail =>
  deskDetail(r, { version: r.version, priority: 0, topics: [], assignee: null, allowedActions: ['accept', 'reject'], ...extra })

function show() {
  const inst = getPageInstance('taro-app') as { componentDidShow?: (() => void) | (() => void)[] } | undefined
  ;[inst?.componentDidShow ?? []].flat().forEach((f) => f())
}
function windowWidth(width: number) {
  window.matchMedia = ((query: string) => {
    const min = Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? 0)
    return { matches: width >= min, media: query, addEventListener() {}, removeEventListener() {} }
  }) as never
}
// The desk's own writes; presence heartbeats and live-stream tickets (test/app/live.test.tsx) run beside them.
const LIVE_TRAFFIC = /\/presence$|\/inbox\/events\/ticket$/
const posts = (sent: SentRequest[]) => sent.filter((r) => r.method !== 'GET' && !LIVE_TRAFFIC.test(r.url)).map((r) => [r.method, r.url, r.data])
const confirmAll = () => jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)

beforeEach(() => {
  session.save({ token: 'tok-staff', user: me as never })
  resetBatchRouteForTests()
  forgetColleaguesForTests()
  forgetTopicsForTests()
  windowWidth(1440)
  jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
})

describe('@mentions', () => {
  test('the name being typed after @ is found at the caret, and picking a colleague completes it', () => {
    expect(mentionAt('请@王', 3)).toEqual({ start: 1, word: '王' })
    expect(mentionAt('请@王五 看看', 7)).toBeNull()
    expect(mentionAt('没有提到', 4)).toBeNull()
    expect(mentionCandidates([lisi, wangwu, { ...wangwu, id: 'x', name: '老王', disabled: false }], '王').map((c) => c.name)).toEqual(['王五', '老王'])
    expect(mentionCandidates([{ ...wangwu, disabled: true }], '王')).toEqual([])
    expect(insertMention("请@王核实", 3, 1, "王五")).toEqual({ text: "请@王五 核实", caret: 5 })
  })
})

describe('saved views', () => {
  test('saving keeps the view, status chip and search; the view then lists with its count, and can be renamed and deleted', async () => {
    const savedId = 'f0000000-0000-4000-8000-000000000001'
    let saved: { id: string; label: string; query: object }[] = []
    const sent = fakeServer((req) => {
      if (req.url === '/api/inbox/counts') {
        return {
          statusCode: 200,
          data: { views: [{ id: 'open', label: '全部待处理', builtin: true, count: 4 }, ...saved.map((v) => ({ id: v.id, label: v.label, builtin: false, count: 2 }))] }
        }
      }
      if (req.url === '/api/inbox/views' && req.method === 'GET') return { statusCode: 200, data: { views: saved } }
      if (req.url === '/api/inbox/views' && req.method === 'POST') {
        const body = req.data as { label: string; query: object }
        saved = [{ id: savedId, ...body }]
        return { statusCode: 201, data: saved[0] }
      }
      if (req.url === `/api/inbox/views/${savedId}` && req.method === 'PUT') {
        saved = [{ id: savedId, ...(req.data as { label: string; query: object }) }]
        return { statusCode: 200, data: saved[0] }
      }
      if (req.url === `/api/inbox/views/${savedId}` && req.method === 'DELETE') {
        saved = []
        return { statusCode: 204, data: '' }
      }
      if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [row(1)], nextCursor: null } }
      return NO_ROUTE(req)
    })
    confirmAll()
    render(<Inbox />)
    show()
    await screen.findByText('第1条留言内容')
    fireEvent.click(screen.getByText('待受理', { selector: '.desk__filter' }))
    await typeInto(document.querySelector('.desk__search'), '夜市')
    fireEvent.click(screen.getByText('搜索'))
    await waitFor(() => expect(sent.some((r) => r.url.includes('view=open&status=new&q='))).toBe(true))

    fireEvent.click(screen.getByText('＋ 保存为视图'))
    await typeInto(document.querySelector('.view-tools'), '夜市投诉')
    fireEvent.click(within(document.querySelector('.view-tools') as HTMLElement).getByText('保存'))
    // The built-in view's own filters travel with it: a saved view does not depend on 全部待处理 staying as it is.
    await waitFor(() =>
      expect(posts(sent)).toEqual([['POST', '/api/inbox/views', { label: '夜市投诉', query: { bucket: 'open', sort: 'newest', status: 'new', q: '夜市' } }]])
    )
    const view = (await screen.findByText('夜市投诉', { selector: '.desk-shell__view-label' })).closest('.desk-shell__view') as HTMLElement
    expect(within(view).getByText('2')).toBeInTheDocument()
    expect(view).toHaveClass('desk-shell__view--active')
    await waitFor(() => expect(sent.some((r) => r.url === `/api/inbox?view=${savedId}&limit=20`)).toBe(true))

    fireEvent.click(screen.getByText('重命名“夜市投诉”'))
    await typeInto(document.querySelector('.view-tools'), '夜市')
    fireEvent.click(within(document.querySelector('.view-tools') as HTMLElement).getByText('保存'))
    await screen.findByText('夜市', { selector: '.desk-shell__view-label' })
    expect(posts(sent)[1]).toEqual(['PUT', `/api/inbox/views/${savedId}`, { label: '夜市', query: { bucket: 'open', sort: 'newest', status: 'new', q: '夜市' } }])

    fireEvent.click(screen.getByText('删除此视图'))
    await waitFor(() => expect(posts(sent)).toHaveLength(3))
    await waitFor(() => expect(screen.queryByText('夜市', { selector: '.desk-shell__view-label' })).toBeNull())
    expect(posts(sent)[2]).toEqual(['DELETE', `/api/inbox/views/${savedId}`, {}])
    expect(screen.getByText('全部待处理', { selector: '.desk-shell__view-label' }).closest('.desk-shell__view')).toHaveClass('desk-shell__view--active')
  })
})

describe('the item panel', () => {
  const item = row(1)
  function panelServer(extra: (req: SentRequest) => FakeResponse | null = () => null) {
    let detail = detailOf(item)
    const sent = fakeServer((req) => {
      const answer = extra(req)
      if (answer) return answer
      if (req.url === `/api/items/${item.id}` && req.method === 'GET') return { statusCode: 200, data: detail }
      if (req.url === '/api/people') return { statusCode: 200, data: PEOPLE }
      if (req.url === '/api/topics') {
        return { statusCode: 200, data: { topics: [{ id: 't1', name: '食品安全', year: 2026, active: true }, { id: 't2', name: '旧主题', year: 2026, active: false }, { id: 't3', name: '价格', year: 2026, active: true }] } }
      }
      const op = /\/api\/items\/[^/]+\/(assign|priority|topics|notes)$/.exec(req.url)?.[1]
      if (op && req.method === 'POST') {
        const body = req.data as Record<string, unknown>
        if (body.version !== detail.version) return { statusCode: 409, data: { error: 'conflict', message: '已被他人修改' } }
        detail = {
          ...detail,
          version: (detail.version ?? 0) + 1,
          ...(op === 'assign' ? { assignee: body.assigneeId === wangwu.id ? { id: wangwu.id, name: wangwu.name } : null } : {}),
          ...(op === 'priority' ? { priority: body.priority as number } : {}),
          ...(op === 'topics' ? { topics: body.topics as string[] } : {}),
          ...(op === 'notes'
            ? { timeline: [...detail.timeline, { id: 'e9', action: 'note', fromStatus: null, toStatus: null, actorName: me.name, body: body.body as string, reason: null, at: item.createdAt, isPublic: false }] }
            : {})
        }
        return { statusCode: 200, data: detail }
      }
      return NO_ROUTE(req)
    })
    return sent
  }

  test('分派 offers the colleagues from /api/people; assigning sends the id and the version', async () => {
    const sent = panelServer()
    render(<ItemPanel id={item.id} command={{ name: 'assign', seq: 1 }} />)
    // The `a` shortcut's command opens the picker at once.
    const card = (await screen.findByText('承办人')).closest('.assign-card') as HTMLElement
    fireEvent.click(await within(card).findByText('王五（城关所）'))
    await waitFor(() => expect(posts(sent)).toEqual([['POST', `/api/items/${item.id}/assign`, { assigneeId: wangwu.id, version: 3 }]]))
    expect(await within(card).findByText('王五')).toBeInTheDocument()
    // Oneself is offered as 分派给我, not in the list.
    expect(within(card).queryByText('王宣传')).toBeNull()
  })

  test('priority and topics are set with the version each answer brings', async () => {
    const sent = panelServer()
    render(<ItemPanel id={item.id} />)
    fireEvent.click(await screen.findByText('紧急'))
    await waitFor(() => expect(screen.getByText('紧急')).toHaveClass('zb-chip--active'))
    fireEvent.click(screen.getByText('标记主题'))
    fireEvent.click(await screen.findByText('食品安全'))
    fireEvent.click(screen.getByText('价格'))
    // Inactive topics are not offered.
    expect(screen.queryByText('旧主题')).toBeNull()
    fireEvent.click(screen.getByText('保存主题'))
    await waitFor(() => expect(posts(sent)).toHaveLength(2))
    await waitFor(() => expect(screen.queryByText('保存主题')).toBeNull())
    expect(posts(sent)).toEqual([
      ['POST', `/api/items/${item.id}/priority`, { priority: 2, version: 3 }],
      ['POST', `/api/items/${item.id}/topics`, { topics: ['食品安全', '价格'], version: 4 }]
    ])
    expect(within(document.querySelector('.topics-card') as HTMLElement).getByText('价格')).toBeInTheDocument()
  })

  test('a note offers colleagues after @ and sends the completed name', async () => {
    const sent = panelServer()
    render(<ItemPanel id={item.id} />)
    const card = (await screen.findByText('内部备注')).closest('.note-card') as HTMLElement
    await typeInto(card, '请@王')
    fireEvent.click(await within(card).findByText('@王五'))
    // The field now holds the whole name; go on typing after it.
    const field = card.querySelector('textarea') as HTMLTextAreaElement
    await waitFor(() => expect(field.value).toBe('请@王五 '))
    await typeInto(card, '请@王五 核实一下')
    expect(within(card).queryByText('@王五')).toBeNull()
    fireEvent.click(within(card).getByText('添加备注'))
    await waitFor(() => expect(posts(sent)).toEqual([['POST', `/api/items/${item.id}/notes`, { body: '请@王五 核实一下', version: 3 }]]))
    expect(await screen.findByText('请@王五 核实一下')).toBeInTheDocument()
  })

  test('a canned reply fills the reply for this item and is sent with its action and the version', async () => {
    const accepted = detailOf(item, { status: 'accepted', allowedActions: ['start', 'reply'] })
    const sent = fakeServer((req) => {
      if (req.url === `/api/items/${item.id}` && req.method === 'GET') return { statusCode: 200, data: accepted }
      if (req.url === '/api/canned-replies') {
        return { statusCode: 200, data: { cannedReplies: [{ id: 'k1', title: '已转现场核查', body: '{称呼}您好：留言 {留言码} 已由{部门}{经办人}核查。', action: 'reply' }] } }
      }
      if (req.url === `/api/items/${item.id}/actions`) return { statusCode: 200, data: { ...accepted, status: 'replied', version: 4, allowedActions: [] } }
      return NO_ROUTE(req)
    })
    render(<ItemPanel id={item.id} />)
    fireEvent.click(await screen.findByText('使用答复模板'))
    fireEvent.click(await screen.findByText('已转现场核查'))
    // 称呼 is the author, 部门 falls back to 本局 when the item has none, 经办人 is the one replying.
    const filled = '张三您好：留言 ABCD2345 已由本局王宣传核查。'
    const field = document.querySelector('.item-panel__reply textarea') as HTMLTextAreaElement
    await waitFor(() => expect(field.value).toBe(filled))
    fireEvent.click(screen.getByText('发送答复'))
    await waitFor(() => expect(posts(sent)).toEqual([['POST', `/api/items/${item.id}/actions`, { action: 'reply', body: filled, version: 3 }]]))
  })

  test('duplicates list with why; 合并到此 folds the other in, 合并 folds this one into the other (each after a confirmation)', async () => {
    const other = row(2, { excerpt: '夜市烧烤油烟' })
    const onMerged = jest.fn()
    const sent = panelServer((req) => {
      if (req.url === `/api/items/${item.id}/duplicates`) {
        return {
          statusCode: 200,
          data: {
            candidates: [
              { id: other.id, kind: 'message', title: null, excerpt: '夜市烧烤油烟', trackingCode: 'K7M3Q9', status: 'new', createdAt: other.createdAt, score: 0.8, reasons: ['text', 'phone'], mergeable: true },
              // A closed one can take nothing in: 合并 is off for it, 合并到此 is not.
              { id: row(3).id, kind: 'message', title: null, excerpt: '已办结的旧留言', trackingCode: null, status: 'closed', createdAt: other.createdAt, score: 0.5, reasons: ['author'], mergeable: false }
            ]
          }
        }
      }
      if (req.url === `/api/items/${other.id}/merge`) return { statusCode: 200, data: detailOf(item, { version: 4 }) }
      if (req.url === `/api/items/${item.id}/merge`) return { statusCode: 200, data: detailOf(other, { version: 7 }) }
      return null
    })
    const asked = jest
      .spyOn(Taro, 'showModal')
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
      .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
    render(<ItemPanel id={item.id} onMerged={onMerged} />)
    const card = (await screen.findByText('可能重复（2）')).closest('.duplicates-card') as HTMLElement
    expect(within(card).getByText('夜市烧烤油烟')).toBeInTheDocument()
    expect(within(card).getByText('内容相近、同一电话')).toBeInTheDocument()
    const closed = within(card).getByText('已办结的旧留言').closest('.duplicates-card__row') as HTMLElement
    expect(within(closed).getByText('合并').closest('.nut-button')).toHaveClass('nut-button-disabled')

    // Cancelled: nothing is sent.
    const first = () => within(document.querySelector('.duplicates-card') as HTMLElement).getAllByText('合并到此')[0]
    fireEvent.click(first())
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(1))
    expect(posts(sent)).toEqual([])
    fireEvent.click(first())
    await waitFor(() => expect(posts(sent)).toEqual([['POST', `/api/items/${other.id}/merge`, { into: item.id }]]))
    // This item remains: the desk only reloads its list.
    await waitFor(() => expect(onMerged).toHaveBeenCalledWith(item.id))

    // The candidates are asked again for the new version; the card comes back with them.
    const again = await waitFor(() => {
      const el = document.querySelector('.duplicates-card')
      if (!el) throw new Error('not yet')
      return el as HTMLElement
    })
    fireEvent.click(within(again).getAllByText('合并')[0])
    await waitFor(() => expect(posts(sent)[1]).toEqual(['POST', `/api/items/${item.id}/merge`, { into: other.id, version: 4 }]))
    // What remains is the other item: the desk moves there.
    await waitFor(() => expect(onMerged).toHaveBeenLastCalledWith(other.id))
  })
})

describe('the desk frame', () => {
  const notification = (n: number, kind: string, kindLabel: string, readAt: string | null = null) => ({
    id: `e0000000-0000-4000-8000-00000000000${n}`,
    kind,
    kindLabel,
    itemId: row(n).id,
    itemKind: 'message',
    excerpt: `第${n}条留言内容`,
    body: kind === 'mentioned' ? '@王宣传 请看一下' : null,
    actorName: kind === 'mentioned' ? '王五' : null,
    createdAt: '2026-12-03T02:00:00.000Z',
    readAt
  })

  test('the bell counts unread reminders; opening one marks it read and opens its item; 全部已读', async () => {
    let unread = 2
    const sent = fakeServer((req) => {
      if (req.url.startsWith('/api/notifications?')) {
        return {
          statusCode: 200,
          data: { items: [notification(1, 'mentioned', '提到我'), notification(2, 'overdue', '已超期'), notification(3, 'assigned', '分派给我', '2026-12-03T03:00:00.000Z')], unreadCount: unread }
        }
      }
      if (req.url.endsWith('/read-all')) {
        unread = 0
        return { statusCode: 200, data: { updated: 1 } }
      }
      if (req.url.endsWith('/read')) return { statusCode: 200, data: { unreadCount: 1 } }
      if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [row(1), row(2)], nextCursor: null } }
      if (req.url === `/api/items/${row(1).id}`) return { statusCode: 200, data: detailOf(row(1)) }
      return NO_ROUTE(req)
    })
    render(<Inbox />)
    show()
    const bell = document.querySelector('.bell') as HTMLElement
    expect(await within(bell).findByText('2')).toBeInTheDocument()
    fireEvent.click(within(bell).getByText('提醒'))
    expect(await within(bell).findByText('提到我')).toBeInTheDocument()
    expect(within(bell).getByText('王五：@王宣传 请看一下')).toBeInTheDocument()
    fireEvent.click(within(bell).getByText('提到我'))
    await waitFor(() => expect(posts(sent)).toEqual([['POST', `/api/notifications/${notification(1, '', '').id}/read`, {}]]))
    expect(await within(document.querySelector('.desk__detail') as HTMLElement).findByText('第1条留言内容（全文）')).toBeInTheDocument()
    expect(within(bell).getByText('1')).toBeInTheDocument()

    fireEvent.click(within(bell).getByText('提醒'))
    fireEvent.click(await within(bell).findByText('全部已读'))
    await waitFor(() => expect(within(bell).queryByText('1')).toBeNull())
    expect(posts(sent)[1]).toEqual(['POST', '/api/notifications/read-all', {}])
  })

  test('a banner says which years the holiday calendar lacks; none when it lacks none', async () => {
    let missing = [2027]
    fakeServer((req) => {
      if (req.url === '/api/calendar/status') {
        return {
          statusCode: 200,
          data: { today: '2026-12-04', years: [], missingYears: missing, warning: missing.length ? '2027 年的节假日和调休安排尚未录入，截止日期暂按周一至周五计算，可能不准。' : null, builtin: { firstYear: 2004, lastYear: 2026, source: 'chinese-days' } }
        }
      }
      if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [row(1)], nextCursor: null } }
      return NO_ROUTE(req)
    })
    const { unmount } = render(<Inbox />)
    show()
    expect(await screen.findByText('节假日日历缺少 2027 年')).toBeInTheDocument()
    expect(screen.getByText(/截止日期暂按周一至周五计算/)).toBeInTheDocument()
    unmount()
    missing = []
    render(<Inbox />)
    await screen.findByText('第1条留言内容')
    expect(screen.queryByText(/节假日日历缺少/)).toBeNull()
  })

  test('a batch on all that match sends the list’s filter, and says how many matched and which were refused and why', async () => {
    const sent = fakeServer((req) => {
      if (req.url === '/api/inbox/counts') return { statusCode: 200, data: { views: [{ id: 'unassigned', label: '未分派', builtin: true, count: 45 }] } }
      if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [row(1), row(2)], nextCursor: 'next-page' } }
      if (req.url === '/api/people') return { statusCode: 200, data: PEOPLE }
      if (req.url === '/api/items/batch') {
        return {
          statusCode: 200,
          data: {
            matched: 45,
            capped: true,
            results: [
              { id: row(1).id, ok: true, status: 'new', message: '已分派' },
              { id: 'a0000000-0000-4000-8000-000000000099', ok: false, code: 'not_allowed', message: '该条已办结，不能分派' }
            ]
          }
        }
      }
      return NO_ROUTE(req)
    })
    confirmAll()
    render(<Inbox />)
    show()
    await screen.findByText('第1条留言内容')
    fireEvent.click(document.querySelector('.desk-row__check') as HTMLElement)
    fireEvent.click(await screen.findByText('选择本页全部 2 条'))
    fireEvent.click(await screen.findByText(/选择全部符合条件的/))
    expect(await screen.findByText('全部符合条件的')).toBeInTheDocument()
    fireEvent.click(screen.getByText('分派…'))
    fireEvent.click(await within(document.querySelector('.batch-bar') as HTMLElement).findByText('王五（城关所）'))

    await waitFor(() => expect(posts(sent)).toEqual([['POST', '/api/items/batch', { op: 'assign', assigneeId: wangwu.id, filter: { view: 'unassigned' } }]]))
    expect(await screen.findByText(/批量分派给王五（符合条件 45 条）：1 条成功，1 条未完成/)).toBeInTheDocument()
    expect(screen.getByText(/该条已办结，不能分派/)).toBeInTheDocument()
    expect(screen.getByText('一次最多处理 2 条，其余的请再次执行。')).toBeInTheDocument()
  })

  test('a batch on the selection tags each selected item with its version', async () => {
    const sent = fakeServer((req) => {
      if (req.url.startsWith('/api/inbox?')) return { statusCode: 200, data: { items: [row(1), row(2)], nextCursor: null } }
      if (req.url === '/api/topics') return { statusCode: 200, data: { topics: [{ id: 't1', name: '食品安全', year: 2026, active: true }] } }
      if (req.url === '/api/items/batch') {
        return { statusCode: 200, data: { matched: 1, results: [{ id: row(2).id, ok: true, message: '已标记' }] } }
      }
      return NO_ROUTE(req)
    })
    render(<Inbox />)
    show()
    await screen.findByText('第2条留言内容')
    fireEvent.click(screen.getByText('第2条留言内容').closest('.desk-row')!.querySelector('.desk-row__check') as HTMLElement)
    fireEvent.click(await screen.findByText('标记主题…'))
    fireEvent.click(await screen.findByText('食品安全'))
    fireEvent.click(screen.getByText('标记为 食品安全'))
    await waitFor(() => expect(posts(sent)).toEqual([['POST', '/api/items/batch', { op: 'tag', topics: ['食品安全'], items: [{ id: row(2).id, version: 3 }] }]]))
    expect(await screen.findByText('批量标记主题：1 条成功，0 条未完成')).toBeInTheDocument()
  })
})
