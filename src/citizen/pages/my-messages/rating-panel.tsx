import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { ACTION_NOTE_MAX, RATINGS, RATING_LABELS, ratingAction, messageMachine, type Rating } from '@/domain'
import { Button } from '@/components/ui'
import { showError } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import { charCount } from '@/components/char-count'

export interface RatingPanelProps {
  messageId: string
  /** After the server took the rating (the list reloads). */
  onRated: () => void
}

/**
 * 满意 / 基本满意 / 不满意 on a reply, with an optional comment. What each does is the table's:
 * the action whose rating input takes it (办结 or 重新办理), and the button says so.
 */
export function RatingPanel({ messageId, onRated }: RatingPanelProps) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const over = charCount(comment) > ACTION_NOTE_MAX
  const action = rating ? messageMachine.table[ratingAction(rating)] : null
  const reopens = action ? action.to !== messageMachine.table[ratingAction('satisfied')].to : false

  const send = async () => {
    if (!rating || over) return
    setSending(true)
    try {
      await citizenApi.rate(messageId, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      onRated()
    } catch (e) {
      showError(e)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='my-messages__rating'>
      <Text className='zb-label'>您对答复满意吗？</Text>
      <View className='zb-row my-messages__ratings'>
        {RATINGS.map((r) => (
          <View key={r} className={`zb-chip my-messages__rating-chip ${rating === r ? 'zb-chip--active' : ''}`} onClick={() => setRating(r)}>
            {RATING_LABELS[r]}
          </View>
        ))}
      </View>
      {rating ? (
        <View>
          <Textarea
            className='zb-field my-messages__comment'
            placeholder={reopens ? '请说明哪里还没有解决，我们将重新办理' : '评价意见（选填）'}
            value={comment}
            maxlength={-1}
            autoHeight
            onInput={(e) => setComment(e.detail.value)}
          />
          {over ? <Text className='zb-error'>评价意见不能超过 {ACTION_NOTE_MAX} 个字</Text> : null}
          <Button className='my-messages__rate' type='primary' block loading={sending} disabled={over} onClick={() => void send()}>
            {reopens ? '提交并申请重新办理' : '提交评价并办结'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
RatingPanel.displayName = 'RatingPanel'
