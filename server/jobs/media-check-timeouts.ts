import type { Db } from '../db/database'
import { holdOverdueMediaChecks } from '../services/moderation'

export const MEDIA_CHECK_TIMEOUTS_QUEUE = 'media-check-timeouts'
/** Every five minutes: a check WeChat never answered is noticed within minutes of its deadline. */
export const MEDIA_CHECK_TIMEOUTS_CRON = '*/5 * * * *'

/**
 * Images whose media_check_async result has not arrived within `timeoutMinutes` are held for
 * staff (待审核): never shown unchecked, never stuck invisible without anyone knowing.
 */
export async function runMediaCheckTimeouts(db: Db, now: Date, timeoutMinutes: number) {
  return holdOverdueMediaChecks(db, new Date(now.getTime() - timeoutMinutes * 60_000))
}
