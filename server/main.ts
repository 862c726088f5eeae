import path from 'node:path'
import { loadConfig, ConfigError } from './config'
import { openDatabase, migrateToLatest, analyzeDatabase } from './db/connect'
import { ensureDefaultOrg, ensureAdmin } from './repositories/orgs'
import { buildApp } from './app'
import { acquireDataDirLock } from './startup/lock'
import { buildIfStale } from '../scripts/build-if-stale'
import { seedDemo } from './startup/demo-seed'
import { calendarStartupLines } from './startup/calendar-check'

const say = (line: string) => process.stdout.write(line + '\n')

async function main() {
  const config = loadConfig()
  const demo = process.argv.includes('--demo')
  if (!config.databaseUrl) await acquireDataDirLock(config.dataDir)
  // `npm start` always serves the current app: build H5 when missing or older than its sources.
  if (!process.argv.includes('--no-build')) buildIfStale('h5', { outDir: config.h5Dir, log: say })

  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? null : path.join(config.dataDir, 'pglite') })
  await migrateToLatest(database.db)
  const orgId = await ensureDefaultOrg(database.db)
  const admin = await ensureAdmin(database.db, orgId)
  const demoLines = demo ? await seedDemo(database.db, orgId) : []
  const calendarLines = await calendarStartupLines(database.db, orgId)
  await analyzeDatabase(database.db)

  const app = await buildApp({ config, db: database.db, dbEngine: database.engine, orgId, listen: database.listen })
  const shutdown = async () => {
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  const address = await app.listen({ port: config.port, host: config.host })

  say('')
  say(`zhibao 信息直报 is running at ${address}/  (API: ${address}/api, OpenAPI: ${address}/api/openapi.json)`)
  say(`Database: ${database.engine === 'pglite' ? `embedded PGlite in ${path.join(config.dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`)
  if (config.wechat.mode === 'dev') {
    say('*** WECHAT_MODE=dev: no WeChat calls; open the page above and log in as any role with any name (开发模式). ***')
  }
  if (admin) {
    say(`First start: admin account created. Username: ${admin.username}  one-time password: ${admin.password}  (shown only now;`)
    say('  the first login asks for a new password, and nothing else works until it is set)')
  }
  for (const line of demoLines) say(line)
  for (const line of calendarLines) say(line)
}

main().catch((err) => {
  process.stderr.write(`\nzhibao could not start: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`)
  process.exit(1)
})
