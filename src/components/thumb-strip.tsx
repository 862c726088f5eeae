import { View, Image, Text } from '@tarojs/components'
import { absoluteUrl } from '@/services/api-base'
import './thumb-strip.scss'

export interface ThumbStripProps {
  /** Signed thumbnail links (the inbox sends at most 3). */
  urls: readonly string[]
  /** All photos the item has; past the thumbnails shown, says 共 N 张. */
  total: number
}

/** A row of small thumbnails in a list row; the row itself takes the tap. */
export function ThumbStrip({ urls, total }: ThumbStripProps) {
  if (urls.length === 0) return null
  return (
    <View className='zb-thumbs'>
      {urls.map((u) => (
        <Image key={u} className='zb-thumbs__image' src={absoluteUrl(u)} mode='aspectFill' lazyLoad />
      ))}
      {total > urls.length ? <Text className='zb-thumbs__count'>共 {total} 张</Text> : null}
    </View>
  )
}
ThumbStrip.displayName = 'ThumbStrip'
