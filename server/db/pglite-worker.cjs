// PGlite on its own thread (plain CommonJS: it runs outside tsx and jest alike). The main thread
// sends { id, sql, params } one at a time; the answer is node-postgres's parsed result, so the
// app sees exactly the types it saw when PGlite ran in-process behind the same adapter.
const { parentPort, workerData } = require('node:worker_threads')

async function open() {
  const { PGlite } = await import('@electric-sql/pglite')
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres')
  const { Pool } = require('pg')
  const pglite = await PGlite.create(workerData.dir ?? 'memory://')
  // Keep the embedded folder small: the default WAL allowance lets it grow past 1 GB.
  await pglite.query(`ALTER SYSTEM SET max_wal_size = '64MB'`)
  await pglite.query('SELECT pg_reload_conf()')
  // One connection: the main thread hands it to one Kysely connection at a time.
  const pool = new Pool({ ...createPgConfig(pglite), max: 1 })
  // Live updates: PGlite delivers NOTIFY to its own listeners at commit, as PostgreSQL does to
  // a LISTEN connection; the main thread hears them as { notify } messages.
  for (const channel of workerData.channels ?? []) {
    await pglite.listen(channel, (payload) => parentPort.postMessage({ notify: { channel, payload } }))
  }
  return { pglite, pool }
}

const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where', 'routine']

const opened = open()
parentPort.on('message', async (m) => {
  try {
    const { pglite, pool } = await opened
    if (m.close) {
      await pool.end()
      await pglite.close()
      return parentPort.postMessage({ id: m.id, result: null })
    }
    const res = await pool.query(m.sql, m.params)
    parentPort.postMessage({ id: m.id, result: { rows: res.rows, rowCount: res.rowCount, command: res.command } })
  } catch (err) {
    const error = { message: String(err && err.message ? err.message : err) }
    for (const f of ERROR_FIELDS) if (err && err[f] !== undefined) error[f] = err[f]
    parentPort.postMessage({ id: m.id, error })
  }
})
