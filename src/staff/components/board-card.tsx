import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import { ApiError } from '@/services/api'
import { boardApi, type BoardPreview } from '@/services/board-api'
import { BOARD_REVIEW_PAGE } from '@/services/routes'
import type { DeskItemDetail } from '@/services/desk-api'
import { MaskedEditor, type MaskedValue } from './masked-editor'
import './board-card.scss'

const choices = (v: MaskedValue) => ({ text: v.text, spans: v.spans.map(({ start, end, kind }) => ({ start, end, kind })) })

/**
 * 提议选登 on a message's desk page: whether it may go on the public board (and why not), and the
 * masker's preview that staff correct before they submit it for a reviewer's approval.
 */
export function BoardCard({ detail }: { detail: DeskItemDetail }) {
  const [preview, setPreview] = useState<BoardPreview | null>(null)
  const [hidden, setHidden] = useState(false)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [question, setQuestion] = useState<MaskedValue | null>(null)
  const [answer, setAnswer] = useState<MaskedValue | null>(null)

  useEffect(() => {
    let live = true
    boardApi.preview(detail.id).then(
      (p) => {
        if (!live) return
        setPreview(p)
        setQuestion(p.question)
        setAnswer(p.answer)
      },
      // Not for this role (a reviewer proposes nothing): the card is simply not there.
      () => live && setHidden(true)
    )
    return () => {
      live = false
    }
  }, [detail.id, detail.version])

  // Only an answer of this route's shape (a preview) shows the card.
  if (hidden || !preview || !('refusal' in preview)) return null
  const submit = async () => {
    if (!question || !answer) return
    setBusy(true)
    try {
      const entry = await boardApi.propose(detail.id, { question: choices(question), answer: choices(answer) })
      setPreview({ ...preview, entryId: entry.id })
      setOpen(false)
      void Taro.showToast({ title: '已提交选登审核', icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '提交失败', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='zb-card board-card'>
      <Text className='zb-label'>留言选登</Text>
      {preview.entryId ? (
        <>
          <Text className='zb-hint board-card__state'>这条留言已提议选登，审核结果见选登审核。</Text>
          <Button block onClick={() => void Taro.navigateTo({ url: BOARD_REVIEW_PAGE })}>
            查看选登审核
          </Button>
        </>
      ) : preview.refusal ? (
        <Text className='zb-hint board-card__state'>{preview.refusal}</Text>
      ) : !open ? (
        <>
          <Text className='zb-hint board-card__state'>留言人同意公开。提议后由审核人批准，公开时个人信息将隐去。</Text>
          <Button block onClick={() => setOpen(true)}>
            提议选登
          </Button>
        </>
      ) : (
        <>
          {question ? <MaskedEditor label='公开的留言' value={question} onChange={setQuestion} /> : null}
          {answer ? <MaskedEditor label='公开的答复' value={answer} onChange={setAnswer} /> : null}
          <View className='zb-actions'>
            <Button type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
              提交选登审核
            </Button>
            <Button block disabled={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
BoardCard.displayName = 'BoardCard'
