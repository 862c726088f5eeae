import { sql } from 'kysely'
import { openDatabase, type OpenedDatabase } from '../../server/db/connect'

let database: OpenedDatabase
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: null, pgliteDir: null })
  // The thread starts PGlite in the background: wait for it, so the loop below times the query alone.
  await sql`SELECT 1`.execute(database.db)
}, 120_000)
afterAll(() => database.close())

it('keeps the event loop turning while the embedded database works', async () => {
  let done = false
  const query = sql<{ n: string }>`SELECT count(*) AS n FROM generate_series(1, 300000) g`.execute(database.db).finally(() => {
    done = true
  })
  // In-process PGlite runs the query synchronously on this thread: the loop would stand still.
  let turns = 0
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve))
    turns++
  }
  expect((await query).rows[0]!.n).toBe('300000')
  expect(turns).toBeGreaterThan(50)
})

it('keeps a transaction on one connection and reports database errors with their codes', async () => {
  await sql`CREATE TABLE t (k int PRIMARY KEY)`.execute(database.db)
  await expect(
    database.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO t VALUES (1)`.execute(tx)
      // Another caller waits for the connection instead of slipping into this transaction.
      const outside = sql<{ n: number }>`SELECT count(*)::int AS n FROM t`.execute(database.db)
      await sql`INSERT INTO t VALUES (1)`.execute(tx)
      await outside
    })
  ).rejects.toMatchObject({ code: '23505', constraint: 't_pkey' })
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM t`.execute(database.db)
  expect(rows[0]!.n).toBe(0)
})
