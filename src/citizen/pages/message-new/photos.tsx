// A message's photos: compressed on the phone, each uploaded at once with its own progress (as an
// officer's are when editing a case), so submitting sends only their media ids.
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { MESSAGE_PHOTOS_MAX } from '@/domain'
import { ApiError, uploadMedia } from '@/services/api'
import { compressPhoto } from '@/services/photo'
import { ProgressBar } from '@/components/progress-bar'

export interface MessagePhoto {
  key: string
  path: string
  progress: number
  uploading: boolean
  error?: string
  mediaId?: string
}

/** Every photo uploaded: nothing still sending, nothing failed. */
export const photosReady = (photos: readonly MessagePhoto[]) => photos.every((p) => p.mediaId)

export interface MessagePhotosProps {
  photos: readonly MessagePhoto[]
  error?: string
  /** Applies a change to the list (functional: uploads finish in any order). */
  onChange: (update: (photos: MessagePhoto[]) => MessagePhoto[]) => void
}

let seq = 0
const newKey = () => `m${Date.now().toString(36)}${(seq++).toString(36)}`

export function MessagePhotos({ photos, error, onChange }: MessagePhotosProps) {
  const patch = (key: string, change: Partial<MessagePhoto>) => onChange((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const upload = async (photo: MessagePhoto) => {
    patch(photo.key, { uploading: true, error: undefined, progress: 0 })
    try {
      // No device evidence: a citizen's photo keeps no capture place (the server would not store it either).
      const media = await uploadMedia(photo.path, (progress) => patch(photo.key, { progress }))
      patch(photo.key, { uploading: false, progress: 1, mediaId: media.id })
    } catch (e) {
      patch(photo.key, { uploading: false, error: e instanceof ApiError ? e.message : '上传失败' })
    }
  }

  const add = async () => {
    const room = MESSAGE_PHOTOS_MAX - photos.length
    if (room <= 0) return
    let picked: string[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] })
      picked = res.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // cancelled
    }
    const added: MessagePhoto[] = []
    for (const path of picked.slice(0, room)) added.push({ key: newKey(), path: await compressPhoto(path), progress: 0, uploading: true })
    onChange((list) => [...list, ...added].slice(0, MESSAGE_PHOTOS_MAX))
    for (const photo of added) void upload(photo)
  }

  return (
    <View className='zb-card'>
      <Text className='zb-label'>
        照片（选填，{photos.length}/{MESSAGE_PHOTOS_MAX}）
      </Text>
      <View className='message-new__photos'>
        {photos.map((p) => (
          <View key={p.key} className='message-new__photo' data-uploaded={p.mediaId ? 'yes' : 'no'}>
            <Image className='message-new__thumb' src={p.path} mode='aspectFill' />
            {p.uploading || p.error ? <ProgressBar value={p.progress} failed={Boolean(p.error)} /> : null}
            {p.error ? (
              <Text className='message-new__photo-retry' onClick={() => void upload(p)}>
                重试
              </Text>
            ) : null}
            {p.uploading ? null : (
              <View className='message-new__photo-remove' aria-label='删除照片' onClick={() => onChange((list) => list.filter((x) => x.key !== p.key))}>
                ×
              </View>
            )}
          </View>
        ))}
        {photos.length < MESSAGE_PHOTOS_MAX ? (
          <View className='message-new__add-photo' onClick={() => void add()}>
            <Text className='message-new__add-plus'>+</Text>
            <Text className='zb-hint'>拍照/相册</Text>
          </View>
        ) : null}
      </View>
      <Text className='zb-hint'>照片会先在手机上压缩再上传，不保存拍摄位置</Text>
      {error ? <Text className='zb-error'>{error}</Text> : null}
    </View>
  )
}
MessagePhotos.displayName = 'MessagePhotos'
