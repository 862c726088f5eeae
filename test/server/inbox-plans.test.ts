// The common views read their page through an index that delivers it in order, not by scanning
// the bureau's items and throwing most away (EXPLAIN on a seeded, analyzed desk; both engines).
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { seedDesk, type SeedDesk } from '../helpers/inbox-seed'
import { analyzeDatabase } from '../../server/db/connect'
import { effectiveFilter, inboxStatement } from '../../server/repositories/inbox'
import { BUILTIN_VIEWS } from '../../domain/inbox-views'

let t: TestApp
let desk: SeedDesk

beforeAll(async () => {
  t = await createTestApp()
  desk = await seedDesk(t.db, t.orgId, 6000)
  await analyzeDatabase(t.db)
}, 120_000)
afterAll(() => t.close())

async function plan(viewId: string): Promise<string> {
  const viewer = { id: desk.staffIds[0]!, orgId: t.orgId, now: new Date() }
  const filter = effectiveFilter({ view: viewId }, BUILTIN_VIEWS.find((v) => v.id === viewId)!.query)
  const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${inboxStatement(viewer, filter, { limit: 20 })}`.execute(t.db)
  return rows.map((r) => r['QUERY PLAN']).join('\n')
}

it('我的待办 reads the person’s own items in due order (item_org_assignee_due_idx), with no sort of the page’s candidates', async () => {
  const p = await plan('mine')
  // The page's Limit reads straight from the index scan: no sort of candidates in between.
  expect(p).toMatch(/Limit [^\n]*\n\s*->  Index Scan using item_org_assignee_due_idx on item /)
})
