import type { Db } from '../db/database'
import type { SavedViewBody, SavedViewView } from '../../domain/schemas/inbox'
import { inTransaction } from './transaction'
import { createSavedView, deleteSavedView, listSavedViews, toSavedViewView, updateSavedView, type ViewOwner } from '../repositories/saved-views'

/** A person's own inbox views; each change is one transaction that routes never open themselves. */
export const savedViews = {
  list: async (db: Db, owner: ViewOwner): Promise<SavedViewView[]> => (await listSavedViews(db, owner)).map(toSavedViewView),
  create: (db: Db, owner: ViewOwner, body: SavedViewBody): Promise<SavedViewView> =>
    inTransaction(db, async ({ tx }) => toSavedViewView(await createSavedView(tx, owner, body))),
  update: (db: Db, owner: ViewOwner, id: string, body: SavedViewBody): Promise<SavedViewView> =>
    inTransaction(db, async ({ tx }) => toSavedViewView(await updateSavedView(tx, owner, id, body))),
  remove: (db: Db, owner: ViewOwner, id: string): Promise<void> => inTransaction(db, ({ tx }) => deleteSavedView(tx, owner, id))
}
