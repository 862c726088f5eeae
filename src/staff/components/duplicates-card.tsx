import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { StatusTag } from '@/components/status-tag'
import { formatTime } from '@/components/format'
import { Button } from '@/components/ui'
import { ApiError } from '@/services/api'
import { deskApi, type DeskItemDetail, type DuplicateCandidate } from '@/services/desk-api'
import { kindLabel } from './desk-format'
import './duplicates-card.scss'

const REASON_LABELS: Record<DuplicateCandidate['reasons'][number], string> = {
  text: '内容相近',
  author: '同一留言人',
  phone: '同一电话',
  place: '地点相同',
  time: '时间相近'
}

export interface DuplicatesCardProps {
  detail: DeskItemDetail
  busy: boolean
  /**
   * Runs a merge: `from` goes into `into`. The answer is the surviving item; when that is not
   * the open one, the panel moves to it.
   */
  onMerge: (from: DuplicateCandidate | DeskItemDetail, into: string) => Promise<boolean>
}

/**
 * 可能重复: items the server finds alike (GET /api/items/:id/duplicates), with why. 合并到此 folds the
 * other one into this item; 合并 folds this item into the other. Both ask first: a merge closes an item.
 */
export function DuplicatesCard({ detail, busy, onMerge }: DuplicatesCardProps) {
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setCandidates(null)
    setError(null)
    deskApi.duplicates(detail.id).then(
      (c) => live && setCandidates(c),
      (e) => live && setError(e instanceof ApiError ? e.message : '查找重复失败')
    )
    return () => {
      live = false
    }
    // A new version (a merge into this item) may change the candidates.
  }, [detail.id, detail.version])

  if (error) {
    return (
      <View className='zb-card duplicates-card'>
        <Text className='zb-label'>可能重复</Text>
        <Text className='zb-error'>{error}</Text>
      </View>
    )
  }
  if (!candidates || candidates.length === 0) return null

  const ask = async (title: string, content: string) => (await Taro.showModal({ title, content, confirmText: '合并' })).confirm

  return (
    <View className='zb-card duplicates-card'>
      <Text className='zb-label'>可能重复（{candidates.length}）</Text>
      {candidates.map((c) => (
        <View key={c.id} className='duplicates-card__row'>
          <View className='duplicates-card__head'>
            <Text className='duplicates-card__kind'>{kindLabel(c.kind)}</Text>
            <StatusTag status={c.status} kind={c.kind} />
            <Text className='zb-hint'>{formatTime(c.createdAt)}</Text>
          </View>
          <Text className='duplicates-card__text'>{c.title || c.excerpt || ''}</Text>
          <Text className='zb-hint duplicates-card__reasons'>{c.reasons.map((r) => REASON_LABELS[r] ?? r).join('、')}</Text>
          <View className='zb-row'>
            <Button
              size='small'
              type='primary'
              disabled={busy}
              onClick={async () => {
                if (await ask('合并到此？', '那一条将并入当前这条并结束，留言人会看到它并入了哪条、以及这条的答复。')) await onMerge(c, detail.id)
              }}
            >
              合并到此
            </Button>
            <Button
              size='small'
              // The server says when the other one cannot take this in (another kind, or already closed).
              disabled={busy || c.mergeable === false}
              onClick={async () => {
                if (await ask('合并到那一条？', '当前这条将并入那一条并结束，留言人会看到它并入了哪条、以及那条的答复。')) await onMerge(detail, c.id)
              }}
            >
              合并
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
DuplicatesCard.displayName = 'DuplicatesCard'
