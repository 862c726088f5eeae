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
  /** EXIF capture time the server read from the uploaded file, when it carried one. */
  takenAt?: string
  /** Capture time the phone read from the original before compression: reported, not verified. */
  deviceTakenAt?: string
}

/** The server's own reading first; else the phone's, said to be the device's word. */
function captureCaption(p: GridPhoto): string | null {
  if (p.takenAt) return `拍摄于 ${formatTime(p.takenAt)}`
  if (p.deviceTakenAt) return `拍摄于 ${formatTime(p.deviceTakenAt)}（设备记录）`
  return null
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
      {photos.map((p, i) => {
        const caption = captureCaption(p)
        return (
          <View key={p.id} className='zb-photo-grid__cell'>
            <View className='zb-photo-grid__frame' onClick={() => void Taro.previewImage({ urls, current: urls[i] })}>
              <Image className='zb-photo-grid__image' src={absoluteUrl(p.thumbUrl)} mode='aspectFill' lazyLoad />
            </View>
            {caption ? <Text className='zb-photo-grid__caption'>{caption}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
PhotoGrid.displayName = 'PhotoGrid'
