// 发表凭证: one screenshot or scan of the published piece, compressed on the phone and uploaded at
// once with its progress, so recording sends only its media id.
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { ApiError, uploadMedia } from '@/services/api'
import { compressPhoto } from '@/services/photo'
import { ProgressBar } from '@/components/progress-bar'
import type { ProofState } from './publication-values'

export function ProofUpload({ proof, error, onChange }: { proof: ProofState | null; error?: string; onChange: (update: (p: ProofState | null) => ProofState | null) => void }) {
  const upload = async (path: string) => {
    onChange(() => ({ path, progress: 0, uploading: true }))
    try {
      const media = await uploadMedia(path, (progress) => onChange((p) => (p && p.path === path ? { ...p, progress } : p)))
      onChange((p) => (p && p.path === path ? { ...p, uploading: false, progress: 1, mediaId: media.id } : p))
    } catch (e) {
      onChange((p) => (p && p.path === path ? { ...p, uploading: false, error: e instanceof ApiError ? e.message : '上传失败' } : p))
    }
  }
  const pick = async () => {
    let picked: string | undefined
    try {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      picked = res.tempFiles[0]?.tempFilePath
    } catch {
      return // cancelled
    }
    if (picked) void upload(await compressPhoto(picked))
  }
  return (
    <View className='publish__proof'>
      {proof ? (
        <View className='publish__proof-item' data-uploaded={proof.mediaId ? 'yes' : 'no'}>
          <Image className='publish__proof-thumb' src={proof.path} mode='aspectFill' />
          {proof.uploading || proof.error ? <ProgressBar value={proof.progress} failed={Boolean(proof.error)} /> : null}
          <View className='publish__proof-side'>
            <Text className='zb-hint'>{proof.uploading ? `上传中 ${Math.round(proof.progress * 100)}%` : proof.error ? proof.error : '已上传'}</Text>
            <View className='zb-row'>
              {proof.error ? (
                <View className='zb-chip' role='button' onClick={() => void upload(proof.path)}>
                  重试
                </View>
              ) : null}
              {proof.uploading ? null : (
                <View className='zb-chip' role='button' onClick={() => onChange(() => null)}>
                  删除截图
                </View>
              )}
            </View>
          </View>
        </View>
      ) : (
        <View className='publish__proof-add' role='button' onClick={() => void pick()}>
          <Text className='publish__proof-plus'>+</Text>
          <Text className='zb-hint'>上传截图或扫描件</Text>
        </View>
      )}
      {error ? <Text className='zb-error'>{error}</Text> : null}
    </View>
  )
}
ProofUpload.displayName = 'ProofUpload'
