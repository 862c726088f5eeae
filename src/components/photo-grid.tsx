import Taro from '@tarojs/taro'
import { View, Image, Text } from '@tarojs/components'
import { formatTime } from './format'
import { absoluteUrl } from '@/services/api-base'
import './photo-grid.scss'

export interface GridPhoto {
  id: string
  /** Full-size signed link, shown by the previewer. */
  url: string
  thumbUrl: string
  /** EXIF capture time, when the photo carried one. */
  takenAt?: string
}

export interface PhotoGridProps {
  photos: readonly GridPhoto[]
}

/** Evidence photos, three a row; a tap opens the platform's previewer on the full-size images. */
export function PhotoGrid({ photos }: PhotoGridProps) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => absoluteUrl(p.url))
  return (
    <View className='zb-photo-grid'>
      {photos.map((p, i) => (
        <View key={p.id} className='zb-photo-grid__cell'>
          <View className='zb-photo-grid__frame' onClick={() => void Taro.previewImage({ urls, current: urls[i] })}>
            <Image className='zb-photo-grid__image' src={absoluteUrl(p.thumbUrl)} mode='aspectFill' lazyLoad />
          </View>
          {p.takenAt ? <Text className='zb-photo-grid__caption'>拍摄于 {formatTime(p.takenAt)}</Text> : null}
        </View>
      ))}
    </View>
  )
}
PhotoGrid.displayName = 'PhotoGrid'
