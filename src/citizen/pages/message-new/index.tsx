import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import {
  CATEGORY_RULES,
  LIMITS,
  MESSAGE_BODY_MAX,
  MESSAGE_CATEGORIES,
  MESSAGE_CATEGORY_LABELS,
  type CreatedMessage,
  type FieldRule,
  type MessageCategory
} from '@/domain'
import { PageShell } from '@/components/page-shell'
import { CountedField } from '@/components/counted-field'
import { Button } from '@/components/ui'
import { showError } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import { MY_MESSAGES_PAGE, PRIVACY_NOTICE_PAGE } from '@/services/routes'
import { askSubscribe, CAN_SUBSCRIBE } from '@/services/subscribe'
import { draftToBody, EMPTY_DRAFT, validateDraft, type DraftErrors, type MessageDraft } from './validate'
import { MessagePhotos, photosReady, type MessagePhoto } from './photos'
import { PhoneButton } from './phone-button'
import { CheckRow } from './check-row'
import { randomClientId } from '@/services/client-id'
import { ModerationNote } from '@/components/moderation-note'
import './index.scss'

const need = (rule: FieldRule) => (rule === 'required' ? '必填' : '选填')

function Success({ created, onAnother }: { created: CreatedMessage; onAnother: () => void }) {
  return (
    <View className='zb-card message-new__success'>
      <Text className='zb-title'>提交成功</Text>
      <Text className='zb-hint'>您的留言码</Text>
      <Text className='message-new__code'>{created.trackingCode}</Text>
      <ModerationNote moderation={created.moderation} />
      <Text className='zb-hint'>请记下留言码，可在「我的留言」查看办理进度和答复。</Text>
      <View className='zb-actions'>
        <Button type='primary' block onClick={() => void Taro.redirectTo({ url: MY_MESSAGES_PAGE })}>
          查看我的留言
        </Button>
        <Button block onClick={onAnother}>
          再写一条
        </Button>
      </View>
    </View>
  )
}

const FieldError = ({ text }: { text?: string }) => (text ? <Text className='zb-error'>{text}</Text> : null)
const RuleHint = ({ text }: { text?: string }) => (text ? <Text className='zb-hint message-new__rule'>{text}</Text> : null)

export default function MessageNew() {
  const [draft, setDraft] = useState<MessageDraft>(EMPTY_DRAFT)
  const [photos, setPhotos] = useState<MessagePhoto[]>([])
  const [clientId, setClientId] = useState(() => randomClientId())
  const [errors, setErrors] = useState<DraftErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [locating, setLocating] = useState(false)
  const [created, setCreated] = useState<CreatedMessage | null>(null)
  // The templates the bureau sends progress notices with, read before the tap that asks for them.
  const [templateIds, setTemplateIds] = useState<string[]>([])
  useEffect(() => {
    if (!CAN_SUBSCRIBE) return
    citizenApi.subscribeTemplates().then((r) => setTemplateIds(r.templates.map((t) => t.id)), () => setTemplateIds([]))
  }, [])

  const set = <K extends keyof MessageDraft>(key: K, value: MessageDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const pick = (category: MessageCategory) => {
    setDraft((d) => ({ ...d, category }))
    // What another category asked for no longer applies.
    setErrors((e) => ({ body: e.body }))
  }
  const changePhotos = (update: (list: MessagePhoto[]) => MessagePhoto[]) => {
    setPhotos(update)
    setErrors((e) => ({ ...e, photos: undefined }))
  }

  const locate = async () => {
    setLocating(true)
    try {
      // wgs84 is WeChat's default; H5 needs it said.
      const res = await Taro.getLocation({ type: 'wgs84' })
      setDraft((d) => ({ ...d, lat: res.latitude, lng: res.longitude }))
      setErrors((e) => ({ ...e, address: undefined }))
    } catch {
      Taro.showToast({ title: '无法获取位置，请在设置中允许定位，或直接填写地址', icon: 'none' })
    } finally {
      setLocating(false)
    }
  }

  const submit = async () => {
    if (submitting) return
    const found = validateDraft(draft)
    if (!photosReady(photos)) found.photos = '请等照片上传完成，或删除上传失败的照片'
    setErrors(found)
    if (Object.values(found).some(Boolean) || !draft.category) return
    // Asked on this tap, before anything is awaited (WeChat shows the dialog only on a gesture);
    // the message is sent meanwhile, and what was accepted is recorded once it exists.
    const asking = askSubscribe(templateIds)
    setSubmitting(true)
    try {
      const body = draftToBody({ ...draft, category: draft.category }, photos.map((p) => p.mediaId!))
      const made = await citizenApi.createMessage({ ...body, clientId })
      setCreated(made)
      const accepted = await asking
      // Without the grant recorded the citizen simply gets no notice; the message itself is in.
      if (accepted.length) citizenApi.recordSubscriptions(made.id, accepted).catch(() => undefined)
    } catch (e) {
      // The draft and its clientId stay: submitting again cannot create a second message.
      showError(e)
    } finally {
      setSubmitting(false)
    }
  }

  const another = () => {
    setDraft(EMPTY_DRAFT)
    setPhotos([])
    setClientId(randomClientId())
    setCreated(null)
  }

  if (created) {
    return (
      <PageShell className='message-new'>
        <Success created={created} onAnother={another} />
      </PageShell>
    )
  }

  const rule = draft.category ? CATEGORY_RULES[draft.category] : null
  const anonymous = Boolean(rule?.mayBeAnonymous && draft.anonymous)
  const phoneRule = rule?.contactPhone ?? 'optional'

  return (
    <PageShell className='message-new'>
      <View className='zb-card'>
        <Text className='zb-label'>留言类别</Text>
        <View className='message-new__categories'>
          {MESSAGE_CATEGORIES.map((c: MessageCategory) => (
            <View
              key={c}
              className={`message-new__category ${draft.category === c ? 'message-new__category--active' : ''}`}
              data-category={c}
              aria-checked={draft.category === c}
              role='radio'
              onClick={() => pick(c)}
            >
              <Text className='message-new__category-name'>{MESSAGE_CATEGORY_LABELS[c]}</Text>
              <Text className='message-new__category-explain'>{CATEGORY_RULES[c].explanation}</Text>
            </View>
          ))}
        </View>
        <FieldError text={errors.category} />
      </View>

      <CountedField
        label='留言内容'
        kind='textarea'
        className='message-new__body'
        placeholder='请写明事情经过、时间、地点等，便于我们办理'
        value={draft.body}
        max={MESSAGE_BODY_MAX}
        error={errors.body}
        onInput={(body) => set('body', body)}
      />

      {rule && rule.praised !== 'none' ? (
        <View className='zb-card'>
          <Text className='zb-label'>表扬对象（{need(rule.praised)}）</Text>
          <RuleHint text={rule.hints.praised} />
          <Input
            className='zb-field message-new__praised'
            placeholder='如：登记窗口刘科员、城关市场监管所'
            value={draft.praised}
            maxlength={-1}
            onInput={(e) => set('praised', e.detail.value)}
          />
          <FieldError text={errors.praised} />
        </View>
      ) : null}

      {rule && rule.business !== 'none' ? (
        <View className='zb-card'>
          <Text className='zb-label'>涉及商家（{need(rule.business)}）</Text>
          <RuleHint text={rule.hints.business} />
          <Input
            className='zb-field message-new__business'
            placeholder='商家名称，如营业执照或店招上的名称'
            value={draft.businessName}
            maxlength={-1}
            onInput={(e) => set('businessName', e.detail.value)}
          />
          <FieldError text={errors.businessName} />
          <Input
            className='zb-field message-new__credit-code'
            placeholder='统一社会信用代码（选填，18 位）'
            value={draft.businessCreditCode}
            maxlength={18}
            onInput={(e) => set('businessCreditCode', e.detail.value.toUpperCase())}
          />
          <FieldError text={errors.businessCreditCode} />
        </View>
      ) : null}

      <View className='zb-card'>
        <Text className='zb-label'>地点（选填）</Text>
        <Input
          className='zb-field message-new__address'
          placeholder='如：城关镇人民路 12 号'
          value={draft.address}
          maxlength={-1}
          onInput={(e) => set('address', e.detail.value)}
        />
        <View className='message-new__locate-row'>
          <Button className='message-new__locate' loading={locating} onClick={locate}>
            {draft.lat !== undefined ? '重新定位' : '标记当前位置'}
          </Button>
          {draft.lat !== undefined && draft.lng !== undefined ? (
            <Text className='zb-hint'>
              已定位 {draft.lat.toFixed(5)}, {draft.lng.toFixed(5)}
            </Text>
          ) : null}
        </View>
        <FieldError text={errors.address} />
      </View>

      <MessagePhotos photos={photos} error={errors.photos} onChange={changePhotos} />

      {rule?.mayBeAnonymous ? (
        <View className='zb-card'>
          <CheckRow className='message-new__anonymous' checked={draft.anonymous} label='匿名举报' onChange={(v) => set('anonymous', v)} />
          <RuleHint text={rule.hints.anonymous} />
          <FieldError text={errors.anonymous} />
        </View>
      ) : null}

      {anonymous ? null : (
        <View className='zb-card'>
          <Text className='zb-label'>联系电话（{need(phoneRule)}）</Text>
          <RuleHint text={rule?.hints.contactPhone ?? '便于工作人员联系您；工作人员看到的号码会部分隐藏'} />
          <Input
            className='zb-field message-new__phone'
            type='number'
            placeholder='11 位手机号'
            value={draft.contactPhone}
            maxlength={11}
            onInput={(e) => set('contactPhone', e.detail.value)}
          />
          <PhoneButton onPhone={(phone) => set('contactPhone', phone)} />
          <FieldError text={errors.contactPhone} />
        </View>
      )}

      <View className='zb-card'>
        <CheckRow className='message-new__consent' checked={draft.publicConsent} label='同意选登' onChange={(v) => set('publicConsent', v)} />
        <Text className='zb-hint message-new__rule'>答复后，留言和答复可能在去除姓名、电话等个人信息后公开展示在「留言选登」</Text>
        <Text className='message-new__privacy' onClick={() => void Taro.navigateTo({ url: PRIVACY_NOTICE_PAGE })}>
          我们如何使用和保存您的信息：隐私说明
        </Text>
      </View>

      <Button className='message-new__submit' type='primary' block loading={submitting} onClick={submit}>
        提交留言
      </Button>
    </PageShell>
  )
}
