import { useCallback, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { adminApi, type DepartmentView } from '../services/admin-api'
import { checkDepartmentName } from '../forms'
import { FieldError, ListState, SectionCard, errorText } from './parts'

export function DepartmentsSection() {
  const fetch = useCallback(() => adminApi.departments(), [])
  const list = useLoaded<DepartmentView[]>(fetch, [])
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState<{ id: string; name: string; error?: string | null } | null>(null)

  const add = async () => {
    const problem = checkDepartmentName(name)
    setError(problem)
    if (problem) return
    setBusy(true)
    try {
      const created = await adminApi.createDepartment(name.trim())
      list.setData([...list.data, created].sort((a, b) => a.name.localeCompare(b.name, 'zh')))
      setName('')
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const rename = async () => {
    if (!editing) return
    const problem = checkDepartmentName(editing.name)
    if (problem) return setEditing({ ...editing, error: problem })
    try {
      const saved = await adminApi.renameDepartment(editing.id, editing.name.trim())
      list.setData(list.data.map((d) => (d.id === saved.id ? saved : d)))
      setEditing(null)
    } catch (e) {
      setEditing({ ...editing, error: errorText(e) })
    }
  }

  return (
    <SectionCard title='部门' hint='条目可分派到部门；人员可归属一个部门。'>
      <View className='admin-form'>
        <Input className='zb-field admin-form__grow' placeholder='新部门名称，如 城关市场监管所' value={name} maxlength={60} onInput={(e) => setName(e.detail.value)} aria-label='部门名称' />
        <Button type='primary' loading={busy} onClick={add}>
          添加部门
        </Button>
      </View>
      <FieldError text={error} />
      <ListState {...list} empty={list.data.length === 0} emptyText='还没有部门' />
      {list.data.map((d) => (
        <View key={d.id} className='admin-row'>
          {editing?.id === d.id ? (
            <View className='admin-row__edit'>
              <View className='admin-form'>
                <Input className='zb-field admin-form__grow' value={editing.name} maxlength={60} onInput={(e) => setEditing({ ...editing, name: e.detail.value, error: null })} aria-label='部门新名称' />
                <Button type='primary' size='small' onClick={rename}>
                  保存
                </Button>
                <Button size='small' onClick={() => setEditing(null)}>
                  取消
                </Button>
              </View>
              <FieldError text={editing.error} />
            </View>
          ) : (
            <>
              <Text className='admin-row__main'>{d.name}</Text>
              <Button size='small' onClick={() => setEditing({ id: d.id, name: d.name })}>
                改名
              </Button>
            </>
          )}
        </View>
      ))}
    </SectionCard>
  )
}
