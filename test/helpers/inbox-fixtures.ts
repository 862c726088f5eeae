import crypto from 'node:crypto'
import type { Db } from '../../server/db/database'
import type { MessageCategory } from '../../domain/message/categories'

export interface ItemSpec {
  kind: 'message' | 'case'
  status?: string
  category?: MessageCategory
  title?: string
  body: string
  authorId: string
  assigneeId?: string | null
  departmentId?: string | null
  dueAt?: Date | null
  priority?: number
  topics?: string[]
  createdAt?: Date
  photos?: number
}

/**
 * Writes an item the way the app's repositories do (item, then its kind's row), with the triage
 * fields set directly, so filter tests control every column. The search triggers run as usual.
 */
export async function insertItem(db: Db, orgId: string, spec: ItemSpec): Promise<string> {
  const item = await db
    .insertInto('item')
    .values({
      org_id: orgId,
      kind: spec.kind,
      status: spec.status ?? 'new',
      author_id: spec.authorId,
      assignee_id: spec.assigneeId ?? null,
      department_id: spec.departmentId ?? null,
      due_at: spec.dueAt ?? null,
      priority: spec.priority ?? 0,
      topics: spec.topics ?? [],
      urgency: null,
      duplicate_of: null,
      client_id: null,
      ...(spec.createdAt ? { created_at: spec.createdAt, last_activity_at: spec.createdAt } : {})
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (spec.kind === 'message') {
    await db.insertInto('message').values({ item_id: item.id, category: spec.category ?? 'question', body: spec.body, tracking_code: crypto.randomBytes(4).toString('hex').toUpperCase() }).execute()
  } else {
    await db.insertInto('case_report').values({ item_id: item.id, title: spec.title ?? '事例', body: spec.body, occurred_at: spec.createdAt ?? new Date() }).execute()
  }
  for (let position = 0; position < (spec.photos ?? 0); position++) {
    const sha = crypto.randomBytes(32).toString('hex')
    const media = await db
      .insertInto('media')
      .values({ org_id: orgId, owner_id: spec.authorId, sha256: sha, content_type: 'image/jpeg', bytes: 1, width: 1, height: 1, storage_key: `full/${sha}`, thumb_key: `thumb/${sha}`, taken_at: null, gps_lat: null, gps_lng: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('item_media').values({ item_id: item.id, media_id: media.id, position }).execute()
  }
  return item.id
}
