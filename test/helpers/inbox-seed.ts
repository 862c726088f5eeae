import { sql } from 'kysely'
import type { Db } from '../../server/db/database'

/**
 * Set-based seeding of a realistic desk, for the EXPLAIN tests and `npm run bench:inbox`: items
 * of both kinds over `months` of history, spread over staff, departments, statuses, priorities,
 * deadlines and topics, with Chinese bodies built from a phrase list so that words occur at
 * desk-like rates (井盖 ~0.6%, 噪音 and 年报 ~1%, 食品安全 ~2%). Deterministic for a given size.
 * Runs through the real triggers, so search_text is what the app would have written.
 */
export interface SeedDesk {
  staffIds: string[]
  departmentIds: string[]
  topics: string[]
}

export const SEED_TOPICS = ['食品安全', '价格监管', '特种设备', '知识产权', '广告监管']

// Filler phrases, then the ones searched for: index = hash % length picks one per slot.
const PHRASES = [
  '关于营业执照办理的问题', '希望尽快处理', '商家拒绝退款', '店铺门口堆放杂物', '网购商品质量差', '充值卡无法退卡',
  '药店价格偏高', '电梯经常故障', '超市商品过期', '外卖食品不卫生', '快递柜收费不合理', '理发店办卡后关门',
  '农贸市场秤不准', '培训机构虚假宣传', '二手车交易纠纷', '加油站计量问题', '餐馆无证经营', '酒店卫生条件差'
]

export async function seedDesk(db: Db, orgId: string, n: number, opts: { batch?: number; months?: number } = {}): Promise<SeedDesk> {
  const batch = opts.batch ?? 20_000
  const staffIds: string[] = []
  for (let i = 0; i < 20; i++) {
    staffIds.push((await db.insertInto('app_user').values({ org_id: orgId, name: `坐席${i}`, roles: ['staff'] }).returning('id').executeTakeFirstOrThrow()).id)
  }
  const departmentIds: string[] = []
  for (let i = 0; i < 12; i++) {
    departmentIds.push((await db.insertInto('department').values({ org_id: orgId, name: `监管所${i}-${Date.now() % 100000}` }).returning('id').executeTakeFirstOrThrow()).id)
  }
  const author = await db.insertInto('app_user').values({ org_id: orgId, name: '压测群众', roles: ['citizen', 'officer'] }).returning('id').executeTakeFirstOrThrow()
  const minutes = (opts.months ?? 12) * 30 * 24 * 60
  const phrases = sql`ARRAY[${sql.join(PHRASES)}]::text[]`
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1)
    // h and r: cheap deterministic hashes of the row number, one per purpose. The text is made
    // first and written into search_text exactly as zb_refresh_search would, so the triggers
    // (which still run and check) find every row current instead of rewriting it.
    await sql`
      WITH g AS (
        SELECT i, (i::bigint * 2654435761 % 2147483647)::int AS h, (('x' || substr(md5(i::text), 1, 7))::bit(28)::int) AS r
        FROM generate_series(${from}::int, ${to}::int) AS i
      ), rows AS (
        SELECT i, h, r, kind, created_at,
          CASE WHEN kind = 'case' THEN (${phrases})[1 + (r / 7) % ${PHRASES.length}] END AS title,
          CASE WHEN kind = 'case'
            THEN (${phrases})[1 + r % ${PHRASES.length}] || CASE WHEN r % 160 = 0 THEN '，更换井盖' WHEN r % 50 = 3 THEN '，食品安全检查' ELSE '' END || '，车牌 粤B' || lpad((r % 100000)::text, 5, '0')
            ELSE (${phrases})[1 + r % ${PHRASES.length}] || '，' || (${phrases})[1 + (r / 31) % ${PHRASES.length}] ||
              CASE WHEN r % 160 = 0 THEN '，小区井盖松动' WHEN r % 97 = 1 THEN '，夜间噪音扰民' WHEN r % 101 = 2 THEN '，年报填报咨询' WHEN r % 50 = 3 THEN '，食品安全隐患' ELSE '' END ||
              '。联系人手机 13' || lpad((r % 100000000)::text, 9, '0')
          END AS body,
          CASE WHEN kind = 'message' THEN upper(substr(md5('code' || i), 1, 10)) END AS tracking_code
        FROM (
          SELECT i, h, r, CASE WHEN h % 5 = 0 THEN 'case' ELSE 'message' END AS kind,
            now() - ((${n}::int - i) * ${minutes / Math.max(n, 1)}::float8) * interval '1 minute' AS created_at
          FROM g
        ) k
      ), items AS (
        INSERT INTO item (org_id, kind, status, priority, topics, author_id, assignee_id, department_id, due_at, created_at, last_activity_at, client_id, search_text)
        SELECT ${orgId}::uuid, kind,
          CASE WHEN kind = 'case' THEN (ARRAY['new','accepted','returned','archived','published'])[1 + (h / 7) % 5]
               ELSE (ARRAY['new','accepted','in_progress','replied','closed','closed','rejected'])[1 + (h / 7) % 7] END,
          CASE WHEN h % 17 = 0 THEN 2 WHEN h % 7 = 0 THEN 1 ELSE 0 END,
          CASE WHEN h % 10 = 0 THEN ARRAY[(${sql`ARRAY[${sql.join(SEED_TOPICS)}]::text[]`})[1 + (h / 11) % ${SEED_TOPICS.length}]] ELSE '{}'::text[] END,
          ${author.id}::uuid,
          CASE WHEN h % 3 = 0 THEN NULL ELSE (${sql`ARRAY[${sql.join(staffIds)}]::uuid[]`})[1 + (h / 13) % ${staffIds.length}] END,
          (${sql`ARRAY[${sql.join(departmentIds)}]::uuid[]`})[1 + (h / 17) % ${departmentIds.length}],
          created_at + (3 + (h / 19) % 13) * interval '1 day',
          created_at, created_at, 'seed:' || i,
          concat_ws(E'\n', title, body, tracking_code)
        FROM rows
        RETURNING id, client_id
      ), joined AS (
        SELECT items.id, rows.* FROM items JOIN rows ON items.client_id = 'seed:' || rows.i
      ), messages AS (
        INSERT INTO message (item_id, category, body, tracking_code)
        SELECT id, (ARRAY['complaint','tipoff','question','suggestion','praise'])[1 + r % 5], body, tracking_code
        FROM joined WHERE kind = 'message'
        RETURNING item_id
      )
      INSERT INTO case_report (item_id, title, body, occurred_at)
      SELECT id, title, body, created_at FROM joined WHERE kind = 'case'
    `.execute(db)
  }
  return { staffIds, departmentIds, topics: SEED_TOPICS }
}

export interface SeedRow {
  kind: 'message' | 'case'
  status: string
}

/**
 * `n` items in one department, for tests of "all that match" a filter (`{ department }`):
 * created a second apart, oldest first, their kind and status cycling through `pattern`. One
 * statement, so a few hundred rows cost what one does. Answers the ids oldest first.
 */
export async function seedDepartmentItems(
  db: Db,
  orgId: string,
  opts: { n: number; departmentId: string; authors: Record<SeedRow['kind'], string>; pattern: readonly SeedRow[] }
): Promise<string[]> {
  const { n, departmentId, authors, pattern } = opts
  const kinds = sql`ARRAY[${sql.join(pattern.map((p) => p.kind))}]::text[]`
  const statuses = sql`ARRAY[${sql.join(pattern.map((p) => p.status))}]::text[]`
  const tag = `dept:${departmentId}:`
  const { rows } = await sql<{ id: string }>`
    WITH rows AS (
      SELECT i, (${kinds})[1 + (i - 1) % ${pattern.length}] AS kind, (${statuses})[1 + (i - 1) % ${pattern.length}] AS status,
        now() - interval '1 day' + i * interval '1 second' AS created_at
      FROM generate_series(1, ${n}::int) AS i
    ), items AS (
      INSERT INTO item (org_id, kind, status, author_id, department_id, created_at, last_activity_at, client_id)
      SELECT ${orgId}::uuid, kind, status, CASE WHEN kind = 'case' THEN ${authors.case}::uuid ELSE ${authors.message}::uuid END,
        ${departmentId}::uuid, created_at, created_at, ${tag} || i
      FROM rows
      RETURNING id, client_id
    ), joined AS (
      SELECT items.id, rows.* FROM items JOIN rows ON items.client_id = ${tag} || rows.i
    ), messages AS (
      INSERT INTO message (item_id, category, body, tracking_code)
      SELECT id, 'question', '批量测试留言 ' || i, upper(substr(md5(${tag} || i), 1, 12)) FROM joined WHERE kind = 'message'
    ), cases AS (
      INSERT INTO case_report (item_id, title, body, occurred_at)
      SELECT id, '批量测试事例 ' || i, '批量测试事例内容 ' || i, created_at FROM joined WHERE kind = 'case'
    )
    SELECT id FROM joined ORDER BY created_at, id
  `.execute(db)
  return rows.map((r) => r.id)
}
