// A draft as GET /api/drafts/:id answers it, for the pages' tests on both platforms: a fresh
// draft nobody has signed; each test overrides what its screen is about.
import type { DraftDetail } from '../../domain/schemas/draft'

const unsigned = (stage: 'first_review' | 'second_review' | 'final_review', label: string) => ({ stage, label, signer: null, at: null, comment: null })

export const draftDetail = (over: Record<string, unknown> = {}): DraftDetail =>
  ({
    id: 'd1',
    type: 'news',
    title: '标题',
    status: 'drafting',
    version: 1,
    author: { id: 'a', name: '王宣传' },
    department: { id: 'dep', name: '综合办公室' },
    topics: [],
    caseCount: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    content: { blocks: [] },
    cases: [],
    credits: [],
    events: [],
    comments: [],
    flags: [],
    openFlags: 0,
    signatures: [unsigned('first_review', '初审'), unsigned('second_review', '复审'), unsigned('final_review', '终审')],
    reviewers: [],
    allowedActions: [],
    editable: false,
    recordable: false,
    ...over
  }) as DraftDetail
