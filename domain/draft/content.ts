import { LIMITS } from '../limits'

/**
 * A draft's body as structured content, never HTML: a list of blocks, each a paragraph, heading,
 * list or image, whose text is runs with marks. One renderer (src/editorial/components) draws it
 * with Taro View/Text/Image on H5 and in the mini-program; the server validates it against the
 * TypeBox schema in domain/schemas/draft.ts. Every block has an id, stable across versions, that
 * comments anchor to (a paragraph, not just the whole draft).
 */
export const MARKS = ['bold', 'italic'] as const
export type Mark = (typeof MARKS)[number]

export interface TextRun {
  text: string
  marks?: Mark[]
}

export const BLOCK_TYPES = ['paragraph', 'heading', 'list', 'image'] as const
export type BlockType = (typeof BLOCK_TYPES)[number]

export interface ParagraphBlock {
  id: string
  type: 'paragraph'
  runs: TextRun[]
}
export interface HeadingBlock {
  id: string
  type: 'heading'
  /** 1: the piece's section heading; 2: a sub-heading. */
  level: 1 | 2
  runs: TextRun[]
}
export interface ListBlock {
  id: string
  type: 'list'
  ordered: boolean
  /** Each item is a line of runs. */
  items: TextRun[][]
}
export interface ImageBlock {
  id: string
  type: 'image'
  /** A photo of one of the draft's cases (the server checks it belongs to them). */
  mediaId: string
  /** The caption's facts (capture time and place), editable. */
  caption: string
}
export type Block = ParagraphBlock | HeadingBlock | ListBlock | ImageBlock

export interface DraftContent {
  blocks: Block[]
}

/** Block ids: short, url- and attribute-safe, so a comment's anchor is a plain string. */
export const BLOCK_ID_PATTERN = '^[A-Za-z0-9_-]{1,24}$'

export const DRAFT_LIMITS = {
  title: 80,
  blocks: 300,
  runsPerBlock: 100,
  listItems: 100,
  runText: LIMITS.caseBody,
  caption: 200,
  /** The whole text of a draft, in characters: a long 调研文章 fits, a pasted book does not. */
  totalChars: 50000,
  comment: 1000,
  creditsPerDraft: 20,
  casesPerDraft: 20,
  expressionPhrase: 40,
  expressionNote: 200
} as const

export const emptyContent = (): DraftContent => ({ blocks: [] })

const runsText = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('')

/** A block's plain text (an image: its caption), as the scan, the diff and the counts read it. */
export function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return runsText(b.runs)
    case 'list':
      return b.items.map(runsText).join('\n')
    case 'image':
      return b.caption
  }
}

/** The whole text, one block per line. */
export const contentText = (c: DraftContent) => c.blocks.map(blockText).join('\n')

/** Characters (code points) of the whole text, the limit's measure. */
export const contentChars = (c: DraftContent) => c.blocks.reduce((n, b) => n + Array.from(blockText(b)).length, 0)

/** A paragraph block from plain text. */
export const paragraph = (id: string, text: string, marks?: Mark[]): ParagraphBlock => ({ id, type: 'paragraph', runs: [marks ? { text, marks } : { text }] })
