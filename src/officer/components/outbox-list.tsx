// The officer's unsent and just-sent cases: 待发送 / 发送中 (with progress) / 已提交 / 失败.
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { entryView, type Outbox, type OutboxEntry } from '@/services/outbox'
import { Button } from '@/components/ui'
import { Tag } from '@/components/ui-sub'
import { formatTime } from '@/components/format'
import { ProgressBar } from '@/components/progress-bar'
import './outbox-list.scss'

const TAG_TYPE: Record<OutboxEntry['state'], 'default' | 'primary' | 'success' | 'danger'> = {
  queued: 'default',
  sending: 'primary',
  submitted: 'success',
  failed: 'danger'
}

function OutboxRow({ entry, outbox }: { entry: OutboxEntry; outbox: Outbox }) {
  const view = entryView(entry)
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除这条事例？', content: '删除后无法恢复，未发送的内容会丢失。' })
    if (confirm) await outbox.remove(entry.clientId)
  }
  // A refused photo (too large, corrupt) can be dropped without losing the rest of the case.
  const editable = entry.state === 'failed' || entry.state === 'queued'
  const removePhoto = async (localPath: string, n: number) => {
    const { confirm } = await Taro.showModal({ title: `移除照片 ${n}？`, content: '其余内容和照片会保留，可再点“重试”发送。' })
    if (confirm) await outbox.removePhoto(entry.clientId, localPath)
  }
  return (
    <View className={`zb-card outbox__entry outbox__entry--${entry.state}`} data-client-id={entry.clientId}>
      <View className='outbox__head'>
        <Text className='outbox__title'>{view.title}</Text>
        <Tag type={TAG_TYPE[entry.state]} className='outbox__label'>
          {view.label}
        </Tag>
      </View>
      {entry.state === 'submitted' ? null : <ProgressBar value={view.progress} failed={entry.state === 'failed'} />}
      {entry.photos.length && entry.state !== 'submitted' ? (
        <View className='outbox__photos'>
          {entry.photos.map((p, i) => (
            <View key={p.localPath} className='outbox__photo'>
              <Text className='zb-hint'>照片 {i + 1}</Text>
              <ProgressBar value={p.mediaId ? 1 : p.progress} />
              {editable && !p.mediaId ? (
                <Text className='outbox__photo-remove' onClick={() => void removePhoto(p.localPath, i + 1)}>
                  移除
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {view.message ? <Text className={entry.state === 'failed' ? 'zb-error' : 'zb-hint'}>{view.message}</Text> : null}
      <Text className='zb-hint'>
        {entry.submittedAt ? `提交于 ${formatTime(new Date(entry.submittedAt).toISOString())}` : `保存于 ${formatTime(new Date(entry.createdAt).toISOString())}`}
      </Text>
      {view.canRetry || view.canRemove ? (
        <View className='outbox__actions'>
          {view.canRetry ? (
            <Button className='outbox__retry' size='small' type='primary' onClick={() => void outbox.retry(entry.clientId)}>
              {entry.state === 'failed' ? '重试' : '立即发送'}
            </Button>
          ) : null}
          {view.canRemove && entry.state !== 'submitted' ? (
            <Button className='outbox__remove' size='small' onClick={() => void remove()}>
              删除
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export interface OutboxListProps {
  outbox: Outbox | null
  entries: readonly OutboxEntry[]
}

/** Every entry, 已提交 ones included (the outbox prunes those after a few days). */
export function OutboxList({ outbox, entries }: OutboxListProps) {
  if (!outbox || entries.length === 0) return null
  // Newest first, like the case list below it.
  const sorted = [...entries].sort((a, b) => b.createdAt - a.createdAt)
  return (
    <View className='outbox'>
      <Text className='zb-label outbox__heading'>发件箱</Text>
      {sorted.map((e) => (
        <OutboxRow key={e.clientId} entry={e} outbox={outbox} />
      ))}
    </View>
  )
}
OutboxList.displayName = 'OutboxList'
