import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { formatTime } from '@/components/format'
import { beijingDay, yearOf } from '../../../domain/deadlines/day'
import { RULE_POINTS_MAX } from '../../../domain/ledger/rules'
import {
  BONUSES,
  BONUS_LABELS,
  DEDUCTIONS,
  DEDUCTION_LABELS,
  LEDGER_TYPES,
  LEDGER_TYPE_LABELS,
  OUTLET_LEVELS,
  OUTLET_LEVEL_LABELS,
  PLACEMENTS,
  PLACEMENT_LABELS,
  type LedgerType
} from '../../../domain/ledger/vocabulary'
import { ledgerAdminApi, type RecalculationView, type RulesView } from '../services/ledger-admin-api'
import { bonusKey, cellKey, deductionKey, parseRulesForm, rulesForm, type RulesForm } from '../ledger-forms'
import { FieldError, ListState, SectionCard, errorText, YearStepper } from './parts'
import './ledger.scss'

function sourceText(view: RulesView): string {
  if (view.source === 'own') return `${view.year} 年自己的计分规则${view.updatedAt ? `（更新于 ${formatTime(view.updatedAt)}）` : ''}`
  if (view.source === 'inherited') return `沿用 ${view.fromYear} 年的计分规则：保存后成为 ${view.year} 年自己的规则`
  return `尚未设置，使用内置示例规则：保存后成为 ${view.year} 年的规则`
}

/** One number field; its label names the cell, so a screen reader (and a test) knows which one it is. */
/** The bonuses or the deductions: one points field each, labelled for a screen reader by its kind. */
function ExtraPoints(props: { title: string; kind: string; items: { key: string; label: string }[]; form: RulesForm; errors: Partial<Record<string, string>>; onChange: (key: string, v: string) => void }) {
  return (
    <>
      <Text className='admin-label'>{props.title}</Text>
      <View className='admin-rules-extra'>
        {props.items.map((i) => (
          <View key={i.key} className='admin-rules-extra__item'>
            <Text className='zb-label'>{i.label}</Text>
            <PointsField label={`${props.kind}·${i.label}`} value={props.form[i.key] ?? ''} error={props.errors[i.key]} onChange={(v) => props.onChange(i.key, v)} />
          </View>
        ))}
      </View>
    </>
  )
}

function PointsField(props: { label: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <View className='admin-points'>
      <Input
        className={`zb-field admin-points__input ${props.error ? 'admin-points__input--bad' : ''}`}
        type='digit'
        value={props.value}
        maxlength={8}
        onInput={(e) => props.onChange(e.detail.value)}
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error ? <FieldError text={props.error} /> : null}
    </View>
  )
}

type Edit = { form: RulesForm; errors: Record<string, string>; set: (key: string, v: string) => void }
const cellLabel = (t: LedgerType, l: (typeof OUTLET_LEVELS)[number], p: (typeof PLACEMENTS)[number]) => `${LEDGER_TYPE_LABELS[t]}·${OUTLET_LEVEL_LABELS[l]}·${PLACEMENT_LABELS[p]}`

/** At the desk: every type's levels as rows, the placements as columns, in one table. */
function RulesTable({ edit }: { edit: Edit }) {
  return (
    <View className='admin-grid admin-grid--rules' role='table' aria-label='基础分值'>
      <View className='admin-grid__row admin-grid__row--head' role='row'>
        <View className='admin-grid__head' role='columnheader'>
          类型 · 媒体级别
        </View>
        {PLACEMENTS.map((p) => (
          <View key={p} className='admin-grid__head' role='columnheader'>
            {PLACEMENT_LABELS[p]}
          </View>
        ))}
      </View>
      {LEDGER_TYPES.map((t) => (
        <View key={t} className='admin-grid__group' role='rowgroup'>
          <View className='admin-grid__row admin-grid__row--group' role='row'>
            <View className='admin-grid__group-label' role='rowheader'>
              {LEDGER_TYPE_LABELS[t]}
            </View>
          </View>
          {OUTLET_LEVELS.map((l) => (
            <View key={l} className='admin-grid__row' role='row'>
              <View className='admin-grid__label' role='rowheader'>
                {OUTLET_LEVEL_LABELS[l]}
              </View>
              {PLACEMENTS.map((p) => (
                <View key={p} className='admin-grid__cell' role='cell'>
                  <PointsField label={cellLabel(t, l, p)} value={edit.form[cellKey(t, l, p)] ?? ''} error={edit.errors[cellKey(t, l, p)]} onChange={(v) => edit.set(cellKey(t, l, p), v)} />
                </View>
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** On a phone: one type at a time (tabs), each level a block of its four placements. */
function RulesTabs({ edit }: { edit: Edit }) {
  const [type, setType] = useState<LedgerType>('news')
  const wrong = (t: LedgerType) => Object.keys(edit.errors).some((k) => k.startsWith(`points.${t}.`))
  return (
    <View className='admin-rules-tabs'>
      <View className='admin-chips' role='tablist' aria-label='稿件类型'>
        {LEDGER_TYPES.map((t) => (
          <View key={t} role='tab' aria-selected={t === type} className={`admin-chip ${t === type ? 'admin-chip--on' : ''}`} onClick={() => setType(t)}>
            {LEDGER_TYPE_LABELS[t]}
            {wrong(t) ? '（有误）' : ''}
          </View>
        ))}
      </View>
      <View role='tabpanel' aria-label={LEDGER_TYPE_LABELS[type]}>
        {OUTLET_LEVELS.map((l) => (
          <View key={l} className='admin-rules-level'>
            <Text className='zb-label'>{OUTLET_LEVEL_LABELS[l]}</Text>
            <View className='admin-rules-level__cells'>
              {PLACEMENTS.map((p) => (
                <View key={p} className='admin-rules-level__cell'>
                  <Text className='admin-label'>{PLACEMENT_LABELS[p]}</Text>
                  <PointsField label={cellLabel(type, l, p)} value={edit.form[cellKey(type, l, p)] ?? ''} error={edit.errors[cellKey(type, l, p)]} onChange={(v) => edit.set(cellKey(type, l, p), v)} />
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

function RulesEditor({ view, saved, onSaved, onEdit }: { view: RulesView; saved: boolean; onSaved: (v: RulesView) => void; onEdit: () => void }) {
  const wide = useWide()
  const [form, setForm] = useState<RulesForm>(() => rulesForm(view.rules))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [state, setState] = useState<{ busy: 'save' | 'recalculate' | null; error: string | null; dirty: boolean }>({ busy: null, error: null, dirty: false })
  const [result, setResult] = useState<RecalculationView | null>(null)
  const edit: Edit = {
    form,
    errors,
    set: (key, v) => {
      setForm((f) => ({ ...f, [key]: v }))
      setErrors(({ [key]: _, ...rest }) => rest)
      setState((s) => ({ ...s, dirty: true }))
      onEdit()
    }
  }

  const save = async () => {
    const parsed = parseRulesForm(form)
    if ('errors' in parsed) {
      setErrors(parsed.errors)
      return setState((s) => ({ ...s, error: `有 ${Object.keys(parsed.errors).length} 项分值填写有误（须为 0 到 ${RULE_POINTS_MAX}、最多两位小数），请改正后再保存` }))
    }
    setState((s) => ({ ...s, busy: 'save', error: null }))
    try {
      const next = await ledgerAdminApi.putRules(view.year, parsed.rules)
      setState({ busy: null, error: null, dirty: false })
      onSaved(next)
    } catch (e) {
      setState((s) => ({ ...s, busy: null, error: errorText(e) }))
    }
  }
  const recalculate = async () => {
    if (state.dirty) return setState((s) => ({ ...s, error: '还有未保存的修改：请先保存，重新计算按已保存的规则进行' }))
    const answer = await Taro.showModal({
      title: `重新计算 ${view.year} 年分值`,
      content: `按 ${view.year} 年现行计分规则重新计算本年度全部已登记发表的分值，并按原比例重新分给作者和部门。操作会被记录。确定重新计算吗？`
    })
    if (!answer.confirm) return
    setResult(null)
    setState((s) => ({ ...s, busy: 'recalculate', error: null }))
    try {
      setResult(await ledgerAdminApi.recalculate(view.year))
      setState((s) => ({ ...s, busy: null }))
    } catch (e) {
      setState((s) => ({ ...s, busy: null, error: errorText(e) }))
    }
  }

  return (
    <View className='admin-rules'>
      <Text className={`admin-source admin-rules__source admin-rules__source--${view.source}`}>{sourceText(view)}</Text>
      <Text className='admin-label'>基础分值（每篇，按类型 × 媒体级别 × 版面位置）</Text>
      {wide ? <RulesTable edit={edit} /> : <RulesTabs edit={edit} />}
      <ExtraPoints title='加分（仅政务信息）' kind='加分' items={BONUSES.map((b) => ({ key: bonusKey(b), label: BONUS_LABELS[b] }))} form={form} errors={errors} onChange={edit.set} />
      <ExtraPoints title='扣分（每项）' kind='扣分' items={DEDUCTIONS.map((d) => ({ key: deductionKey(d), label: DEDUCTION_LABELS[d] }))} form={form} errors={errors} onChange={edit.set} />
      <FieldError text={state.error} />
      {saved ? <Text className='admin-ok'>已保存 {view.year} 年计分规则。已登记的分值不变，点「重新计算本年度分值」后才按新规则更新。</Text> : null}
      <View className='admin-form'>
        <Button type='primary' loading={state.busy === 'save'} onClick={() => void save()}>
          保存 {view.year} 年计分规则
        </Button>
        <Button loading={state.busy === 'recalculate'} onClick={() => void recalculate()}>
          重新计算本年度分值
        </Button>
      </View>
      {result ? (
        <View className='admin-recalc' role='status'>
          <Text className='zb-label'>已重新计算 {result.year} 年分值</Text>
          <Text>
            共 {result.publications} 篇发表，其中 {result.changed} 篇分值有变化
          </Text>
          <Text className='admin-recalc__points'>
            总分 {result.pointsBefore} → {result.pointsAfter}
          </Text>
          <Text className='zb-hint'>
            {result.recalculatedBy} · {formatTime(result.recalculatedAt)}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

/** 计分规则: the year's points table, bonuses and deductions, and the explicit recalculation. */
export function ScoringRulesSection() {
  const [year, setYear] = useState(() => yearOf(beijingDay(new Date())))
  // Kept here: a save re-keys the editor on the server's answer, which would drop its own state.
  const [saved, setSaved] = useState(false)
  const fetch = useCallback(() => ledgerAdminApi.rules(year), [year])
  const loaded = useLoaded<RulesView | null>(fetch, null)
  const view = loaded.data
  return (
    <SectionCard
      title='计分规则'
      hint='登记发表时按当年的计分规则算分，写入台账。某年未设置时沿用此前最近一年的规则。修改规则不改变已登记的分值，须「重新计算本年度分值」才更新。'
    >
      <YearStepper year={year} onChange={(y) => (setSaved(false), setYear(y))} />
      <ListState {...loaded} loading={loaded.loading && !view} empty={false} emptyText='' />
      {view && view.year === year ? <RulesEditor
          key={`${year}:${view.source}:${view.updatedAt}`}
          view={view}
          saved={saved}
          onEdit={() => setSaved(false)}
          onSaved={(v) => {
            loaded.setData(v)
            setSaved(true)
          }}
        /> : null}
    </SectionCard>
  )
}
