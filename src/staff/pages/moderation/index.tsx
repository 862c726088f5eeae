import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { ApiError } from '@/services/api'
import { absoluteUrl } from '@/services/api-base'
import { moderationApi, type HeldItem, type HeldMedia, type ModerationDecision } from '@/services/desk-api'
import './index.scss'

const EMPTY = { items: [] as HeldItem[], media: [] as HeldMedia[] }
const KIND_LABELS: Record<HeldItem['kind'], string> = { message: '群众留言', case: '典型事例' }

/**
 * 待审核内容: texts and images the content check held. Staff read the whole text and decide:
 * 通过 puts it in the inbox as if it had just arrived; 不通过 keeps it from everyone but its author.
 */
export default function Moderation() {
  const fetchQueue = useCallback(() => moderationApi.queue(), [])
  const { data, loading, error, retryable, reload, setData } = useLoaded(fetchQueue, EMPTY)
  const [busy, setBusy] = useState<string | null>(null)

  const decide = async (kind: 'item' | 'media', id: string, action: ModerationDecision) => {
    setBusy(id)
    try {
      await (kind === 'item' ? moderationApi.decideItem(id, action) : moderationApi.decideMedia(id, action))
      void Taro.showToast({ title: action === 'approve' ? '已通过' : kind === 'item' ? '已设为不通过' : '已隔离', icon: 'success' })
      // A decided text leaves the queue; a decided image moves (quarantined ones stay listed): ask again.
      if (kind === 'item') setData({ ...data, items: data.items.filter((i) => i.id !== id) })
      else void reload()
    } catch (e) {
      // Someone else decided first (409) or the network failed: say so and show the queue as it is now.
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败，请重试', icon: 'none' })
      void reload()
    } finally {
      setBusy(null)
    }
  }

  const held = data.media.filter((m) => m.moderation === 'held')
  const quarantined = data.media.filter((m) => m.moderation === 'quarantined')
  const empty = !data.items.length && !data.media.length
  return (
    <PageShell className='moderation'>
      <LoadState loading={loading} error={error} empty={empty} emptyText='没有待审核的内容' onRetry={retryable ? () => void reload() : undefined} />
      {error ? null : (
        <>
          {data.items.length ? <Text className='zb-label moderation__heading'>待审核文字（{data.items.length}）</Text> : null}
          {data.items.map((item) => (
            <View key={item.id} className='zb-card moderation__item'>
              <View className='zb-card__head'>
                <Text className='zb-card__heading'>{item.title ?? KIND_LABELS[item.kind]}</Text>
                <Text className='zb-hint'>{formatTime(item.createdAt)}</Text>
              </View>
              {item.note ? <Text className='moderation__note'>{item.note}</Text> : null}
              <Text className='zb-card__text moderation__body'>{item.body}</Text>
              <Text className='zb-hint'>
                {KIND_LABELS[item.kind]} · {item.authorName ?? '匿名'}
              </Text>
              <View className='moderation__actions'>
                <Button type='primary' disabled={busy === item.id} onClick={() => void decide('item', item.id, 'approve')}>
                  通过
                </Button>
                <Button type='danger' disabled={busy === item.id} onClick={() => void decide('item', item.id, 'refuse')}>
                  不通过
                </Button>
              </View>
            </View>
          ))}
          {held.length ? <Text className='zb-label moderation__heading'>待审核图片（{held.length}）</Text> : null}
          {held.map((m) => (
            <View key={m.id} className='zb-card moderation__item moderation__media'>
              {m.thumbUrl ? <Image className='moderation__thumb' src={absoluteUrl(m.thumbUrl)} mode='aspectFit' /> : null}
              <Text className='zb-hint'>
                {m.label ? `检测提示：${m.label}` : '检测未完成，请人工判断'} · {formatTime(m.createdAt)}
              </Text>
              <View className='moderation__actions'>
                <Button type='primary' disabled={busy === m.id} onClick={() => void decide('media', m.id, 'approve')}>
                  通过
                </Button>
                <Button type='danger' disabled={busy === m.id} onClick={() => void decide('media', m.id, 'refuse')}>
                  隔离
                </Button>
              </View>
            </View>
          ))}
          {quarantined.length ? <Text className='zb-label moderation__heading'>已隔离图片（{quarantined.length}）</Text> : null}
          {quarantined.map((m) => (
            <View key={m.id} className='zb-card moderation__item'>
              <View className='moderation__placeholder'>
                <Text>已隔离</Text>
              </View>
              <Text className='zb-hint'>
                {m.label ? `检测结果：${m.label}` : '已隔离'} · {formatTime(m.createdAt)}（任何人都看不到此图片）
              </Text>
            </View>
          ))}
        </>
      )}
    </PageShell>
  )
}
