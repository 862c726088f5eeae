import type { DbOrTx } from '../db/database'
import type { InboxQuery } from '../../domain/schemas/inbox'
import { BUILTIN_VIEWS, isBuiltinViewKey } from '../../domain/inbox-views'
import { effectiveFilter, type InboxPageFilter, type InboxViewer } from '../repositories/inbox'
import { findSavedViewQuery } from '../repositories/saved-views'

/** The filter a request means: its view's stored query (built-in or the caller's own), then its own parameters. */
export async function resolveInboxFilter(db: DbOrTx, viewer: InboxViewer, query: InboxQuery): Promise<InboxPageFilter> {
  const { view } = query
  const viewQuery = !view ? null : isBuiltinViewKey(view) ? BUILTIN_VIEWS.find((v) => v.id === view)!.query : await findSavedViewQuery(db, viewer, view.toLowerCase())
  return effectiveFilter(query, viewQuery)
}
