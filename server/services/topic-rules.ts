import type { DbOrTx } from '../db/database'
import { InvalidError } from '../../domain/errors'
import { beijingDay, yearOf } from '../../domain/deadlines/day'
import { inactiveOrUnknownTopics } from '../repositories/admin'

/**
 * Topics newly put on an item (by staff tagging it, or by an officer filing a case) must be the
 * bureau's active focus topics of this year: the yearly plan is what the publicity is measured
 * against, and a free-typed topic would never count. Topics the item already carries may stay.
 */
export async function refuseInactiveTopics(db: DbOrTx, orgId: string, added: readonly string[], now = new Date()): Promise<void> {
  const year = yearOf(beijingDay(now))
  const refused = await inactiveOrUnknownTopics(db, orgId, year, added)
  if (refused.length) {
    throw new InvalidError(`「${refused.join('、')}」不是本局 ${year} 年启用的重点主题，请从列表中选择；如需新主题，请管理员在“重点主题”中添加`, 'topics', 'unknown_topic')
  }
}
