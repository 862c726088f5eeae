// The request body for POST /api/cases, built from a saved entry.
import type { CreateCaseBody } from './ports'
import type { CaseDraft, OutboxEntry } from './types'

export function caseBody(entry: OutboxEntry): CreateCaseBody {
  const { title, body, occurredAt, place, topics } = entry.draft
  const mediaIds = entry.photos.map((p) => {
    if (!p.mediaId) throw new Error('photo not uploaded') // unreachable: photos go first
    return p.mediaId
  })
  // Field by field: the server refuses unknown properties.
  return {
    clientId: entry.clientId,
    title,
    body,
    occurredAt,
    ...(place ? { place } : {}),
    ...(topics ? { topics } : {}),
    mediaIds
  }
}

/** The caller's object may be a React state value they keep mutating: keep our own copy. */
export function copyDraft(draft: CaseDraft): CaseDraft {
  return JSON.parse(JSON.stringify(draft)) as CaseDraft
}
