import type { DbOrTx } from '../db/database'
import type { InboxQuery } from '../../domain/schemas/inbox'
import { BUILTIN_VIEWS, isBuiltinViewKey } from '../../domain/inbox-views'
import { effectiveFilter, type InboxPageFilter, type InboxViewer } from '../repositories/inbox'
import { findSavedViewQuery } from '../repositories/saved-views'
import type { InboxViewQuery } from '../../domain/schemas/inbox'
import type { WorkCalendar } from '../../domain/deadlines/calendar'
import { dueSoonBefore } from '../../domain/deadlines/describe-due'
import { orgCalendar } from './deadlines'

/**
 * The viewer the filters need. 即将超期 reads the bureau's working days (an item due Monday is
 * due soon on Friday), so a due-soon filter waits for the calendar; other filters do not.
 * Pass the calendar when the caller loads it anyway.
 */
export async function viewerFor(
  db: DbOrTx,
  user: { id: string; orgId: string },
  filters: readonly InboxViewQuery[],
  now = new Date(),
  calendar?: Promise<WorkCalendar>
): Promise<InboxViewer> {
  const viewer: InboxViewer = { id: user.id, orgId: user.orgId, now }
  if (!filters.some((f) => f.dueSoon)) return viewer
  return { ...viewer, dueSoonBefore: dueSoonBefore(await (calendar ?? orgCalendar(db, user.orgId)), now) }
}

/** The filter a request means: its view's stored query (built-in or the caller's own), then its own parameters. */
export async function resolveInboxFilter(db: DbOrTx, viewer: InboxViewer, query: InboxQuery): Promise<InboxPageFilter> {
  const { view } = query
  const viewQuery = !view ? null : isBuiltinViewKey(view) ? BUILTIN_VIEWS.find((v) => v.id === view)!.query : await findSavedViewQuery(db, viewer, view.toLowerCase())
  return effectiveFilter(query, viewQuery)
}
