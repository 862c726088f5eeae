// The typical-case form, for a new case (photos go to the outbox with the case) and for editing
// a returned one (new photos upload at once, each with its own progress; uploaded ones keep
// their media ids).
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Picker, Image } from '@tarojs/components'
import { CASE_BODY_MAX, CASE_PHOTOS_MAX, CASE_TITLE_MAX, type DeviceEvidence } from '@/domain'
import { Button } from '@/components/ui'
import { CountedField } from '@/components/counted-field'
import { absoluteUrl } from '@/services/api-base'
import { ApiError } from '@/services/api'
import { compressPhoto } from '@/services/photo'
import { readDeviceEvidence } from '@/services/photo-evidence'
import { ProgressBar } from '@/components/progress-bar'
import { beijingParts, fromBeijing, validateCase, type CaseFormErrors, type CaseFormValues, type FormPhoto } from './case-values'
import './case-form.scss'

export type CaseFormMode = 'new' | 'edit'

export interface CaseFormProps {
  mode: CaseFormMode
  initial: CaseFormValues
  departmentName: string | null
  /** Every change, for the draft autosave. */
  onChange?: (values: CaseFormValues) => void
  /** Edit mode: uploads a photo right after it is picked. */
  upload?: (path: string, onProgress: (fraction: number) => void, device?: DeviceEvidence) => Promise<{ id: string; thumbUrl?: string }>
  onSubmit: (values: CaseFormValues) => Promise<void>
}

let photoSeq = 0
const newKey = () => `p${Date.now().toString(36)}${(photoSeq++).toString(36)}`

export function CaseForm({ mode, initial, departmentName, onChange, upload, onSubmit }: CaseFormProps) {
  const [values, setValues] = useState<CaseFormValues>(initial)
  const [errors, setErrors] = useState<CaseFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [locating, setLocating] = useState(false)
  const changed = useRef(false)

  useEffect(() => {
    if (changed.current) onChange?.(values)
  }, [values, onChange])

  const update = (change: Partial<CaseFormValues>, field?: keyof CaseFormErrors) => {
    changed.current = true
    setValues((v) => ({ ...v, ...change }))
    if (field) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const patchPhoto = (key: string, change: Partial<FormPhoto>) => {
    changed.current = true
    setValues((v) => ({ ...v, photos: v.photos.map((p) => (p.key === key ? { ...p, ...change } : p)) }))
  }

  const startUpload = async (photo: FormPhoto) => {
    if (!upload || !photo.path) return
    patchPhoto(photo.key, { uploading: true, error: undefined, progress: 0 })
    try {
      const media = await upload(photo.path, (fraction) => patchPhoto(photo.key, { progress: fraction }), photo.device)
      patchPhoto(photo.key, { uploading: false, progress: 1, mediaId: media.id, thumbUrl: media.thumbUrl })
    } catch (e) {
      patchPhoto(photo.key, { uploading: false, error: e instanceof ApiError ? e.message : '上传失败' })
    }
  }

  const addPhotos = async () => {
    const room = CASE_PHOTOS_MAX - values.photos.length
    if (room <= 0) return
    let picked: string[]
    try {
      const res = await Taro.chooseMedia({
        count: room,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        // The original: WeChat's own 'compressed' copy drops EXIF (the capture time and place the
        // case keeps as evidence); compressPhoto makes it small afterwards.
        sizeType: ['original']
      })
      picked = res.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // cancelled
    }
    const added: FormPhoto[] = []
    for (const path of picked.slice(0, room)) {
      // The original first: compression writes a file with no capture time or place.
      const device = await readDeviceEvidence(path)
      added.push({ key: newKey(), path: await compressPhoto(path), device, progress: 0 })
    }
    changed.current = true
    setValues((v) => ({ ...v, photos: [...v.photos, ...added].slice(0, CASE_PHOTOS_MAX) }))
    setErrors((e) => ({ ...e, photos: undefined }))
    for (const photo of added) void startUpload(photo)
  }

  const removePhoto = (key: string) => update({ photos: values.photos.filter((p) => p.key !== key) }, 'photos')

  const locate = async () => {
    setLocating(true)
    try {
      // wgs84 is WeChat's default; H5 needs it said.
      const res = await Taro.getLocation({ type: 'wgs84' })
      update({ lat: res.latitude, lng: res.longitude }, 'address')
    } catch {
      Taro.showToast({ title: '无法获取位置，请在设置中允许定位，或直接填写地点', icon: 'none' })
    } finally {
      setLocating(false)
    }
  }

  const at = beijingParts(values.occurredAt)
  const today = beijingParts(new Date().toISOString()).date
  const setDate = (date: string) => update({ occurredAt: fromBeijing(date, at.time) }, 'occurredAt')
  const setTime = (time: string) => update({ occurredAt: fromBeijing(at.date, time) }, 'occurredAt')

  const submit = async () => {
    if (submitting) return
    const found = validateCase(values)
    if (values.photos.some((p) => !p.mediaId && (p.uploading || p.error)) && mode === 'edit') {
      found.photos = '请等照片上传完成，或删除上传失败的照片'
    }
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    setSubmitting(true)
    try {
      await onSubmit(values)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='case-form'>
      <CountedField
        label='标题'
        className='case-form__title'
        placeholder='一句话概括，如：某所查处过期食品'
        value={values.title}
        max={CASE_TITLE_MAX}
        error={errors.title}
        onInput={(title) => update({ title }, 'title')}
      />
      <CountedField
        label='事例内容'
        kind='textarea'
        className='case-form__body'
        placeholder='发生了什么、涉及谁、处理结果如何'
        value={values.body}
        max={CASE_BODY_MAX}
        error={errors.body}
        onInput={(body) => update({ body }, 'body')}
      />

      <View className='zb-card'>
        <Text className='zb-label'>发生时间</Text>
        <View className='zb-row case-form__when'>
          <Picker mode='date' value={at.date} end={today} onChange={(e) => setDate(String(e.detail.value))}>
            <View className='zb-field case-form__date'>{at.date}</View>
          </Picker>
          <Picker mode='time' value={at.time} onChange={(e) => setTime(String(e.detail.value))}>
            <View className='zb-field case-form__time'>{at.time}</View>
          </Picker>
        </View>
        {errors.occurredAt ? <Text className='zb-error'>{errors.occurredAt}</Text> : null}
      </View>

      <View className='zb-card'>
        <Text className='zb-label'>地点</Text>
        <Input
          className='zb-field case-form__address'
          placeholder='如：城关镇人民路 12 号某超市'
          value={values.address}
          maxlength={-1}
          onInput={(e) => update({ address: e.detail.value }, 'address')}
        />
        <View className='case-form__locate-row'>
          <Button className='case-form__locate' size='small' loading={locating} onClick={locate}>
            {values.lat !== undefined ? '重新定位' : '获取当前位置'}
          </Button>
          {values.lat !== undefined && values.lng !== undefined ? (
            <Text className='zb-hint case-form__coords'>
              已定位 {values.lat.toFixed(5)}, {values.lng.toFixed(5)}
            </Text>
          ) : null}
        </View>
        {errors.address ? <Text className='zb-error'>{errors.address}</Text> : null}
      </View>

      <View className='zb-card'>
        <Text className='zb-label'>所属部门</Text>
        <Text className='case-form__department'>{departmentName ?? '未设置部门（请联系管理员）'}</Text>
      </View>

      <View className='zb-card'>
        <Text className='zb-label'>
          照片（{values.photos.length}/{CASE_PHOTOS_MAX}）
        </Text>
        <View className='case-form__photos'>
          {values.photos.map((p) => (
            <View key={p.key} className='case-form__photo'>
              <Image className='case-form__thumb' src={p.path ?? absoluteUrl(p.thumbUrl ?? '')} mode='aspectFill' />
              {p.uploading || p.error ? <ProgressBar value={p.progress} failed={Boolean(p.error)} /> : null}
              {p.error ? (
                <Text className='case-form__photo-retry' onClick={() => void startUpload(p)}>
                  重试
                </Text>
              ) : null}
              {p.uploading ? null : (
                <Text className='case-form__photo-remove' onClick={() => removePhoto(p.key)}>
                  ×
                </Text>
              )}
            </View>
          ))}
          {values.photos.length < CASE_PHOTOS_MAX ? (
            <View className='case-form__add-photo' onClick={() => void addPhotos()}>
              <Text>+</Text>
              <Text className='zb-hint'>拍照/相册</Text>
            </View>
          ) : null}
        </View>
        {errors.photos ? <Text className='zb-error'>{errors.photos}</Text> : null}
      </View>

      <Button className='case-form__submit' type='primary' block loading={submitting} onClick={submit}>
        {mode === 'edit' ? '修改后重新提交' : '提交事例'}
      </Button>
    </View>
  )
}
CaseForm.displayName = 'CaseForm'
