import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { migrations } from '../../server/db/migrations'
import { MERGED_STATUS, MESSAGE_STATUSES } from '../../domain/message/state-machine'
import { CASE_STATUSES } from '../../domain/case/state-machine'
import { MESSAGE_CATEGORIES } from '../../domain/message/categories'
import { createTestApp, type TestApp } from '../helpers/test-app'

const dir = path.join(__dirname, '../../server/db/migrations')

describe('migration list', () => {
  it('lists every migration file once, in timestamp order, under its own name', () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}-\d{2}-\d{2}T\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(Object.keys(migrations)).toEqual(files)
    expect([...Object.keys(migrations)].sort()).toEqual(Object.keys(migrations))
  })
})

describe('integrity constraints', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const insertItem = async (kind: string, status: string, duplicateOf: string | null = null) => {
    const author = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: 'x', roles: ['citizen'] }).returning('id').executeTakeFirstOrThrow()
    return sql`insert into item (org_id, kind, status, author_id, duplicate_of) values (${t.orgId}, ${kind}, ${status}, ${author.id}, ${duplicateOf}) returning id, version`.execute(t.db)
  }
  const idOf = (r: { rows: unknown[] }) => (r.rows[0] as { id: string }).id

  it('accepts every status the domain has, for its own kind only, and starts at version 1', async () => {
    const survivor = idOf(await insertItem('message', 'new'))
    // A merged message names its survivor (checked below); every other status stands alone.
    for (const s of MESSAGE_STATUSES) expect((await insertItem('message', s, s === MERGED_STATUS ? survivor : null)).rows[0]).toMatchObject({ version: 1 })
    for (const s of CASE_STATUSES) await insertItem('case', s)
    await expect(insertItem('message', 'archived')).rejects.toMatchObject({ code: '23514' })
    await expect(insertItem('case', 'replied')).rejects.toMatchObject({ code: '23514' })
    await expect(insertItem('case', 'lost')).rejects.toMatchObject({ code: '23514' })
    await expect(insertItem('memo', 'new')).rejects.toMatchObject({ code: '23514' })
  })

  it('a merged message must name its survivor, and no item is a duplicate of itself', async () => {
    await expect(insertItem('message', MERGED_STATUS)).rejects.toMatchObject({ code: '23514' })
    const id = idOf(await insertItem('message', 'new'))
    await expect(sql`update item set duplicate_of = id where id = ${id}`.execute(t.db)).rejects.toMatchObject({ code: '23514' })
  })

  it('accepts every category the domain has and nothing else; priority stays in range', async () => {
    for (const c of [...MESSAGE_CATEGORIES, 'gossip']) {
      const { rows } = await insertItem('message', 'new')
      const id = (rows[0] as { id: string }).id
      const q = sql`insert into message (item_id, category, body, tracking_code) values (${id}, ${c}, 'b', ${'T' + id.slice(0, 8)})`.execute(t.db)
      if (c === 'gossip') await expect(q).rejects.toMatchObject({ code: '23514' })
      else await q
    }
    const { rows } = await insertItem('message', 'new')
    await expect(sql`update item set priority = 3 where id = ${(rows[0] as { id: string }).id}`.execute(t.db)).rejects.toMatchObject({ code: '23514' })
  })
})

describe('draft constraints (migration 2026-12-05T0500)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('accepts every draft type and status the domain has and nothing else; events are append-only', async () => {
    const { DRAFT_STATUSES, DRAFT_TYPES, REVIEW_STAGES } = await import('../../domain/draft')
    const user = await t.db.insertInto('app_user').values({ org_id: t.orgId, name: 'x', roles: ['staff'] }).returning('id').executeTakeFirstOrThrow()
    const dept = await t.db.insertInto('department').values({ org_id: t.orgId, name: '办公室' }).returning('id').executeTakeFirstOrThrow()
    const insert = (type: string, status: string) =>
      sql<{ id: string }>`insert into draft (org_id, type, title, status, author_id, department_id) values (${t.orgId}, ${type}, 't', ${status}, ${user.id}, ${dept.id}) returning id`.execute(t.db)
    for (const ty of DRAFT_TYPES) for (const s of DRAFT_STATUSES) await insert(ty, s)
    await expect(insert('poem', 'drafting')).rejects.toMatchObject({ code: '23514' })
    await expect(insert('news', 'lost')).rejects.toMatchObject({ code: '23514' })
    const draftId = (await insert('news', 'drafting')).rows[0]!.id
    for (const stage of REVIEW_STAGES) await t.db.insertInto('draft_reviewer').values({ org_id: t.orgId, department_id: dept.id, stage, user_id: user.id }).execute()
    const ev = await t.db.insertInto('draft_event').values({ org_id: t.orgId, draft_id: draftId, actor_id: user.id, action: 'submit', version: 1 }).returning('id').executeTakeFirstOrThrow()
    await expect(t.db.updateTable('draft_event').set({ comment: 'rewritten' }).where('id', '=', ev.id).execute()).rejects.toThrow(/append-only/)
    // A credit names a person or a department, never both or neither.
    await expect(t.db.insertInto('draft_credit').values({ org_id: t.orgId, draft_id: draftId, user_id: user.id, department_id: dept.id, share_percent: 50 }).execute()).rejects.toMatchObject({ code: '23514' })
    await expect(t.db.insertInto('draft_credit').values({ org_id: t.orgId, draft_id: draftId, user_id: null, department_id: null, share_percent: 50 }).execute()).rejects.toMatchObject({ code: '23514' })
  })
})
