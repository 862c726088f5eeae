import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, type InboxItem } from '@/domain'
import { StatusTag } from '@/components/status-tag'
import { ThumbStrip } from '@/components/thumb-strip'
import { formatTime } from '@/components/format'
import { itemPage } from '@/services/routes'

/** One inbox entry: a citizen's message (category, excerpt) or an officer's case (title, author, photos). */
export function InboxRow({ item }: { item: InboxItem }) {
  const isCase = item.kind === 'case'
  return (
    <View className={`zb-card inbox__row inbox__row--${item.kind}`} onClick={() => void Taro.navigateTo({ url: itemPage(item.id) })}>
      <View className='zb-card__head inbox__head'>
        <Text className='zb-card__heading'>{item.category ? MESSAGE_CATEGORY_LABELS[item.category] : '典型事例'}</Text>
        <StatusTag status={item.status} kind={item.kind} />
      </View>
      {isCase && item.title ? <Text className='inbox__title'>{item.title}</Text> : null}
      <Text className='inbox__excerpt'>{item.excerpt}</Text>
      {isCase ? <ThumbStrip urls={item.thumbUrls} total={item.photoCount} /> : null}
      <Text className='zb-hint'>
        {isCase && item.authorName ? `${item.authorName} · ` : ''}
        {formatTime(item.createdAt)}
      </Text>
    </View>
  )
}
InboxRow.displayName = 'InboxRow'
