import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { blockText, type DraftContent } from '../../../domain/draft/content'
import { DRAFT_LIMITS } from '../../../domain/draft/content'

export interface CommentsCardProps {
  draft: DraftDetail
  /** The paragraph chosen in the text (a comment anchors there), or null for the whole draft. */
  anchor: string | null
  busy: boolean
  onClearAnchor: () => void
  onComment: (body: string) => void
  onResolve: (id: string) => void
}

/** 批注: on a paragraph of the current version (tap it in the text) or on the whole draft. */
export function CommentsCard({ draft, anchor, busy, onClearAnchor, onComment, onResolve }: CommentsCardProps) {
  const [body, setBody] = useState('')
  const blocks = (draft.content as DraftContent).blocks
  const excerpt = (id: string | null) => {
    const b = id ? blocks.find((x) => x.id === id) : undefined
    return b ? `「${Array.from(blockText(b)).slice(0, 20).join('')}…」` : id ? '（已删除的段落）' : '全文'
  }
  return (
    <View className='zb-card draft-page__comments'>
      <Text className='zb-label'>批注（{draft.comments.filter((c) => !c.resolvedAt).length} 条未处理）</Text>
      {draft.comments.map((c) => (
        <View key={c.id} className={`draft-page__comment ${c.resolvedAt ? 'draft-page__comment--resolved' : ''}`} data-anchor={c.anchor ?? ''}>
          <Text className='zb-hint'>
            第 {c.version} 版 · {excerpt(c.anchor)} · {c.author.name} · {formatTime(c.createdAt)}
          </Text>
          <Text className='draft-page__comment-body'>{c.body}</Text>
          {c.resolvedAt ? (
            <Text className='zb-hint'>已处理</Text>
          ) : (
            <Text className='draft-page__link' onClick={() => onResolve(c.id)}>
              标记为已处理
            </Text>
          )}
        </View>
      ))}
      <Text className='zb-hint draft-page__anchor'>
        批注位置：{excerpt(anchor)}
        {anchor ? (
          <Text className='draft-page__link' onClick={onClearAnchor}>
            {' '}
            改为全文
          </Text>
        ) : '（点正文中的段落可批注该段）'}
      </Text>
      <Textarea className='zb-field draft-page__comment-input' placeholder='写批注' value={body} maxlength={DRAFT_LIMITS.comment} autoHeight onInput={(e) => setBody(e.detail.value)} />
      <Button
        className='draft-page__comment-send'
        disabled={busy || !body.trim()}
        onClick={() => {
          onComment(body.trim())
          setBody('')
        }}
      >
        添加批注
      </Button>
    </View>
  )
}
CommentsCard.displayName = 'CommentsCard'
