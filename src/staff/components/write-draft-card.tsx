import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CaseDraftList, DraftDetail, ItemDetail } from '@/domain'
import { DRAFT_TYPES, DRAFT_TYPE_LABELS, type DraftType } from '../../../domain/draft/types'
import { isDraftableCase } from '../../../domain/draft/cases'
import { DRAFT_STATUS_LABELS } from '../../../domain/draft/state-machine'
import { Button } from '@/components/ui'
import { ApiError, request } from '@/services/api'
import { draftPage } from '@/services/routes'
import './write-draft-card.scss'

/**
 * 写成稿件 on an accepted (or already used) case: pick the type, and the server lays out the
 * skeleton from the case's facts; the case lists the drafts it was used in. Straight calls to
 * the drafts routes, so the staff package does not load the editorial subpackage's code.
 */
export function WriteDraftCard({ detail, onCreated }: { detail: ItemDetail; onCreated?: () => void }) {
  const [used, setUsed] = useState<CaseDraftList['drafts']>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const draftable = isDraftableCase(detail.status)
  useEffect(() => {
    if (!draftable) return
    request<CaseDraftList>(`/api/items/${detail.id}/drafts`).then(
      (r) => setUsed(r.drafts),
      () => setUsed([])
    )
  }, [detail.id, detail.status, draftable])
  if (!draftable) return null
  const write = async (type: DraftType) => {
    setBusy(true)
    setError(null)
    try {
      const d = await request<DraftDetail>('/api/drafts', { method: 'POST', data: { type, caseIds: [detail.id] } })
      onCreated?.()
      void Taro.navigateTo({ url: draftPage(d.id) })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '新建稿件失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='zb-card write-draft'>
      <Text className='zb-label'>写成稿件</Text>
      <View className='write-draft__buttons'>
        {DRAFT_TYPES.map((t) => (
          <Button key={t} className={`write-draft__button write-draft__button--${t}`} disabled={busy} onClick={() => void write(t)}>
            {DRAFT_TYPE_LABELS[t]}
          </Button>
        ))}
      </View>
      {error ? <Text className='zb-error'>{error}</Text> : null}
      {used.length ? (
        <View className='write-draft__used'>
          <Text className='zb-hint'>已用于稿件：</Text>
          {used.map((d) => (
            <Text key={d.id} className='write-draft__link' onClick={() => void Taro.navigateTo({ url: draftPage(d.id) })}>
              {DRAFT_TYPE_LABELS[d.type]}「{d.title}」（{DRAFT_STATUS_LABELS[d.status]}）
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
WriteDraftCard.displayName = 'WriteDraftCard'
