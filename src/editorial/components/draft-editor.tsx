import { useState } from 'react'
import { View, Text, Input, Textarea, Image } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { Button } from '@/components/ui'
import { absoluteUrl } from '@/services/api-base'
import { DRAFT_LIMITS, type Block, type DraftContent } from '../../../domain/draft/content'
import { markupFromRuns, runsFromMarkup } from '../../../domain/draft/markup'
import { photoCaption } from '../../../domain/draft/skeleton'
import { DRAFT_TYPES, DRAFT_TYPE_LABELS, type DraftType } from '../../../domain/draft/types'
import { CreditsEditor, type CreditRow } from './credits-editor'
import './draft-editor.scss'

/** What the editor holds per block: the block's kind and its text in the editor's spelling. */
interface EditBlock {
  id: string
  type: Block['type']
  level?: 1 | 2
  ordered?: boolean
  text: string
  mediaId?: string
}

const toEdit = (b: Block): EditBlock => {
  switch (b.type) {
    case 'paragraph':
      return { id: b.id, type: b.type, text: markupFromRuns(b.runs) }
    case 'heading':
      return { id: b.id, type: b.type, level: b.level, text: markupFromRuns(b.runs) }
    case 'list':
      return { id: b.id, type: b.type, ordered: b.ordered, text: b.items.map(markupFromRuns).join('\n') }
    case 'image':
      return { id: b.id, type: b.type, mediaId: b.mediaId, text: b.caption }
  }
}

const fromEdit = (e: EditBlock): Block => {
  switch (e.type) {
    case 'paragraph':
      return { id: e.id, type: 'paragraph', runs: runsFromMarkup(e.text) }
    case 'heading':
      return { id: e.id, type: 'heading', level: e.level ?? 2, runs: runsFromMarkup(e.text) }
    case 'list': {
      const lines = e.text.split('\n').filter((l) => l.trim())
      return { id: e.id, type: 'list', ordered: !!e.ordered, items: (lines.length ? lines : ['']).map(runsFromMarkup) }
    }
    case 'image':
      return { id: e.id, type: 'image', mediaId: e.mediaId!, caption: e.text }
  }
}

let counter = 0
const newId = () => `n${Date.now().toString(36)}${(++counter).toString(36)}`

const KIND_LABEL: Record<Block['type'], string> = { paragraph: '段落', heading: '小标题', list: '列表（每行一项）', image: '图片说明' }

export interface DraftEditorProps {
  draft: DraftDetail
  photoUrls: ReadonlyMap<string, string>
  saving: boolean
  error: string | null
  onSave: (value: { title: string; type: DraftType; content: DraftContent; topics: string[]; credits: { userId?: string; departmentId?: string; sharePercent: number }[] }) => void
  onCancel: () => void
}

/**
 * The editor: title, type, and the blocks as plain text boxes (**加粗**, *倾斜*), with the cases'
 * photos to insert (their capture time and place prefilled as the caption). What is saved is
 * structured content, never HTML.
 */
export function DraftEditor({ draft, photoUrls, saving, error, onSave, onCancel }: DraftEditorProps) {
  const [title, setTitle] = useState(draft.title)
  const [type, setType] = useState<DraftType>(draft.type)
  const [blocks, setBlocks] = useState<EditBlock[]>(() => (draft.content as DraftContent).blocks.map(toEdit))
  const [credits, setCredits] = useState<CreditRow[]>(() =>
    draft.credits.map((c) => ({ ...(c.userId ? { userId: c.userId } : {}), ...(c.departmentId ? { departmentId: c.departmentId } : {}), name: c.name, sharePercent: c.sharePercent }))
  )
  const [topics, setTopics] = useState<string[]>(draft.topics)
  const set = (i: number, patch: Partial<EditBlock>) => setBlocks((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  const move = (i: number, by: number) =>
    setBlocks((bs) => {
      const j = i + by
      if (j < 0 || j >= bs.length) return bs
      const copy = [...bs]
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      return copy
    })
  const add = (b: Omit<EditBlock, 'id'>) => setBlocks((bs) => [...bs, { ...b, id: newId() }])
  const photos = draft.cases.flatMap((c) => c.photos.map((p) => ({ p, place: c.place })))

  return (
    <View className='draft-editor'>
      <View className='zb-card'>
        <Text className='zb-label'>标题</Text>
        <Input className='zb-field draft-editor__title' value={title} maxlength={DRAFT_LIMITS.title} onInput={(e) => setTitle(e.detail.value)} />
        <Text className='zb-label draft-editor__type-label'>稿件类型</Text>
        <View className='zb-row'>
          {DRAFT_TYPES.map((t) => (
            <View key={t} className={`zb-chip draft-editor__chip ${t === type ? 'zb-chip--active' : ''}`} onClick={() => setType(t)}>
              {DRAFT_TYPE_LABELS[t]}
            </View>
          ))}
        </View>
        <Text className='zb-hint draft-editor__hint'>用 **文字** 表示加粗，*文字* 表示倾斜；【请补充：…】处请按事实填写。</Text>
      </View>
      {blocks.map((b, i) => (
        <View key={b.id} className='zb-card draft-editor__block' data-block={b.id}>
          <View className='draft-editor__block-head'>
            <Text className='zb-label'>{KIND_LABEL[b.type]}</Text>
            <View className='draft-editor__tools'>
              <Text className='draft-editor__tool' onClick={() => move(i, -1)}>
                上移
              </Text>
              <Text className='draft-editor__tool' onClick={() => move(i, 1)}>
                下移
              </Text>
              <Text className='draft-editor__tool draft-editor__tool--danger' onClick={() => setBlocks((bs) => bs.filter((_, j) => j !== i))}>
                删除
              </Text>
            </View>
          </View>
          {b.type === 'image' && b.mediaId && photoUrls.get(b.mediaId) ? <Image className='draft-editor__thumb' src={photoUrls.get(b.mediaId)!} mode='aspectFill' /> : null}
          <Textarea className='zb-field draft-editor__text' value={b.text} maxlength={-1} autoHeight onInput={(e) => set(i, { text: e.detail.value })} />
        </View>
      ))}
      <View className='zb-card'>
        <Text className='zb-label'>添加</Text>
        <View className='zb-row'>
          <View className='zb-chip draft-editor__chip' onClick={() => add({ type: 'paragraph', text: '' })}>
            + 段落
          </View>
          <View className='zb-chip draft-editor__chip' onClick={() => add({ type: 'heading', level: 2, text: '' })}>
            + 小标题
          </View>
          <View className='zb-chip draft-editor__chip' onClick={() => add({ type: 'list', ordered: true, text: '' })}>
            + 编号列表
          </View>
          <View className='zb-chip draft-editor__chip' onClick={() => add({ type: 'list', ordered: false, text: '' })}>
            + 项目列表
          </View>
        </View>
        {photos.length ? <Text className='zb-label draft-editor__photos-label'>插入事例照片</Text> : null}
        <View className='zb-row'>
          {photos.map(({ p, place }) => (
            <Image
              key={p.id}
              className='draft-editor__photo'
              src={absoluteUrl(p.thumbUrl)}
              mode='aspectFill'
              aria-label='插入这张照片'
              onClick={() => add({ type: 'image', mediaId: p.id, text: photoCaption({ mediaId: p.id, takenAt: p.takenAt ? new Date(p.takenAt) : p.deviceTakenAt ? new Date(p.deviceTakenAt) : null, gps: p.gps ?? p.deviceGps ?? null }, place) })}
            />
          ))}
        </View>
      </View>
      <CreditsEditor credits={credits} topics={topics} onCredits={setCredits} onTopics={setTopics} />
      {error ? <Text className='zb-error draft-editor__error'>{error}</Text> : null}
      <View className='draft-editor__bar'>
        <Button className='draft-editor__save' type='primary' loading={saving} disabled={saving || !title.trim()} onClick={() =>
            onSave({
              title: title.trim(),
              type,
              content: { blocks: blocks.map(fromEdit) },
              topics,
              credits: credits.map(({ name: _name, ...c }) => c)
            })
          }>
          保存新版本
        </Button>
        <Button className='draft-editor__cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
DraftEditor.displayName = 'DraftEditor'
