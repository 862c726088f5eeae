import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS } from '../../../../domain/message/categories'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { boardApi, type PublicBoardEntry } from '@/services/board-api'
import './index.scss'

/** One published entry: the question and the bureau's answer in full, personal data masked. */
export default function BoardEntry() {
  const id = useRouter().params.id ?? ''
  const fetchEntry = useCallback(() => boardApi.entry(id), [id])
  const { data, loading, error, retryable, reload } = useLoaded<PublicBoardEntry | null>(fetchEntry, null)
  return (
    <PageShell className='board-entry'>
      <LoadState loading={loading} error={error} empty={!data} emptyText='该选登内容不存在或已撤下' onRetry={retryable ? () => void reload() : undefined} />
      {data && !error ? (
        <View className='zb-card'>
          <View className='zb-card__head'>
            <Text className='zb-card__heading'>{MESSAGE_CATEGORY_LABELS[data.category]}</Text>
            <Text className='zb-hint'>留言于 {formatTime(data.askedAt).slice(0, 10)}</Text>
          </View>
          <Text className='zb-label'>留言</Text>
          <Text className='zb-card__text'>{data.question}</Text>
          <View className='zb-quote'>
            <Text className='zb-label'>县市场监管局答复</Text>
            <Text className='zb-quote__body'>{data.answer}</Text>
            <Text className='zb-hint'>选登于 {formatTime(data.publishedAt).slice(0, 10)}</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
