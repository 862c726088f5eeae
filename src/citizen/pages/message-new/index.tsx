import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import {
  MESSAGE_BODY_MAX,
  MESSAGE_CATEGORIES,
  MESSAGE_CATEGORY_LABELS,
  type CreatedMessage,
  type MessageCategory
} from '@/domain'
import { PageShell } from '@/components/page-shell'
import { CountedField } from '@/components/counted-field'
import { Button } from '@/components/ui'
import { showError } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import { MY_MESSAGES_PAGE } from '@/services/routes'
import { validateDraft, type DraftErrors, type MessageDraft } from './validate'
import { randomClientId } from '@/services/client-id'
import { ModerationNote } from '@/components/moderation-note'
import './index.scss'

const EMPTY_DRAFT: MessageDraft = { category: null, body: '', contactPhone: '' }

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

export default function MessageNew() {
  const [draft, setDraft] = useState<MessageDraft>(EMPTY_DRAFT)
  const [clientId, setClientId] = useState(() => randomClientId())
  const [errors, setErrors] = useState<DraftErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [created, setCreated] = useState<CreatedMessage | null>(null)

  const set = <K extends keyof MessageDraft>(key: K, value: MessageDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = async () => {
    if (submitting) return
    const found = validateDraft(draft)
    setErrors(found)
    if (Object.keys(found).length > 0 || !draft.category) return
    setSubmitting(true)
    try {
      const phone = draft.contactPhone.trim()
      const result = await citizenApi.createMessage({
        category: draft.category,
        body: draft.body.trim(),
        ...(phone ? { contactPhone: phone } : {}),
        clientId
      })
      setCreated(result)
    } catch (e) {
      // The draft and its clientId stay: submitting again cannot create a second message.
      showError(e)
    } finally {
      setSubmitting(false)
    }
  }

  const another = () => {
    setDraft(EMPTY_DRAFT)
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

  return (
    <PageShell className='message-new'>
      <View className='zb-card'>
        <Text className='zb-label'>留言类别</Text>
        <View className='zb-row'>
          {MESSAGE_CATEGORIES.map((c: MessageCategory) => (
            <View
              key={c}
              className={`zb-chip message-new__category ${draft.category === c ? 'zb-chip--active' : ''}`}
              data-category={c}
              onClick={() => set('category', c)}
            >
              {MESSAGE_CATEGORY_LABELS[c]}
            </View>
          ))}
        </View>
        {errors.category ? <Text className='zb-error'>{errors.category}</Text> : null}
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

      <View className='zb-card'>
        <Text className='zb-label'>联系电话（选填）</Text>
        <Input
          className='zb-field message-new__phone'
          type='number'
          placeholder='便于工作人员联系您，仅工作人员可见'
          value={draft.contactPhone}
          maxlength={11}
          onInput={(e) => set('contactPhone', e.detail.value)}
        />
        {errors.contactPhone ? <Text className='zb-error'>{errors.contactPhone}</Text> : null}
      </View>

      <Button className='message-new__submit' type='primary' block loading={submitting} onClick={submit}>
        提交留言
      </Button>
    </PageShell>
  )
}
