import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { migrateToLatest, analyzeDatabase } from '../server/db/connect'
import { ensureDefaultOrg } from '../server/repositories/orgs'
import { findUserOfLiveSession } from '../server/repositories/sessions'
import { DASHBOARD_QUERIES } from '../server/repositories/ledger-dashboard'
import { dashboardWindow } from '../server/services/ledger-dashboard'
import { annualWorkbook } from '../server/services/ledger-export'
import { openBenchDatabase } from './bench-db'

/**
 * npm run bench:ledger — a year of a city's ledger: BENCH_BUREAUS bureaus (50) × BENCH_PUBS
 * publications each (1,000), seeded with set-based SQL (drafts, publications, one author and one
 * or two department credits each). Then, for one bureau, GET /api/ledger/dashboard through the
 * app (app.inject: routing, token check, validation, the service, serialisation) against its
 * floor, the same eight statements the service runs (five aggregates, departments, targets, focus
 * topics), executed bare and in parallel on the same pool, plus the /api/health round trip (as
 * bench:inbox's floor); then, for information, the one step the API must take that the floor does
 * not: the token's session check, a sequential round trip before the statements (logout and role
 * changes take effect on the next request); then the annual export's time and peak memory
 * (streamed). Last line `ledger dashboard ratio to floor: X` (p50 API ÷ p50 floor).
 */
const say = (line: string) => process.stdout.write(line + '\n')
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}
const ms = (n: number) => `${n.toFixed(2)} ms`
const YEAR = 2026

async function main() {
  const database = await openBenchDatabase()
  const db = database.db
  const bureaus = Number(process.env.BENCH_BUREAUS ?? 50)
  const perBureau = Number(process.env.BENCH_PUBS ?? 1000)
  const reps = Number(process.env.BENCH_REPS ?? 100)
  say(`bench:ledger on ${database.label}, ${bureaus} bureaus × ${perBureau} publications, ${reps} requests per figure; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  await migrateToLatest(db)
  const orgId = await ensureDefaultOrg(db)

  let t0 = Date.now()
  // Bureaus (the first is the app's own), each with 8 departments, a writer, six outlets (one per level).
  await sql`insert into org (name) select '某市辖区局' || g from generate_series(2, ${bureaus}) g`.execute(db)
  await sql`insert into department (org_id, name) select o.id, '科室' || g from org o, generate_series(1, 8) g`.execute(db)
  await sql`insert into app_user (org_id, name, roles) select o.id, '宣传' || o.name, array['citizen', 'staff'] from org o`.execute(db)
  await sql`insert into outlet (org_id, name, level) select o.id, l || '媒体', l from org o, unnest(array['central', 'provincial', 'city', 'county', 'bulletin', 'own_media']) l`.execute(db)
  await sql`
    insert into draft (org_id, type, title, status, author_id, department_id, topics)
    select o.id, (array['news', 'information', 'research'])[1 + (g % 3)], '稿件 ' || g, 'published',
           (select id from app_user u where u.org_id = o.id limit 1),
           (select id from department d where d.org_id = o.id order by d.name offset (g % 8) limit 1),
           array[(array['优化营商环境', '品牌建设', '消费者权益保护', '打击假冒伪劣'])[1 + (g % 4)]]
    from org o, generate_series(1, ${perBureau}) g`.execute(db)
  await sql`
    insert into publication (org_id, draft_id, type, title, outlet_id, outlet_level, channel, placement, published_on, year, link,
                             leader_comment, adopted, topics, case_count, first_case_at, points_cents, rule_year, recorded_by)
    select d.org_id, d.id, d.type, d.title, o.id, o.level, 'website', (array['front_headline', 'front_page', 'key_news', 'general'])[1 + (n % 4)],
           date '2026-01-01' + (n % 365), 2026, 'https://example.cn/' || n, n % 7 = 0, n % 5 = 0, d.topics, n % 2, timestamptz '2026-01-01' + (n % 300) * interval '1 day',
           100 + (n % 40) * 25, 2026, d.author_id
    from (select d.*, (row_number() over (partition by d.org_id order by d.id))::int as n from draft d) d
    join lateral (select id, level from outlet o where o.org_id = d.org_id order by o.level offset (d.n % 6) limit 1) o on true`.execute(db)
  await sql`insert into publication_credit (org_id, publication_id, user_id, share_bp, points_cents, position) select org_id, id, recorded_by, 10000, points_cents, 0 from publication`.execute(db)
  // Two departments share every other piece 60/40; the rest is the draft's department's alone.
  await sql`
    insert into publication_credit (org_id, publication_id, department_id, share_bp, points_cents, position)
    select p.org_id, p.id, d.department_id, case when x.k = 0 and s.two then 6000 when s.two then 4000 else 10000 end,
           case when x.k = 0 and s.two then p.points_cents - (p.points_cents * 4000 / 10000) when s.two then p.points_cents * 4000 / 10000 else p.points_cents end, x.k
    from publication p join draft d on d.id = p.draft_id
    cross join lateral (select (hashtext(p.id::text) % 2 = 0) as two) s
    cross join lateral (select k from generate_series(0, case when s.two then 1 else 0 end) k) x
    on conflict do nothing`.execute(db)
  // the second department of a shared piece: the next one of the bureau
  await sql`
    update publication_credit c set department_id = (select id from department d2 where d2.org_id = c.org_id and d2.id <> c.department_id order by d2.id limit 1)
    where c.position = 1 and c.department_id is not null`.execute(db)
  const count = Number((await sql<{ n: string }>`select count(*) as n from publication`.execute(db)).rows[0]!.n)
  say(`seed: ${count.toLocaleString('en')} publications in ${((Date.now() - t0) / 1000).toFixed(1)} s (set-based SQL)`)
  t0 = Date.now()
  await analyzeDatabase(db)
  say(`analyze: ${((Date.now() - t0) / 1000).toFixed(1)} s`)

  const dir = path.join(os.tmpdir(), 'zhibao-bench-ledger')
  const config = loadConfig({ DATA_DIR: dir, H5_DIR: path.join(dir, 'no-h5'), LOG_LEVEL: 'silent', JWT_SECRET: crypto.randomBytes(32).toString('hex'), JOBS: 'off' })
  const app = await buildApp({ config, db, dbEngine: database.engine, orgId, logger: false, listen: database.listen })
  await app.ready()
  const user = await db.selectFrom('app_user').select(['id', 'org_id']).where('org_id', '=', orgId).executeTakeFirstOrThrow()
  const { token } = await app.openSession(user)
  const asOf = '2026-12-31'
  const url = `/api/ledger/dashboard?year=${YEAR}&asOf=${asOf}`
  const w = dashboardWindow(orgId, YEAR, asOf)
  const compiled = DASHBOARD_QUERIES.map((q) => q(db, w).compile())

  const api = async () => {
    const t = performance.now()
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
    if (res.statusCode !== 200) throw new Error(`dashboard -> ${res.statusCode} ${res.body}`)
    return performance.now() - t
  }
  // As bench:inbox: the statements run bare, plus the /api/health round trip (the HTTP cost
  // alone: health answers without the database).
  const floor = async () => {
    const t = performance.now()
    await Promise.all(compiled.map((c) => db.executeQuery(c)))
    const health = await app.inject({ method: 'GET', url: '/api/health' })
    if (health.statusCode !== 200) throw new Error(`health -> ${health.statusCode}`)
    return performance.now() - t
  }
  const check = JSON.parse((await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).body)
  say(`dashboard of one bureau: ${check.totals.count} publications, ${check.totals.points} points, ${check.departments.length} departments`)
  for (let i = 0; i < 10; i++) await Promise.all([api(), floor()]) // warm up
  const a: number[] = []
  const f: number[] = []
  // Interleaved, so machine load falls on both alike.
  for (let i = 0; i < reps; i++) {
    a.push(await api())
    f.push(await floor())
  }
  say(`dashboard API  p50 ${ms(pct(a, 50))}  p95 ${ms(pct(a, 95))}`)
  say(`floor (the dashboard's 8 statements bare, in parallel, + /api/health) p50 ${ms(pct(f, 50))}  p95 ${ms(pct(f, 95))}`)
  // Information only (not in the ratio): the floor again, interleaved with the floor preceded by
  // the session check the API makes before its statements.
  const claims = app.jwt.decode<{ sid: string; sub: string }>(token)!
  const f2: number[] = []
  const fs: number[] = []
  for (let i = 0; i < reps; i++) {
    f2.push(await floor())
    const t = performance.now()
    if (!(await findUserOfLiveSession(db, claims.sid, claims.sub))) throw new Error('session check found no session')
    await floor()
    fs.push(performance.now() - t)
  }
  say(`(API − floor p50 ${ms(pct(a, 50) - pct(f, 50))}; of it, the token's session check, one sequential round trip the API makes and the floor does not: floor p50 ${ms(pct(f2, 50))}, floor after the check ${ms(pct(fs, 50))}, +${ms(pct(fs, 50) - pct(f2, 50))})`)

  // The export: streamed to a sink that only counts bytes; memory sampled while it runs.
  let peakRss = process.memoryUsage().rss
  const baseRss = peakRss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10)
  let bytes = 0
  t0 = Date.now()
  await pipeline(annualWorkbook(db, orgId, YEAR), new Writable({ write: (chunk: Buffer, _e, cb) => ((bytes += chunk.length), cb()) }))
  clearInterval(sampler)
  say(`annual export of one bureau (${check.totals.count} lines): ${Date.now() - t0} ms, ${(bytes / 1024).toFixed(0)} KB, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (+${((peakRss - baseRss) / 2 ** 20).toFixed(0)} MB over the ${(baseRss / 2 ** 20).toFixed(0)} MB before)`)

  await app.close()
  await database.close()
  say(`ledger dashboard ratio to floor: ${(pct(a, 50) / pct(f, 50)).toFixed(2)}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
