import { sql } from 'kysely'
import type { DbOrTx } from '../db/database'
import type { WechatToken } from '../db/tables/wechat-token'

export async function readWechatToken(db: DbOrTx, appId: string): Promise<WechatToken | undefined> {
  return db.selectFrom('wechat_token').selectAll().where('appid', '=', appId).executeTakeFirst()
}

/**
 * Serialises renewals of one appid's token across server processes until the transaction ends.
 * An advisory lock rather than FOR UPDATE: the very first renewal has no row to lock yet.
 */
export async function lockWechatToken(db: DbOrTx, appId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'wechat_token:' + appId}, 0))`.execute(db)
}

export async function saveWechatToken(db: DbOrTx, appId: string, value: string, expiresAt: Date): Promise<void> {
  await db
    .insertInto('wechat_token')
    .values({ appid: appId, access_token: value, expires_at: expiresAt })
    .onConflict((oc) => oc.column('appid').doUpdateSet({ access_token: value, expires_at: expiresAt, updated_at: sql`now()` }))
    .execute()
}
