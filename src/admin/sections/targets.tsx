import { useCallback, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { beijingDay, yearOf } from '../../../domain/deadlines/day'
import { LEDGER_TYPES, LEDGER_TYPE_LABELS, type LedgerType } from '../../../domain/ledger/vocabulary'
import { BUREAU_DEFAULT_TARGETS } from '../../../domain/ledger/pace'
import { adminApi, type DepartmentView } from '../services/admin-api'
import { ledgerAdminApi, type TargetList } from '../services/ledger-admin-api'
import { BUREAU, departmentTotals, parseTargetsForm, targetKey, targetsForm, type TargetCell, type TargetsForm, type TypeTotal } from '../ledger-forms'
import { FieldError, ListState, SectionCard, errorText, YearStepper } from './parts'
import './ledger.scss'

type Edit = { form: TargetsForm; errors: Record<string, string>; set: (owner: string, type: LedgerType, cell: Partial<TargetCell>) => void }

/** One owner's (the bureau's or a department's) count and points for one type. */
function TargetFields({ edit, owner, ownerName, type }: { edit: Edit; owner: string; ownerName: string; type: LedgerType }) {
  const cell = edit.form[owner]![type]
  const error = edit.errors[targetKey(owner, type)]
  return (
    <View className='admin-target'>
      <View className='admin-target__fields'>
        <Input className='zb-field admin-target__input' type='number' placeholder='篇数' value={cell.count} maxlength={6} onInput={(e) => edit.set(owner, type, { count: e.detail.value })} aria-label={`${ownerName}${LEDGER_TYPE_LABELS[type]}篇数`} />
        <Input className='zb-field admin-target__input' type='digit' placeholder='分值（可不填）' value={cell.points} maxlength={10} onInput={(e) => edit.set(owner, type, { points: e.detail.value })} aria-label={`${ownerName}${LEDGER_TYPE_LABELS[type]}分值`} />
      </View>
      <FieldError text={error} />
    </View>
  )
}

function Totals({ totals }: { totals: TypeTotal[] }) {
  const shown = totals.filter((t) => t.departments > 0)
  if (!shown.length) return null
  return (
    <View className='admin-target-totals'>
      <Text className='admin-label'>各部门目标合计与全局目标</Text>
      {shown.map((t) => {
        const off = t.bureauCount !== null && t.count !== t.bureauCount
        return (
          <View key={t.type} className='admin-target-totals__row'>
            <Text className='admin-target-totals__text'>
              {LEDGER_TYPE_LABELS[t.type]}：{t.departments} 个部门合计 {t.count} 篇{t.points ? `、${t.points} 分` : ''}
              {t.bureauCount !== null ? `，全局 ${t.bureauCount} 篇${t.bureauPoints !== null ? `、${t.bureauPoints} 分` : ''}` : ''}
            </Text>
            {off ? (
              <Text className='admin-target-totals__note'>
                {t.count < t.bureauCount! ? `比全局少 ${t.bureauCount! - t.count} 篇` : `比全局多 ${t.count - t.bureauCount!} 篇`}（仅提示，可照常保存）
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

function TargetsEditor({ view, departments, saved, onSaved, onEdit }: { view: TargetList; departments: DepartmentView[]; saved: boolean; onSaved: (v: TargetList) => void; onEdit: () => void }) {
  const wide = useWide()
  const [form, setForm] = useState<TargetsForm>(() => targetsForm(view.targets, departments.map((d) => d.id)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const edit: Edit = {
    form,
    errors,
    set: (owner, type, cell) => {
      setForm((f) => ({ ...f, [owner]: { ...f[owner]!, [type]: { ...f[owner]![type], ...cell } } }))
      setErrors(({ [targetKey(owner, type)]: _, ...rest }) => rest)
      onEdit()
    }
  }
  const save = async () => {
    const parsed = parseTargetsForm(form, view.bureauDefault)
    if ('errors' in parsed) {
      setErrors(parsed.errors)
      return setState({ busy: false, error: '有目标填写有误，请按提示改正后再保存' })
    }
    setState({ busy: true, error: null })
    try {
      const next = await ledgerAdminApi.putTargets(view.year, parsed.targets)
      setState({ busy: false, error: null })
      onSaved(next)
    } catch (e) {
      setState({ busy: false, error: errorText(e) })
    }
  }
  const isDefault = (t: LedgerType) => view.bureauDefault && form[BUREAU]![t].count.trim() === String(BUREAU_DEFAULT_TARGETS[t]) && !form[BUREAU]![t].points.trim()
  // Departments the list no longer has but the year's targets name (kept, so saving does not drop them silently).
  const named = new Map(departments.map((d) => [d.id, d.name]))
  for (const t of view.targets) if (t.departmentId && !named.has(t.departmentId)) named.set(t.departmentId, t.departmentName ?? '（已删除的部门）')
  const owners = [...named.entries()].filter(([id]) => form[id])

  return (
    <View className='admin-targets'>
      <Text className='zb-label'>全局目标（本局全年）</Text>
      <View className='admin-targets__bureau'>
        {LEDGER_TYPES.map((t) => (
          <View key={t} className='admin-targets__bureau-type'>
            <View className='admin-targets__type'>
              <Text>{LEDGER_TYPE_LABELS[t]}</Text>
              {isDefault(t) ? <Text className='admin-tag-default'>默认</Text> : null}
            </View>
            <TargetFields edit={edit} owner={BUREAU} ownerName='全局' type={t} />
          </View>
        ))}
      </View>
      {view.bureauDefault ? <Text className='zb-hint'>标「默认」的是市局下达的年度任务（新闻稿件 343 篇、政务信息 337 篇、调研文章 8 篇）；修改后即为本局自己设置的目标。</Text> : null}

      <Text className='zb-label'>各部门目标</Text>
      {owners.length === 0 ? <Text className='zb-hint'>还没有部门：请先在「部门」中添加部门</Text> : null}
      {owners.length > 0 && wide ? (
        <View className='admin-grid admin-grid--targets' role='table' aria-label='各部门目标'>
          <View className='admin-grid__row admin-grid__row--head' role='row'>
            <View className='admin-grid__head' role='columnheader'>
              部门
            </View>
            {LEDGER_TYPES.map((t) => (
              <View key={t} className='admin-grid__head' role='columnheader'>
                {LEDGER_TYPE_LABELS[t]}（篇数 · 分值）
              </View>
            ))}
          </View>
          {owners.map(([id, name]) => (
            <View key={id} className='admin-grid__row' role='row' data-department={id}>
              <View className='admin-grid__label' role='rowheader'>
                {name}
              </View>
              {LEDGER_TYPES.map((t) => (
                <View key={t} className='admin-grid__cell' role='cell'>
                  <TargetFields edit={edit} owner={id} ownerName={name} type={t} />
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      {owners.length > 0 && !wide
        ? owners.map(([id, name]) => (
            <View key={id} className='admin-row admin-targets__department' data-department={id}>
              <Text className='zb-label admin-targets__department-name'>{name}</Text>
              {LEDGER_TYPES.map((t) => (
                <View key={t} className='admin-targets__department-type'>
                  <Text className='admin-label'>{LEDGER_TYPE_LABELS[t]}</Text>
                  <TargetFields edit={edit} owner={id} ownerName={name} type={t} />
                </View>
              ))}
            </View>
          ))
        : null}
      <Totals totals={departmentTotals(form)} />
      <Text className='zb-hint'>保存时以本页内容整体替换 {view.year} 年的全部目标；篇数留空的部门和类型不设目标。</Text>
      <FieldError text={state.error} />
      {saved ? <Text className='admin-ok'>已保存 {view.year} 年目标</Text> : null}
      <Button type='primary' loading={state.busy} onClick={() => void save()}>
        保存 {view.year} 年目标（整体替换）
      </Button>
    </View>
  )
}

/** 年度目标: the bureau's yearly count per type and each department's share of it. */
export function TargetsSection() {
  const [year, setYear] = useState(() => yearOf(beijingDay(new Date())))
  // Kept here: a save re-keys the editor on the server's answer, which would drop its own state.
  const [saved, setSaved] = useState(false)
  const fetch = useCallback(async () => {
    const [view, departments] = await Promise.all([ledgerAdminApi.targets(year), adminApi.departments()])
    return { view: view as TargetList | null, departments }
  }, [year])
  const loaded = useLoaded(fetch, { view: null as TargetList | null, departments: [] as DepartmentView[] })
  const { view, departments } = loaded.data
  return (
    <SectionCard title='年度目标' hint='按类型设定本局全年的目标篇数（可加目标分值），再分解到各部门；进度看板和年度考核表按这里的目标计算。'>
      <YearStepper year={year} onChange={(y) => (setSaved(false), setYear(y))} />
      <ListState {...loaded} loading={loaded.loading && !view} empty={false} emptyText='' />
      {view && view.year === year ? (
        <TargetsEditor key={`${year}:${JSON.stringify(view.targets)}`} view={view} departments={departments}
          saved={saved}
          onEdit={() => setSaved(false)}
          onSaved={(v) => {
            loaded.setData({ view: v, departments })
            setSaved(true)
          }}
        />
      ) : null}
    </SectionCard>
  )
}
