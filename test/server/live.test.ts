import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { waitFor } from '../helpers/wait-for'
import { killListenConnections, startSecondProcess } from '../helpers/second-process'
import type { SessionView } from '../../domain/schemas/auth'
import { PRESENCE_TTL_SECONDS, LIVE_TICKET_TTL_SECONDS } from '../../domain/schemas/live'
import { messageMachine } from '../../domain/message/state-machine'
import { caseMachine } from '../../domain/case/state-machine'
import { COMPLAINT_EXTRAS } from '../helpers/message-fixtures'

// The clock of presence and tickets: tests move it instead of sleeping.
let offsetMs = 0
const now = () => new Date(Date.now() + offsetMs)

let t: TestApp
let base: string
let wang: SessionView
let li: SessionView
let reviewer: SessionView
let officer: SessionView
let citizen: SessionView
let outsider: { token: string; orgId: string }
let outsiderOrg: string
let serial = 0

beforeAll(async () => {
  t = await createTestApp({}, { live: { now, heartbeatMs: 200 } })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  wang = await t.login('staff', '王五')
  li = await t.login('staff', '李四')
  reviewer = await t.login('reviewer', '审核甲')
  officer = await t.login('officer', '干部甲')
  citizen = await t.login('citizen', '群众甲')
  outsider = await t.loginElsewhere(['staff'], '邻县宣传')
  outsiderOrg = outsider.orgId
})
afterAll(() => t.close())
afterEach(() => {
  offsetMs = 0
})

const inject = (s: { token: string } | null, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s ? bearer(s) : {}, ...(payload ? { payload } : {}) })

async function newMessage(): Promise<string> {
  const res = await inject(citizen, 'POST', '/api/messages', { category: 'complaint', ...COMPLAINT_EXTRAS, body: `店门口占道经营 ${++serial}` })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

/** An item of the other bureau, written directly (that bureau has no API users in this test). */
async function outsiderItem(): Promise<string> {
  const author = await t.db.insertInto('app_user').values({ org_id: outsiderOrg, name: `邻县干部${++serial}`, roles: ['officer'] }).returning('id').executeTakeFirstOrThrow()
  const row = await t.db
    .insertInto('item')
    .values({ org_id: outsiderOrg, kind: 'case', status: caseMachine.initial.status, author_id: author.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

// ————— An SSE client on the real listener —————

interface SseClient {
  events: { event: string; data: any }[]
  comments: string[]
  status: number
  headers: http.IncomingHttpHeaders
  ended: Promise<void>
  close(): void
}

async function ticketFor(s: { token: string }): Promise<string> {
  const res = await inject(s, 'POST', '/api/inbox/events/ticket')
  expect(res.statusCode).toBe(200)
  return res.json().ticket
}

function connect(ticket: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/inbox/events?ticket=${encodeURIComponent(ticket)}`, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = ''
      let done!: () => void
      const client: SseClient = {
        events: [],
        comments: [],
        status: res.statusCode!,
        headers: res.headers,
        ended: new Promise((r) => (done = r)),
        close: () => req.destroy()
      }
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let at: number
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          if (frame.startsWith(':')) client.comments.push(frame.slice(1).trim())
          else {
            const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message'
            const data = /^data: (.*)$/m.exec(frame)?.[1]
            client.events.push({ event, data: data === undefined ? undefined : JSON.parse(data) })
          }
        }
      })
      res.on('end', done)
      res.on('close', done)
      resolve(client)
    })
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)))
  })
}

const connected = (c: SseClient) => waitFor(async () => c.comments.includes('connected'), 'the stream to open')

describe('presence', () => {
  it('B sees A while A has the item open; it expires by itself after the TTL; DELETE ends it at once', async () => {
    const id = await newMessage()
    const a = await inject(wang, 'PUT', `/api/items/${id}/presence`)
    expect(a.statusCode).toBe(200)
    expect(a.json()).toEqual({ viewers: [] })

    const b = await inject(li, 'PUT', `/api/items/${id}/presence`)
    expect(b.json()).toEqual({ viewers: [{ id: wang.user.id, name: '王五' }] })
    // The caller is never among the viewers it is told about.
    expect((await inject(wang, 'PUT', `/api/items/${id}/presence`)).json()).toEqual({ viewers: [{ id: li.user.id, name: '李四' }] })

    // Just inside the TTL A is still there; just past it A is gone, without A doing anything.
    offsetMs = (PRESENCE_TTL_SECONDS - 1) * 1000
    expect((await inject(li, 'PUT', `/api/items/${id}/presence`)).json().viewers).toEqual([{ id: wang.user.id, name: '王五' }])
    offsetMs = (PRESENCE_TTL_SECONDS + 1) * 1000
    expect((await inject(li, 'PUT', `/api/items/${id}/presence`)).json().viewers).toEqual([])

    // A comes back, then leaves explicitly.
    await inject(wang, 'PUT', `/api/items/${id}/presence`)
    expect((await inject(li, 'PUT', `/api/items/${id}/presence`)).json().viewers).toHaveLength(1)
    expect((await inject(wang, 'DELETE', `/api/items/${id}/presence`)).statusCode).toBe(204)
    expect((await inject(li, 'PUT', `/api/items/${id}/presence`)).json().viewers).toEqual([])
  })

  it('is for desk roles only (403), and another bureau\u2019s item is not found (404)', async () => {
    const id = await newMessage()
    for (const who of [officer, citizen, reviewer]) {
      expect((await inject(who, 'PUT', `/api/items/${id}/presence`)).statusCode).toBe(403)
      expect((await inject(who, 'DELETE', `/api/items/${id}/presence`)).statusCode).toBe(403)
    }
    expect((await inject(null, 'PUT', `/api/items/${id}/presence`)).statusCode).toBe(401)
    expect((await inject(outsider, 'PUT', `/api/items/${id}/presence`)).statusCode).toBe(404)
    expect((await inject(outsider, 'DELETE', `/api/items/${id}/presence`)).statusCode).toBe(404)
    const theirs = await outsiderItem()
    expect((await inject(wang, 'PUT', `/api/items/${theirs}/presence`)).statusCode).toBe(404)
    expect((await inject(wang, 'PUT', `/api/items/not-a-uuid/presence`)).statusCode).toBe(400)
  })
})

describe('GET /api/inbox/changes (mini-program polling)', () => {
  it('starts from now, then returns what changed since the cursor, bounded; other bureaus never', async () => {
    const start = await inject(wang, 'GET', '/api/inbox/changes')
    expect(start.statusCode).toBe(200)
    expect(start.json().changes).toEqual([])
    const cursor0 = start.json().cursor

    const id = await newMessage()
    const theirs = await outsiderItem()
    const first = (await inject(wang, 'GET', `/api/inbox/changes?since=${cursor0}`)).json()
    expect(first.changes).toContainEqual({ id, version: 1, status: messageMachine.initial.status, kind: 'message' })
    expect(first.changes.map((c: { id: string }) => c.id)).not.toContain(theirs)

    const accepted = await inject(li, 'POST', `/api/items/${id}/actions`, { action: 'accept', version: 1 })
    expect(accepted.statusCode).toBe(200)
    const second = (await inject(wang, 'GET', `/api/inbox/changes?since=${first.cursor}`)).json()
    expect(second.changes).toContainEqual({ id, version: 2, status: accepted.json().status, kind: 'message' })

    // Once the settle window has passed, the cursor moves on and nothing comes twice.
    offsetMs = 15_000
    const settled = (await inject(wang, 'GET', `/api/inbox/changes?since=${second.cursor}`)).json()
    const after = (await inject(wang, 'GET', `/api/inbox/changes?since=${settled.cursor}`)).json()
    expect(after.changes).toEqual([])
  })

  it('pages by 100 at most and continues where the page stopped', async () => {
    const cursor = (await inject(wang, 'GET', '/api/inbox/changes')).json().cursor
    const author = citizen.user.id
    await t.db
      .insertInto('item')
      .columns(['org_id', 'kind', 'status', 'author_id'])
      .expression((eb) => eb.selectFrom(sql<{ n: number }>`generate_series(1, 130)`.as('g')).select([sql.lit(t.orgId).as('org_id'), sql.lit('case').as('kind'), sql.lit(caseMachine.initial.status).as('status'), sql.lit(author).as('author_id')]))
      .execute()
    const page1 = (await inject(wang, 'GET', `/api/inbox/changes?since=${cursor}`)).json()
    expect(page1.changes).toHaveLength(100)
    const page2 = (await inject(wang, 'GET', `/api/inbox/changes?since=${page1.cursor}`)).json()
    expect(page2.changes.length).toBeGreaterThanOrEqual(30)
    expect(page2.changes.filter((c: { id: string }) => page1.changes.some((p: { id: string }) => p.id === c.id))).toEqual([])
  })

  it('refuses a forged cursor (400) and callers outside the inbox roles (403)', async () => {
    for (const since of ['abc', Buffer.from('["chg","yesterday","x"]').toString('base64url'), Buffer.from('["newest","2026-01-01T00:00:00Z","00000000-0000-0000-0000-000000000000"]').toString('base64url')]) {
      const res = await inject(wang, 'GET', `/api/inbox/changes?since=${since}`)
      expect([since, res.statusCode]).toEqual([since, 400])
    }
    for (const who of [officer, citizen]) expect((await inject(who, 'GET', '/api/inbox/changes')).statusCode).toBe(403)
    expect((await inject(reviewer, 'GET', '/api/inbox/changes')).statusCode).toBe(200)
  })
})

describe('GET /api/inbox/events (SSE)', () => {
  it('the ticket: inbox roles only, short-lived, bound to its sign-in, never an access token', async () => {
    for (const who of [officer, citizen]) expect((await inject(who, 'POST', '/api/inbox/events/ticket')).statusCode).toBe(403)
    const ticket = await ticketFor(wang)
    // A ticket is not a bearer token, nor a token a ticket.
    expect((await inject({ token: ticket }, 'GET', '/api/inbox')).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'GET', url: `/api/inbox/events?ticket=${wang.token}` })).statusCode).toBe(400)
    // Tampered, or expired: a plain 401, answered at once (nothing streams).
    const [body, mac] = ticket.split('.')
    const forged = `${Buffer.from(JSON.stringify([li.user.id, 'x', 'y', 9e9])).toString('base64url')}.${mac}`
    for (const bad of [`${body}.${'A'.repeat(43)}`, forged]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/inbox/events?ticket=${bad}` })
      expect(res.statusCode).toBe(401)
      expect(res.json().message).toContain('实时更新')
    }
    offsetMs = (LIVE_TICKET_TTL_SECONDS + 1) * 1000
    expect((await t.app.inject({ method: 'GET', url: `/api/inbox/events?ticket=${ticket}` })).statusCode).toBe(401)
    offsetMs = 0
    // Signed out: the ticket dies with the session.
    const leaving = await t.login('staff', '赵六')
    const ticket2 = await ticketFor(leaving)
    expect((await inject(leaving, 'POST', '/api/me/sessions/revoke-all')).statusCode).toBeLessThan(300)
    expect((await t.app.inject({ method: 'GET', url: `/api/inbox/events?ticket=${ticket2}` })).statusCode).toBe(401)
  })

  it('A receives B\u2019s change and B\u2019s presence; another bureau receives none of it; uncompressed', async () => {
    const id = await newMessage()
    const a = await connect(await ticketFor(wang), { 'accept-encoding': 'br, gzip' })
    const other = await connect(await ticketFor(outsider))
    try {
      expect(a.status).toBe(200)
      expect(a.headers['content-type']).toMatch(/^text\/event-stream/)
      expect(a.headers['content-encoding']).toBeUndefined()
      expect(a.headers['cache-control']).toContain('no-cache')
      await connected(a)
      await connected(other)

      const res = await inject(li, 'POST', `/api/items/${id}/actions`, { action: 'accept', version: 1 })
      expect(res.statusCode).toBe(200)
      const changed = await waitFor(async () => a.events.find((e) => e.event === 'item-changed' && e.data.id === id), 'A to hear of the change')
      expect(changed.data).toEqual({ id, version: 2, status: res.json().status, kind: 'message' })

      // Desk operations change the item too (version bump), and a new item arrives as well.
      await inject(li, 'POST', `/api/items/${id}/priority`, { priority: 2, version: 2 })
      await waitFor(async () => a.events.some((e) => e.event === 'item-changed' && e.data.id === id && e.data.version === 3), 'the priority change')
      const fresh = await newMessage()
      await waitFor(async () => a.events.some((e) => e.event === 'item-changed' && e.data.id === fresh && e.data.version === 1), 'the new item')

      await inject(li, 'PUT', `/api/items/${id}/presence`)
      const seen = await waitFor(async () => a.events.find((e) => e.event === 'presence' && e.data.itemId === id), 'A to see B arrive')
      expect(seen.data.viewers).toEqual([{ id: li.user.id, name: '李四' }])
      a.events.length = 0
      await inject(li, 'DELETE', `/api/items/${id}/presence`)
      const left = await waitFor(async () => a.events.find((e) => e.event === 'presence' && e.data.itemId === id), 'A to see B leave')
      expect(left.data.viewers).toEqual([])

      // The other bureau's stream works (its own change arrives) but carried nothing of ours.
      const theirs = await outsiderItem()
      await waitFor(async () => other.events.some((e) => e.data?.id === theirs), 'the other bureau to hear its own item')
      expect(other.events.map((e) => e.data?.id ?? e.data?.itemId)).toEqual([theirs])
      expect(a.events.some((e) => e.data?.id === theirs)).toBe(false)
      // Heartbeats keep the connection alive.
      await waitFor(async () => a.comments.includes('ping'), 'a heartbeat')
    } finally {
      a.close()
      other.close()
    }
  })

  it('a rolled-back change is never announced', async () => {
    const id = await newMessage()
    const a = await connect(await ticketFor(wang))
    try {
      await connected(a)
      await t.db
        .transaction()
        .execute(async (tx) => {
          await tx.updateTable('item').set({ version: sql`version + 1` }).where('id', '=', id).execute()
          throw new Error('roll back')
        })
        .catch(() => undefined)
      await inject(li, 'POST', `/api/items/${id}/priority`, { priority: 1, version: 1 })
      // The committed change (version 2) arrives; the rolled-back one would also have said 2, so
      // count: exactly one event for this item.
      await waitFor(async () => a.events.some((e) => e.data?.id === id), 'the committed change')
      expect(a.events.filter((e) => e.data?.id === id)).toEqual([{ event: 'item-changed', data: expect.objectContaining({ id, version: 2 }) }])
    } finally {
      a.close()
    }
  })

  it('a statement touching more than 100 items sends one resync instead of a flood', async () => {
    const a = await connect(await ticketFor(wang))
    try {
      await connected(a)
      await sql`UPDATE item SET version = version + 1 WHERE org_id = ${t.orgId}`.execute(t.db)
      await waitFor(async () => a.events.some((e) => e.event === 'resync'), 'a resync')
      expect(a.events.filter((e) => e.event === 'item-changed')).toEqual([])
      expect(a.events.filter((e) => e.event === 'resync')).toHaveLength(1)
    } finally {
      a.close()
    }
  })

  it('expired presence is swept and announced; streams end with the session and leave the hub on disconnect', async () => {
    const id = await newMessage()
    const leaving = await t.login('staff', '钱七')
    const a = await connect(await ticketFor(wang))
    const b = await connect(await ticketFor(leaving))
    try {
      await connected(a)
      await connected(b)
      expect(t.app.live.hub.size).toBeGreaterThanOrEqual(2)
      await inject(li, 'PUT', `/api/items/${id}/presence`)
      await waitFor(async () => a.events.some((e) => e.event === 'presence' && e.data.itemId === id && e.data.viewers.length === 1), 'B present')
      offsetMs = (PRESENCE_TTL_SECONDS + 1) * 1000
      expect(await t.app.live.sweep()).toBeGreaterThanOrEqual(1)
      await waitFor(async () => a.events.some((e) => e.event === 'presence' && e.data.itemId === id && e.data.viewers.length === 0), 'B gone')
      offsetMs = 0

      // 退出所有设备: the next heartbeat ends that stream.
      await inject(leaving, 'POST', '/api/me/sessions/revoke-all')
      await b.ended
    } finally {
      a.close()
      b.close()
    }
    await waitFor(async () => t.app.live.hub.size === 0, 'the hub to let go of closed streams')
  })
})

// Several server processes on one PostgreSQL: each LISTENs for itself, so a change or a presence
// made through one reaches the streams of another. (Embedded PGlite is one process by design.)
const onPostgres = process.env.ZHIBAO_TEST_DB === 'postgres' ? describe : describe.skip
onPostgres('two server processes on one PostgreSQL database (skipped on PGlite: embedded mode is one process)', () => {
  it('a change and a presence made through one process reach streams on the other; a lost LISTEN connection comes back with a resync', async () => {
    const second = await startSecondProcess(t, { now })
    const app2 = second.app
    await app2.listen({ port: 0, host: '127.0.0.1' })
    const base2 = `http://127.0.0.1:${(app2.server.address() as AddressInfo).port}`
    const id = await newMessage()
    const saved = base
    let a: SseClient | null = null
    try {
      // A's stream is on the second process (tickets carry the same secret); B acts on the first.
      const ticket = await ticketFor(wang)
      base = base2
      a = await connect(ticket)
      base = saved
      await connected(a)
      await inject(li, 'POST', `/api/items/${id}/actions`, { action: 'accept', version: 1 })
      await waitFor(async () => a!.events.some((e) => e.event === 'item-changed' && e.data.id === id && e.data.version === 2), 'the other process to hear of the change')
      await inject(li, 'PUT', `/api/items/${id}/presence`)
      await waitFor(async () => a!.events.some((e) => e.event === 'presence' && e.data.itemId === id && e.data.viewers[0]?.name === '李四'), 'the other process to see the presence')
      // Presence is in the database: the second process answers with it too.
      const viaSecond = await app2.inject({ method: 'PUT', url: `/api/items/${id}/presence`, headers: bearer(wang) })
      expect(viaSecond.json().viewers).toEqual([{ id: li.user.id, name: '李四' }])

      // Kill every LISTEN connection: the second process reconnects and tells its streams to reload.
      await killListenConnections(t, second.database)
      await waitFor(async () => a!.events.some((e) => e.event === 'resync'), 'a resync after the reconnect')
      await inject(li, 'POST', `/api/items/${id}/priority`, { priority: 2, version: 2 })
      await waitFor(async () => a!.events.some((e) => e.event === 'item-changed' && e.data.id === id && e.data.version === 3), 'changes after the reconnect')
    } finally {
      base = saved
      a?.close()
      await second.close()
    }
  })
})
