import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'

/**
 * Ratings (and closings without one) of a bureau's messages in a Beijing year, counted per
 * month of the rating and department the message was with.
 */
export async function satisfactionCounts(db: DbOrTx, orgId: string, year: number, unratedAction: string) {
  const month = sql<string>`to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`
  return db
    .selectFrom('item_event as e')
    .innerJoin('item as i', 'i.id', 'e.item_id')
    .leftJoin('department as d', 'd.id', 'i.department_id')
    .select([month.as('month'), 'i.department_id', 'd.name as department_name', 'e.rating', (eb) => eb.fn.countAll<string>().as('n')])
    .where('e.org_id', '=', orgId)
    .where('i.kind', '=', 'message')
    .where((eb) => eb.or([eb('e.rating', 'is not', null), eb('e.action', '=', unratedAction)]))
    .where(sql<boolean>`e.created_at >= (${`${year}-01-01`}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`)
    .where(sql<boolean>`e.created_at < (${`${year + 1}-01-01`}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`)
    .groupBy([month, 'i.department_id', 'd.name', 'e.rating'])
    .execute()
}
