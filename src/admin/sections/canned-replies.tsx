import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { CANNED_PLACEHOLDERS, CANNED_REPLY_ACTIONS, SAMPLE_CANNED_CONTEXT, renderCannedReply } from '../../../domain/canned-replies'
import { messageMachine } from '../../../domain/message/state-machine'
import { REPLY_BODY_MAX } from '../../../domain/limits'
import { adminApi, type CannedReplyView } from '../services/admin-api'
import { checkCannedReply } from '../forms'
import { Chips, FieldError, ListState, SectionCard, errorText } from './parts'

type Draft = { id: string | null; title: string; body: string; action: CannedReplyView['action'] }
const EMPTY: Draft = { id: null, title: '', body: '', action: null }
const FILL_ONLY = 'fill'
const ACTION_OPTIONS = [
  { value: FILL_ONLY, label: '只填入答复框' },
  ...CANNED_REPLY_ACTIONS.map((a) => ({ value: a as string, label: `填入并${messageMachine.table[a].label}` }))
]

/** The template editor: placeholder buttons insert at the end, the preview fills them with sample values. */
export function CannedReplyEditor({ draft, onSaved, onCancel }: { draft: Draft; onSaved: (saved: CannedReplyView) => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(draft)
  const [errors, setErrors] = useState<{ title?: string; body?: string; server?: string }>({})
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const problems = checkCannedReply(d.title, d.body)
    setErrors(problems)
    if (problems.title || problems.body) return
    setBusy(true)
    try {
      const body = { title: d.title.trim(), body: d.body, action: d.action }
      onSaved(d.id ? await adminApi.updateCannedReply(d.id, body) : await adminApi.createCannedReply(body))
    } catch (e) {
      setErrors({ server: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='admin-canned-editor'>
      <Text className='admin-label'>模板名称</Text>
      <Input className='zb-field' value={d.title} maxlength={80} placeholder='如 已受理告知' onInput={(e) => setD({ ...d, title: e.detail.value })} aria-label='模板名称' />
      <FieldError text={errors.title} />
      <Text className='admin-label'>插入占位符</Text>
      <View className='admin-chips'>
        {CANNED_PLACEHOLDERS.map((p) => (
          <View key={p.token} className='admin-chip' onClick={() => setD({ ...d, body: d.body + p.token })}>
            {p.label}
          </View>
        ))}
      </View>
      <Text className='admin-label'>模板内容</Text>
      <Textarea className='zb-field admin-canned-editor__body' value={d.body} maxlength={REPLY_BODY_MAX + 100} placeholder='如 {称呼}您好：您的留言（留言码 {留言码}）已收到……' onInput={(e) => setD({ ...d, body: e.detail.value })} aria-label='模板内容' />
      <FieldError text={errors.body} />
      <Text className='admin-label'>选用后</Text>
      <Chips label='选用后的操作' options={ACTION_OPTIONS} selected={[d.action ?? FILL_ONLY]} onToggle={(v) => setD({ ...d, action: v === FILL_ONLY ? null : (v as CannedReplyView['action']) })} />
      <Text className='admin-label'>预览（示例数据）</Text>
      <View className='admin-canned-editor__preview' aria-label='预览'>
        {d.body.trim() ? renderCannedReply(d.body, SAMPLE_CANNED_CONTEXT) : '（填写内容后在此预览）'}
      </View>
      <FieldError text={errors.server} />
      <View className='admin-form'>
        <Button type='primary' loading={busy} onClick={save}>
          保存模板
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}

export function CannedRepliesSection() {
  const fetch = useCallback(() => adminApi.cannedReplies(), [])
  const list = useLoaded<CannedReplyView[]>(fetch, [])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [rowError, setRowError] = useState<string | null>(null)

  const saved = (c: CannedReplyView) => {
    const others = list.data.filter((x) => x.id !== c.id)
    list.setData([...others, c].sort((a, b) => a.title.localeCompare(b.title, 'zh')))
    setDraft(null)
  }
  const remove = async (c: CannedReplyView) => {
    const answer = await Taro.showModal({ title: '删除模板', content: `删除“${c.title}”？已发出的答复不受影响。` })
    if (!answer.confirm) return
    try {
      await adminApi.deleteCannedReply(c.id)
      list.setData(list.data.filter((x) => x.id !== c.id))
    } catch (e) {
      setRowError(errorText(e))
    }
  }

  return (
    <SectionCard title='答复模板' hint='工作人员答复留言时可选用模板；占位符按条目自动填写（留言人称呼、留言码、日期、承办部门、经办人）。'>
      {draft ? (
        <CannedReplyEditor key={draft.id ?? 'new'} draft={draft} onSaved={saved} onCancel={() => setDraft(null)} />
      ) : (
        <Button type='primary' onClick={() => setDraft(EMPTY)}>
          新建模板
        </Button>
      )}
      <FieldError text={rowError} />
      <ListState {...list} empty={list.data.length === 0} emptyText='还没有答复模板' />
      {list.data.map((c) => (
        <View key={c.id} className='admin-row admin-canned'>
          <View className='admin-row__main'>
            <Text className='admin-canned__title'>{c.title}</Text>
            <Text className='admin-canned__body'>{c.body}</Text>
            {c.action ? <Text className='zb-hint'>选用后：{messageMachine.table[c.action].label}</Text> : null}
          </View>
          <View className='admin-row__actions'>
            <Button size='small' onClick={() => setDraft({ id: c.id, title: c.title, body: c.body, action: c.action })}>
              编辑
            </Button>
            <Button size='small' type='danger' onClick={() => void remove(c)}>
              删除
            </Button>
          </View>
        </View>
      ))}
    </SectionCard>
  )
}
