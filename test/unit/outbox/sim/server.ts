// The server side of POST /api/media and POST /api/cases, in memory, with the rules the
// real one promises: content-addressed media (same or new id), idempotent case creation on
// (officer, clientId), and a 4xx when a mediaId does not exist.
import { SendError, type CreateCaseBody } from '../../../../src/services/outbox'

export interface StoredCase extends CreateCaseBody {
  id: string
  officer: string
}

export class SimServer {
  readonly media = new Map<string, { content: string }>()
  readonly cases: StoredCase[] = []
  /** How often a repeated clientId got the existing case back (the idempotency path). */
  repeats = 0
  private nextId = 1
  /** When true, re-uploading the same content returns the first id; else a new row each time. */
  constructor(private readonly dedupeMedia: boolean) {}

  upload(content: string): { id: string } {
    if (this.dedupeMedia) {
      for (const [id, m] of this.media) if (m.content === content) return { id }
    }
    const id = `m${this.nextId++}`
    this.media.set(id, { content })
    return { id }
  }

  createCase(officer: string, body: CreateCaseBody): { id: string; created: boolean } {
    const existing = this.cases.find((c) => c.officer === officer && c.clientId === body.clientId)
    if (existing) {
      this.repeats++
      return { id: existing.id, created: false }
    }
    if (!body.title.trim()) throw new SendError({ kind: 'permanent', message: '标题不能为空' })
    if (body.mediaIds.length > 9) throw new SendError({ kind: 'permanent', message: '最多 9 张照片' })
    if (body.mediaIds.some((id) => !this.media.has(id))) {
      throw new SendError({ kind: 'permanent', message: '照片不存在，请重新上传' })
    }
    const stored: StoredCase = { ...structuredClone(body), id: `case${this.nextId++}`, officer }
    this.cases.push(stored)
    return { id: stored.id, created: true }
  }

  contentsOf(c: StoredCase): string[] {
    return c.mediaIds.map((id) => this.media.get(id)?.content ?? '<missing>')
  }
}
