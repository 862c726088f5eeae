// 登记发表: where an approved draft appeared — outlet, channel, date, placement, the link or a
// screenshot as proof, and for information items 批示 / 被采用. The points come back from the
// server's rules for the year; the draft's earlier records are shown beside the form.
import { useCallback, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Picker } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { BONUS_LABELS, BONUS_TYPES, CHANNELS, CHANNEL_LABELS, DEDUCTIONS, DEDUCTION_LABELS, LEDGER_TYPE_LABELS, OUTLET_LEVELS, PLACEMENTS, PLACEMENT_LABELS, type Bonus } from '../../../../domain/ledger/vocabulary'
import { DRAFT_STATUS_LABELS, PUBLISHED_DRAFT_STATUS } from '../../../../domain/draft/state-machine'
import { beijingDay } from '../../../../domain/deadlines/day'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { ChoiceChips } from '@/components/choice-chips'
import { Button, Switch } from '@/components/ui'
import { useLoaded, LoadError } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { ApiError } from '@/services/api'
import { randomClientId } from '@/services/client-id'
import { LEDGER_PAGE } from '@/services/routes'
import { editorialApi } from '../../services/editorial-api'
import { publicationsApi, type OutletView, type PublicationView } from '../../services/publications-api'
import { PublicationCard } from '../../components/publication-card'
import { ProofUpload } from './proof-upload'
import { checkPublication, emptyPublication, type PublicationErrors, type PublicationValues } from './publication-values'
import './index.scss'

interface Loaded {
  draft: DraftDetail
  outlets: OutletView[]
  records: PublicationView[]
}

const byLevel = (a: OutletView, b: OutletView) => OUTLET_LEVELS.indexOf(a.level) - OUTLET_LEVELS.indexOf(b.level) || a.name.localeCompare(b.name, 'zh')

export default function Publish() {
  const draftId = useRouter().params.draftId ?? ''
  const fetch = useCallback(async (): Promise<Loaded | null> => {
    if (!draftId) throw new LoadError('缺少稿件编号')
    const [draft, outlets, records] = await Promise.all([editorialApi.draft(draftId), publicationsApi.outlets(), publicationsApi.list({ draftId })])
    return { draft, outlets: outlets.filter((o) => o.active).sort(byLevel), records }
  }, [draftId])
  const { data, loading, error, retryable, reload, setData } = useLoaded<Loaded | null>(fetch, null)
  const wide = useWide()
  const today = beijingDay(new Date())
  const [values, setValues] = useState<PublicationValues>(() => emptyPublication(today))
  const [errors, setErrors] = useState<PublicationErrors>({})
  // One id per submission: a retry after a lost answer is the same record, never a second one.
  const [clientId, setClientId] = useState(randomClientId)
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<string | null>(null)
  const [recorded, setRecorded] = useState<PublicationView | null>(null)

  const outletOptions = useMemo(() => (data?.outlets ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.levelLabel}）` })), [data])
  const update = (change: Partial<PublicationValues>, field?: keyof PublicationErrors) => {
    setValues((v) => ({ ...v, ...change }))
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  if (!data) {
    return (
      <PageShell className='publish'>
        <LoadState loading={loading} error={error} empty emptyText='稿件不存在' onRetry={retryable ? () => void reload() : undefined} />
      </PageShell>
    )
  }
  const { draft, outlets, records } = data
  const bonuses = BONUS_TYPES.includes(draft.type)

  const submit = async () => {
    const { errors: found, body } = checkPublication(values, { draftId: draft.id, today, clientId, bonuses })
    setErrors(found)
    setSendError(null)
    if (!body) return
    setSending(true)
    try {
      const p = await publicationsApi.record(body)
      setRecorded(p)
      setData({ ...data, draft: { ...draft, status: PUBLISHED_DRAFT_STATUS }, records: [p, ...records.filter((r) => r.id !== p.id)] })
      setValues(emptyPublication(today))
      setClientId(randomClientId())
      void Taro.showToast({ title: `已登记，${p.points} 分`, icon: 'success' })
    } catch (e) {
      setSendError(e instanceof ApiError ? e.message : '登记失败，请重试')
    } finally {
      setSending(false)
    }
  }

  const head = (
    <View className='zb-card publish__draft'>
      <Text className='zb-card__heading publish__draft-title'>{draft.title}</Text>
      <Text className='zb-hint'>
        {LEDGER_TYPE_LABELS[draft.type]} · {draft.department.name} · {DRAFT_STATUS_LABELS[draft.status]}
      </Text>
    </View>
  )

  const form = !draft.recordable ? (
    <View className='zb-card'>
      <Text className='zb-error'>这篇稿件目前「{DRAFT_STATUS_LABELS[draft.status]}」，三审终审通过后才能登记发表。</Text>
    </View>
  ) : outlets.length === 0 ? (
    <View className='zb-card'>
      <Text className='zb-error'>还没有可选的媒体：请管理员先在「管理 · 媒体名录」中添加。</Text>
    </View>
  ) : (
    <View className='publish__form'>
      {recorded ? (
        <View className='zb-card publish__done' role='status'>
          <Text className='zb-card__heading publish__done-title'>已登记到「{recorded.outlet.name}」，计 {recorded.points} 分</Text>
          <Text className='zb-hint'>同一篇稿件在其他媒体刊发，可以继续登记。</Text>
          <View className='zb-row'>
            <Button size='small' onClick={() => void Taro.navigateTo({ url: LEDGER_PAGE })}>
              查看发表台账
            </Button>
            <Button size='small' onClick={() => void Taro.navigateBack()}>
              返回稿件
            </Button>
          </View>
        </View>
      ) : null}
      <View className='zb-card'>
        <Text className='zb-label'>发表媒体</Text>
        <ChoiceChips label='发表媒体' options={outletOptions} selected={values.outletId ? [values.outletId] : []} onToggle={(outletId) => update({ outletId }, 'outletId')} />
        {errors.outletId ? <Text className='zb-error'>{errors.outletId}</Text> : null}
        <Text className='zb-label publish__label'>渠道</Text>
        <ChoiceChips label='渠道' options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} selected={values.channel ? [values.channel] : []} onToggle={(channel) => update({ channel }, 'channel')} />
        {errors.channel ? <Text className='zb-error'>{errors.channel}</Text> : null}
        <Text className='zb-label publish__label'>版面位置</Text>
        <ChoiceChips label='版面位置' options={PLACEMENTS.map((p) => ({ value: p, label: PLACEMENT_LABELS[p] }))} selected={values.placement ? [values.placement] : []} onToggle={(placement) => update({ placement }, 'placement')} />
        {errors.placement ? <Text className='zb-error'>{errors.placement}</Text> : null}
        <Text className='zb-label publish__label'>发表日期</Text>
        <Picker mode='date' value={values.publishedOn} end={today} onChange={(e) => update({ publishedOn: String(e.detail.value) }, 'publishedOn')}>
          <View className='zb-field publish__date' aria-label='发表日期'>
            {values.publishedOn}
          </View>
        </Picker>
        {errors.publishedOn ? <Text className='zb-error'>{errors.publishedOn}</Text> : null}
      </View>

      <View className='zb-card'>
        <Text className='zb-label'>发表凭证（链接或截图，至少一项）</Text>
        <Input className='zb-field publish__link' type='text' placeholder='https:// 刊发页面的链接' value={values.link} maxlength={-1} aria-label='发表链接' onInput={(e) => update({ link: e.detail.value }, 'link')} />
        {errors.link ? <Text className='zb-error'>{errors.link}</Text> : null}
        <ProofUpload proof={values.proof} error={errors.proof} onChange={(f) => {
            setValues((v) => ({ ...v, proof: f(v.proof) }))
            // A screenshot answers 「链接或截图」 too: its error goes with the change.
            setErrors((e) => ({ ...e, link: undefined, proof: undefined }))
          }}
        />
      </View>

      <View className='zb-card'>
        {bonuses
          ? (Object.keys(BONUS_LABELS) as Bonus[]).map((b) => (
              <View key={b} className='publish__switch'>
                <Text>{BONUS_LABELS[b]}</Text>
                <Switch checked={values[b]} aria-label={BONUS_LABELS[b]} onChange={(on: boolean) => update({ [b]: on })} />
              </View>
            ))
          : null}
        <Text className='zb-label publish__label'>扣分项（如有）</Text>
        <ChoiceChips
          label='扣分项'
          options={DEDUCTIONS.map((d) => ({ value: d, label: DEDUCTION_LABELS[d] }))}
          selected={values.deductions}
          onToggle={(d) => update({ deductions: values.deductions.includes(d) ? values.deductions.filter((x) => x !== d) : [...values.deductions, d] })}
        />
      </View>

      {sendError ? (
        <View className='zb-error publish__send-error' role='alert'>
          {sendError}
        </View>
      ) : null}
      <Button className='publish__submit' type='primary' block loading={sending} disabled={sending || Boolean(values.proof?.uploading)} onClick={() => void submit()}>
        {values.proof?.uploading ? '截图上传中…' : '登记发表'}
      </Button>
    </View>
  )

  const history = (
    <View className='publish__records'>
      <Text className='zb-label'>本稿件的发表记录（{records.length}）</Text>
      {records.length ? records.map((p) => <PublicationCard key={p.id} p={p} />) : <Text className='zb-hint'>还没有登记过</Text>}
    </View>
  )

  return (
    <PageShell className={`publish ${wide ? 'publish--wide' : ''}`}>
      {head}
      <View className='publish__columns'>
        <View className='publish__main'>{form}</View>
        {history}
      </View>
    </PageShell>
  )
}
