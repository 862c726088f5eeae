import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../helpers/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const engine = process.env.ZHIBAO_TEST_DB === 'postgres' ? 'postgres' : 'pglite'

it('GET /api/health: the process answers, with the database as the background probe last found it', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' })
  expect(res.statusCode).toBe(200)
  const body = res.json()
  expect(body).toMatchObject({ status: 'ok', database: engine, db: { state: 'up', error: null, pendingMs: 0 } })
  // The app probed before it was ready, so the first answer already knows.
  expect(Date.parse(body.db.checkedAt)).toBeLessThanOrEqual(Date.now())
  expect(body.db.ageMs).toBeGreaterThanOrEqual(0)
  expect(body.db.latencyMs).toBeGreaterThanOrEqual(0)
})

it('GET /api/health/ready: 200 while the database answers', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' })
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ status: 'ready', database: engine, db: { state: 'up' } })
})

it('health answers while every database connection is busy, and shows the probe waiting', async () => {
  // Every connection of the pool (PGlite: 1, PostgreSQL: 10) held by a sleeper: a probe now queues.
  let busy = true
  const connections = engine === 'pglite' ? 1 : 10
  let holding = 0
  let allHeld!: () => void
  const held = new Promise<void>((resolve) => (allHeld = resolve))
  const sleepers = Promise.all(
    Array.from({ length: connections }, () =>
      t.db.connection().execute(async (conn) => {
        if (++holding === connections) allHeld()
        await sql`select pg_sleep(1.5)`.execute(conn)
      })
    )
  ).finally(() => (busy = false))
  await held
  const probing = t.app.dbProbe.probe()
  const res = await t.app.inject({ method: 'GET', url: '/api/health' })
  expect(busy).toBe(true)
  expect(res.statusCode).toBe(200)
  expect(res.json().status).toBe('ok')
  await probing
  // Read at once: the next interval probe (every 2 s) would otherwise replace this result.
  const after = t.app.dbProbe.report()
  await sleepers
  expect(after.state).toBe('up')
  // The probe waited behind the sleepers, and says so.
  expect(after.latencyMs).toBeGreaterThanOrEqual(1000)
})
