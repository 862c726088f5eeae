import { useCallback, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ReviewerConfigList } from '@/domain'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { request } from '@/services/api'
import type { ReviewStage } from '../../../domain/draft/state-machine'
import { adminApi, type PersonView } from '../services/admin-api'
import { Chips, FieldError, ListState, SectionCard, errorText } from './parts'
import './draft-reviewers.scss'

type Config = ReviewerConfigList['departments'][number]
// Reviewers are picked from the desk colleagues (enabled staff, reviewers and admins, whom the
// section has always offered), read whole; not from the admin's people list, which is paged and
// holds every officer too.
const load = async () => {
  const [config, people] = await Promise.all([request<ReviewerConfigList>('/api/admin/draft-reviewers'), adminApi.deskPeople()])
  return { departments: config.departments, people }
}

function DepartmentReviewers({ config, people }: { config: Config; people: PersonView[] }) {
  const [picked, setPicked] = useState<Record<ReviewStage, string[]>>(() => Object.fromEntries(config.stages.map((s) => [s.stage, s.people.map((p) => p.id)])) as Record<ReviewStage, string[]>)
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({ busy: false, error: null, saved: false })
  const toggle = (stage: ReviewStage, id: string) => {
    setState((s) => ({ ...s, saved: false }))
    setPicked((p) => ({ ...p, [stage]: p[stage].includes(id) ? p[stage].filter((x) => x !== id) : [...p[stage], id] }))
  }
  const save = async () => {
    setState({ busy: true, error: null, saved: false })
    try {
      await request(`/api/admin/draft-reviewers/${config.department.id}`, { method: 'PUT', data: picked })
      setState({ busy: false, error: null, saved: true })
    } catch (e) {
      setState({ busy: false, error: errorText(e), saved: false })
    }
  }
  const options = people.map((p) => ({ value: p.id, label: p.name }))
  return (
    <View className='admin-row admin-reviewers' data-department={config.department.id}>
      <View className='admin-row__main'>
        <Text className='zb-label'>{config.department.name}</Text>
        {config.stages.map((s) => (
          <View key={s.stage} className='admin-reviewers__stage'>
            <Text className='zb-hint'>
              {s.label}（{s.hint}）
            </Text>
            <Chips label={`${config.department.name}${s.label}审核人`} options={options} selected={picked[s.stage]} onToggle={(id) => toggle(s.stage, id)} />
          </View>
        ))}
        <FieldError text={state.error} />
        {state.saved ? <Text className='zb-hint'>已保存</Text> : null}
      </View>
      <Button type='primary' size='small' loading={state.busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  )
}

/** 三审 reviewers per department: who may sign 初审, 复审 and 终审 of its drafts. */
export function DraftReviewersSection() {
  const fetch = useCallback(load, [])
  const list = useLoaded(fetch, { departments: [] as Config[], people: [] as PersonView[] })
  return (
    <SectionCard title='三审审核人' hint='按部门配置初审、复审、终审的审核人。同一人可配置多个环节，但同一篇稿件只能签署其中一个环节；撰稿人不能审核自己的稿件。'>
      <ListState {...list} empty={list.data.departments.length === 0} emptyText='请先在「部门」中添加部门' />
      {list.data.departments.map((d) => (
        <DepartmentReviewers key={d.department.id} config={d} people={list.data.people} />
      ))}
    </SectionCard>
  )
}
