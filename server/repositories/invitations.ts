import type { DbOrTx } from '../db/database'
import type { Invitation, NewInvitation } from '../db/tables/invitation'

export async function insertInvitation(db: DbOrTx, row: NewInvitation): Promise<Invitation> {
  return db.insertInto('invitation').values(row).returningAll().executeTakeFirstOrThrow()
}

/** One UPDATE claims the code, so two people redeeming at once cannot both succeed. */
export async function claimInvitation(db: DbOrTx, orgId: string, code: string, userId: string, now: Date) {
  return db
    .updateTable('invitation')
    .set({ redeemed_by: userId, redeemed_at: now })
    .where('code', '=', code)
    .where('org_id', '=', orgId)
    .where('redeemed_by', 'is', null)
    .where('expires_at', '>', now)
    .returning(['role', 'department_id'])
    .executeTakeFirst()
}

export async function findInvitation(db: DbOrTx, orgId: string, code: string) {
  return db.selectFrom('invitation').select(['redeemed_by', 'expires_at']).where('code', '=', code).where('org_id', '=', orgId).executeTakeFirst()
}
