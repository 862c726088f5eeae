import { useCallback, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button, Switch } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { beijingDay, yearOf } from '../../../domain/deadlines/day'
import { adminApi, type TopicView } from '../services/admin-api'
import { checkTopicName } from '../forms'
import { FieldError, ListState, SectionCard, errorText, useSave, YearStepper } from './parts'

export function TopicsSection() {
  const [year, setYear] = useState(() => yearOf(beijingDay(new Date())))
  const fetch = useCallback(() => adminApi.topics(year), [year])
  const list = useLoaded<TopicView[]>(fetch, [])
  const [name, setName] = useState('')
  const [rowError, setRowError] = useState<string | null>(null)
  const { busy, error, setError, run } = useSave()

  const add = async () => {
    const problem = checkTopicName(name)
    if (problem) return setError(problem)
    if (await run(async () => list.setData([...list.data, await adminApi.createTopic({ name: name.trim(), year })].sort((a, b) => a.name.localeCompare(b.name, 'zh'))))) setName('')
  }
  const toggle = async (topic: TopicView, active: boolean) => {
    setRowError(null)
    try {
      const saved = await adminApi.updateTopic(topic.id, { active })
      list.setData(list.data.map((t) => (t.id === saved.id ? saved : t)))
    } catch (e) {
      setRowError(errorText(e))
    }
  }

  return (
    <SectionCard title='重点主题' hint='工作人员只能从本年度启用的主题中给条目打标签；停用的主题不再可选，已打的标签保留。'>
      <YearStepper year={year} onChange={setYear} />
      <View className='admin-form'>
        <Input className='zb-field admin-form__grow' placeholder={`${year} 年的新主题，如 食品安全`} value={name} maxlength={40} onInput={(e) => setName(e.detail.value)} aria-label='主题名称' />
        <Button type='primary' loading={busy} onClick={add}>
          添加主题
        </Button>
      </View>
      <FieldError text={error} />
      <FieldError text={rowError} />
      <ListState {...list} empty={list.data.length === 0} emptyText={`${year} 年还没有重点主题`} />
      {list.data.map((t) => (
        <View key={t.id} className='admin-row'>
          <Text className={`admin-row__main ${t.active ? '' : 'admin-row__main--off'}`}>{t.name}</Text>
          <Text className='zb-hint'>{t.active ? '启用' : '已停用'}</Text>
          <Switch checked={t.active} onChange={(v: boolean) => void toggle(t, v)} aria-label={`${t.name} 启用`} />
        </View>
      ))}
    </SectionCard>
  )
}
