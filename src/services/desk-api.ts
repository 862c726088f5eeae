// The staff desk's calls, typed to the contracts of issue 6 (inbox views and counts, item actions
// with versions, assign, priority, topics, notes, batch). The server routes land in parallel, so
// every call that may not exist yet degrades: a 404 from a route means "not there", and the desk
// shows less rather than failing. Field names the server may not send yet are optional here.
import { messageMachine, REPLY_ACTION, type BatchAction, type InboxItem, type InboxPage, type InboxQuery, type ItemAction, type ItemDetail, type RejectReason } from '@/domain'
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
}

export interface Colleague {
  id: string
  name: string
  departmentName?: string | null
}

export interface Topic {
  id: string
  name: string
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
      const { views } = await request<{ views: { id: string; label: string; count: number }[] }>('/api/inbox/counts')
      return views.map((v): DeskView => ({ id: v.id, label: v.label, count: v.count }))
    }, null),

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

  /** Desk colleagues one may assign to; empty when the server has no such list yet. */
  colleagues: () => unlessMissing(async () => (await request<{ people: Colleague[] }>('/api/people')).people, [] as Colleague[]),
  topics: () => unlessMissing(async () => (await request<{ topics: Topic[] }>('/api/topics')).topics, [] as Topic[])
}

/** One item of a batch and how it went: refused ones say why, in the server's words. */
export interface BatchResult {
  id: string
  ok: boolean
  message: string
}

export type BatchOp =
  | { op: 'act'; action: BatchAction }
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
      const answer = await request<{ results: { id: string; ok: boolean; message?: string }[] }>('/api/items/batch', {
        method: 'POST',
        data: { ...op, items: items.map((i) => withVersion({ id: i.id }, i.version)) }
      })
      batchRoute = true
      return answer.results.map((r) => ({ id: r.id, ok: r.ok, message: r.message ?? (r.ok ? done : '未能完成') }))
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

/** For tests: forget what was learnt about the batch route. */
export function resetBatchRouteForTests(): void {
  batchRoute = undefined
}
