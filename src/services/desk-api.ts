// The staff desk's calls, typed to the contracts of issue 6 (inbox views and counts, item actions
// with versions, assign, priority, topics, notes, batch). The server routes land in parallel, so
// every call that may not exist yet degrades: a 404 from a route means "not there", and the desk
// shows less rather than failing. Field names the server may not send yet are optional here.
import { messageMachine, REPLY_ACTION, type BatchAction, type CalendarStatus, type InboxItem, type InboxPage, type InboxQuery, type InboxViewQuery, type ItemAction, type ItemDetail, type NotificationPage, type PhoneNumberView, type RejectReason } from '@/domain'
import { ApiError, request } from './api'

/** GET /api/inbox's query (domain/schemas/inbox.ts): every filter combines with `q` and every sort. */
export type DeskInboxQuery = InboxQuery

/** A dense list row; its `version` goes back with an action, so a stale one gets 409. */
export type DeskInboxItem = InboxItem

export interface DeskInboxPage extends Omit<InboxPage, 'items'> {
  items: DeskInboxItem[]
}

/** The item as GET /api/items/:id answers (version, priority, topics and assignee from the core routes). */
export type DeskItemDetail = ItemDetail

/** A view in the sidebar. `query` marks a view the app makes up itself (no server views yet). */
export interface DeskView {
  id: string
  label: string
  /** Null when the server does not count. */
  count: number | null
  query?: Omit<DeskInboxQuery, 'cursor' | 'limit' | 'q'>
  /** One of the caller's saved views (GET /api/inbox/counts says builtin: false): it can be renamed and deleted. */
  saved?: boolean
}

/** A saved view as GET/POST/PUT /api/inbox/views answer it. */
export interface SavedView {
  id: string
  label: string
  query: InboxViewQuery
}

/** GET /api/people (contracts.md): a desk colleague of the caller's bureau. */
export interface Colleague {
  id: string
  name: string
  roles?: string[]
  department?: { id: string; name: string } | null
  disabled?: boolean
}

/** GET /api/topics: the focus topics of a year. */
export interface Topic {
  id: string
  name: string
  year?: number
  active?: boolean
}

export type { CalendarStatus, NotificationPage }
export type DeskNotification = NotificationPage['items'][number]

/** GET /api/canned-replies: a template with placeholders; `action` is what sending it does (e.g. reply). */
export interface CannedReply {
  id: string
  title: string
  body: string
  action: string | null
}

/** GET /api/items/:id/duplicates: an item that may be the same matter, and why. */
export interface DuplicateCandidate {
  id: string
  kind: DeskInboxItem['kind']
  title?: string | null
  excerpt?: string | null
  status: string
  createdAt: string
  score: number
  reasons: ('text' | 'author' | 'phone' | 'place' | 'time')[]
  /** Whether this item may be merged into the candidate (same kind, candidate still open or waiting). */
  mergeable?: boolean
}

export interface ActInput {
  action: ItemAction
  note?: string
  reason?: RejectReason
  /** Reply text (the action `reply`). */
  body?: string
}

/** Views offered when the server has no GET /api/inbox/counts: filters today's inbox accepts. */
export const FALLBACK_VIEWS: readonly DeskView[] = [
  { id: 'all', label: '全部', count: null, query: {} },
  { id: 'new-messages', label: '待受理留言', count: null, query: { kind: 'message', status: messageMachine.initial.status } },
  { id: 'messages', label: '群众留言', count: null, query: { kind: 'message' } },
  { id: 'cases', label: '典型事例', count: null, query: { kind: 'case' } }
]

/**
 * A route that is not there yet: the server's not-found handler answers 404 没有这个接口 (an item
 * that is gone is a 404 too, in other words, and must not be mistaken for a missing feature).
 */
const isMissingRoute = (e: unknown) => e instanceof ApiError && e.status === 404 && /没有这个接口|route .* not found/i.test(e.message)

async function unlessMissing<T>(call: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await call()
  } catch (e) {
    if (isMissingRoute(e)) return fallback
    throw e
  }
}

const path = (id: string, tail = '') => `/api/items/${encodeURIComponent(id)}${tail}`
const withVersion = <T extends object>(body: T, version: number | undefined) => (version === undefined ? body : { ...body, version })

function queryParams(q: DeskInboxQuery): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {}
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    out[k] = typeof v === 'boolean' ? 'true' : (v as string | number)
  }
  return out
}

export const deskApi = {
  inbox: (query: DeskInboxQuery) => request<DeskInboxPage>('/api/inbox', { query: queryParams(query) }),

  /** The views with live counts, or null when the server has none (the desk then offers FALLBACK_VIEWS). */
  counts: () =>
    unlessMissing(async () => {
      const { views } = await request<{ views: { id: string; label: string; builtin?: boolean; count: number }[] }>('/api/inbox/counts')
      return views.map((v): DeskView => ({ id: v.id, label: v.label, count: v.count, saved: v.builtin === false }))
    }, null),

  /** The caller's own saved views, with their filters (the counts do not carry them). */
  savedViews: () => unlessMissing(async () => (await request<{ views: SavedView[] }>('/api/inbox/views')).views, [] as SavedView[]),
  saveView: (label: string, query: InboxViewQuery) => request<SavedView>('/api/inbox/views', { method: 'POST', data: { label, query } }),
  updateView: (id: string, label: string, query: InboxViewQuery) =>
    request<SavedView>(`/api/inbox/views/${encodeURIComponent(id)}`, { method: 'PUT', data: { label, query } }),
  deleteView: (id: string) => request<unknown>(`/api/inbox/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  item: (id: string) => request<DeskItemDetail>(path(id)),

  /**
   * A transition from the item's table. A reply goes to POST /reply until the server takes
   * versions (then it is an action like the others, so a stale reply is refused too).
   */
  act: (id: string, input: ActInput, version?: number) => {
    if (input.action === REPLY_ACTION && version === undefined) {
      return request<DeskItemDetail>(path(id, '/reply'), { method: 'POST', data: { body: input.body } })
    }
    return request<DeskItemDetail>(path(id, '/actions'), { method: 'POST', data: withVersion(input, version) })
  },

  /** Null assignee or department clears it. */
  assign: (id: string, to: { assigneeId?: string | null; departmentId?: string | null }, version?: number) =>
    request<DeskItemDetail>(path(id, '/assign'), { method: 'POST', data: withVersion(to, version) }),
  setPriority: (id: string, priority: number, version?: number) =>
    request<DeskItemDetail>(path(id, '/priority'), { method: 'POST', data: withVersion({ priority }, version) }),
  /** Topic names (TopicsBody). */
  setTopics: (id: string, topics: string[], version?: number) =>
    request<DeskItemDetail>(path(id, '/topics'), { method: 'POST', data: withVersion({ topics }, version) }),
  addNote: (id: string, body: string, version?: number) =>
    request<DeskItemDetail>(path(id, '/notes'), { method: 'POST', data: withVersion({ body }, version) }),
  /** 查看完整号码: the server logs every reveal (who, when) on the item's internal timeline. */
  revealContact: (id: string) => request<PhoneNumberView>(path(id, '/reveal-contact'), { method: 'POST' }),

  /** Desk colleagues one may assign to; empty when the server has no such list yet. */
  colleagues: () => unlessMissing(async () => (await request<{ people: Colleague[] }>('/api/people')).people, [] as Colleague[]),
  /** This year's active topics (the server defaults to the current year in Beijing). */
  topics: () =>
    unlessMissing(async () => (await request<{ topics: Topic[] }>('/api/topics')).topics.filter((t) => t.active !== false), [] as Topic[]),
  cannedReplies: () =>
    unlessMissing(async () => (await request<{ cannedReplies: CannedReply[] }>('/api/canned-replies')).cannedReplies, [] as CannedReply[]),

  /** Empty when the server cannot look for duplicates yet. */
  duplicates: (id: string) =>
    unlessMissing(async () => (await request<{ candidates: DuplicateCandidate[] }>(path(id, '/duplicates'))).candidates, [] as DuplicateCandidate[]),
  /** Merges item `id` into `into`; the answer is the surviving item. */
  merge: (id: string, into: string, version?: number) =>
    request<DeskItemDetail>(path(id, '/merge'), { method: 'POST', data: withVersion({ into }, version) }),

  notifications: () => request<NotificationPage>('/api/notifications', { query: { limit: 30 } }),
  readNotification: (id: string) => request<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  readAllNotifications: () => request<unknown>('/api/notifications/read-all', { method: 'POST' }),

  /** Null when the server cannot say (the banner then stays away). */
  calendarStatus: () => unlessMissing(() => request<CalendarStatus>('/api/calendar/status'), null)
}

/** One item of a batch and how it went: refused ones say why, in the server's words. */
export interface BatchResult {
  id: string
  ok: boolean
  message: string
  /** The server's error code for a refusal (e.g. not_allowed, stale_version). */
  code?: string
}

export type BatchOp =
  | { op: 'act'; action: BatchAction; note?: string }
  | { op: 'assign'; assigneeId: string | null }
  | { op: 'tag'; topics: string[] }

/** Whether POST /api/items/batch exists; learnt from the first try. */
let batchRoute: boolean | undefined

function single(item: DeskInboxItem, op: BatchOp): Promise<unknown> {
  if (op.op === 'act') return deskApi.act(item.id, { action: op.action }, item.version)
  if (op.op === 'assign') return deskApi.assign(item.id, { assigneeId: op.assigneeId }, item.version)
  return deskApi.setTopics(item.id, op.topics, item.version)
}

/**
 * Applies one operation to many items: through the batch route when the server has one, else
 * item by item (two at a time, so a long selection does not flood a 2-core server). Never
 * throws for a refused item; each result says what happened to it.
 */
export async function runBatch(items: readonly DeskInboxItem[], op: BatchOp, done = '已完成'): Promise<BatchResult[]> {
  if (batchRoute !== false) {
    try {
      const answer = await request<BatchAnswer>('/api/items/batch', {
        method: 'POST',
        data: { ...op, items: items.map((i) => withVersion({ id: i.id }, i.version)) }
      })
      batchRoute = true
      return resultsOf(answer, done)
    } catch (e) {
      if (!isMissingRoute(e)) throw e
      batchRoute = false
    }
  }
  const results: BatchResult[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      try {
        await single(items[i], op)
        results[i] = { id: items[i].id, ok: true, message: done }
      } catch (e) {
        results[i] = { id: items[i].id, ok: false, message: e instanceof ApiError ? e.message : '出错了，请稍后重试' }
      }
    }
  }
  await Promise.all([worker(), worker()])
  return results
}

interface BatchAnswer {
  matched?: number
  /** The filter matched more than one batch acts on. */
  capped?: boolean
  results: { id: string; ok: boolean; code?: string; message?: string }[]
}
const resultsOf = (answer: BatchAnswer, done: string): BatchResult[] =>
  answer.results.map((r) => ({ id: r.id, ok: r.ok, code: r.code, message: r.message || (r.ok ? done : '未能完成') }))

/** The filter of "all that match": GET /api/inbox's query without paging (contracts.md). */
export type BatchFilter = Omit<DeskInboxQuery, 'cursor' | 'limit'>

/**
 * The operation on every item the filter matches (the server caps how many and says how many
 * matched). Needs the batch route: there is no item-by-item fallback for a set the desk has not listed.
 */
export async function runBatchOnFilter(filter: BatchFilter, op: BatchOp, done = '已完成'): Promise<{ matched: number; capped: boolean; results: BatchResult[] }> {
  const answer = await request<BatchAnswer>('/api/items/batch', { method: 'POST', data: { ...op, filter } })
  const matched = answer.matched ?? answer.results.length
  return { matched, capped: answer.capped ?? matched > answer.results.length, results: resultsOf(answer, done) }
}

/** For tests: forget what was learnt about the batch route. */
export function resetBatchRouteForTests(): void {
  batchRoute = undefined
}
