import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { deskApi, type Colleague } from '@/services/desk-api'
import './people-picker.scss'

/** The bureau's desk colleagues, asked once per page: a name list changes rarely. */
let cached: Promise<Colleague[]> | null = null
export function loadColleagues(): Promise<Colleague[]> {
  if (!cached) {
    cached = deskApi.colleagues().catch((e) => {
      cached = null
      throw e
    })
  }
  return cached
}
/** For tests: ask the server again. */
export function forgetColleaguesForTests(): void {
  cached = null
}

/** The colleagues list as a hook: null while loading, [] when there is none (or it failed). */
export function useColleagues(enabled = true): Colleague[] | null {
  const [people, setPeople] = useState<Colleague[] | null>(null)
  useEffect(() => {
    if (!enabled || people) return
    loadColleagues().then(setPeople, () => setPeople([]))
  }, [enabled, people])
  return people
}

export const colleagueLabel = (c: Colleague) => (c.department?.name ? `${c.name}（${c.department.name}）` : c.name)

export interface PeoplePickerProps {
  /** Greyed out: the one who has it already. */
  currentId?: string | null
  excludeId?: string | null
  busy?: boolean
  onPick: (c: Colleague) => void
}

/** Pick a colleague by name or department; the filter matters once a bureau has more than a handful. */
export function PeoplePicker({ currentId, excludeId, busy, onPick }: PeoplePickerProps) {
  const people = useColleagues()
  const [typed, setTyped] = useState('')
  const word = typed.trim()
  const shown = (people ?? []).filter((c) => c.id !== excludeId && !c.disabled && (!word || colleagueLabel(c).includes(word)))
  return (
    <View className='people-picker'>
      {people && people.length > 6 ? (
        <Input
          className='zb-field people-picker__filter'
          placeholder='按姓名或部门筛选'
          value={typed}
          maxlength={20}
          onInput={(e) => setTyped(e.detail.value)}
        />
      ) : null}
      <View className='zb-row people-picker__list'>
        {shown.map((c) => (
          <Button key={c.id} size='small' className='people-picker__person' disabled={busy || c.id === currentId} onClick={() => onPick(c)}>
            {colleagueLabel(c)}
          </Button>
        ))}
      </View>
      {people === null ? <Text className='zb-hint'>正在读取同事名单…</Text> : null}
      {people !== null && shown.length === 0 ? <Text className='zb-hint'>{word ? '没有符合的同事' : '暂无可分派的同事'}</Text> : null}
    </View>
  )
}
PeoplePicker.displayName = 'PeoplePicker'
