import { useCallback, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { MESSAGE_CATEGORY_LABELS, type MessageCategory } from '../../../domain/message/categories'
import { CLOCK_START_LABELS, ruleKeyString } from '../../../domain/deadlines/rules'
import { adminApi, type DeadlineRuleView } from '../services/admin-api'
import { parseWorkingDays } from '../forms'
import { FieldError, ListState, SectionCard, errorText } from './parts'

const ruleLabel = (r: DeadlineRuleView) =>
  `${r.kind === 'case' ? '典型事例' : `留言 · ${r.category === '*' ? '全部类别' : MESSAGE_CATEGORY_LABELS[r.category as MessageCategory]}`} · ${CLOCK_START_LABELS[r.clockStart]}`

function RuleRow({ rule, onSaved }: { rule: DeadlineRuleView; onSaved: (rules: DeadlineRuleView[]) => void }) {
  const [value, setValue] = useState(rule.workingDays === null ? '' : String(rule.workingDays))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const parsed = parseWorkingDays(value)
    if ('error' in parsed) return setError(parsed.error)
    setError(null)
    setBusy(true)
    try {
      onSaved(await adminApi.putDeadlineRule({ kind: rule.kind, category: rule.category, clockStart: rule.clockStart, workingDays: parsed.value }))
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='admin-row admin-rule'>
      <View className='admin-row__main'>
        <Text className='admin-rule__name'>{ruleLabel(rule)}</Text>
        {rule.purpose ? <Text className='zb-hint'>{rule.purpose}</Text> : null}
        <Text className='zb-hint'>
          默认 {rule.defaultWorkingDays ?? '不设'}
          {rule.defaultWorkingDays ? ' 个工作日' : ''}
          {rule.basis ? `（${rule.basis}）` : ''}
          {rule.source === 'admin' ? ' · 已调整' : ''}
        </Text>
      </View>
      <View className='admin-row__actions'>
        <Input className='zb-field admin-rule__days' type='number' value={value} placeholder='不设' onInput={(e) => setValue(e.detail.value)} aria-label={`${ruleLabel(rule)} 工作日数`} />
        <Text>个工作日</Text>
        <Button size='small' type='primary' loading={busy} onClick={save}>
          保存
        </Button>
      </View>
      <FieldError text={error} />
    </View>
  )
}

export function DeadlineRulesSection() {
  const fetch = useCallback(() => adminApi.deadlineRules(), [])
  const list = useLoaded<DeadlineRuleView[]>(fetch, [])
  return (
    <SectionCard title='办理时限' hint='按工作日计算（扣除节假日、计入调休上班日）。修改只影响之后收到或受理的条目；留空为不设时限。'>
      <ListState {...list} empty={list.data.length === 0} emptyText='没有时限规则' />
      {list.data.map((r) => (
        <RuleRow key={`${ruleKeyString(r)}:${r.workingDays}`} rule={r} onSaved={list.setData} />
      ))}
    </SectionCard>
  )
}
