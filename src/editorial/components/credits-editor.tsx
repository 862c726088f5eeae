import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { request } from '@/services/api'
import { LIMITS } from '../../../domain/limits'
import './credits-editor.scss'

export interface CreditRow {
  userId?: string
  departmentId?: string
  name: string
  sharePercent: number
}

interface Named {
  id: string
  name: string
}

/** The directory the pickers offer: colleagues, departments, this year's active focus topics. */
function useDirectory() {
  const [dir, setDir] = useState<{ people: Named[]; departments: Named[]; topics: string[] }>({ people: [], departments: [], topics: [] })
  useEffect(() => {
    const safe = <T,>(p: Promise<T>, fallback: T) => p.catch(() => fallback)
    void Promise.all([
      safe(request<{ people: Named[] }>('/api/people'), { people: [] }),
      safe(request<{ departments: Named[] }>('/api/departments'), { departments: [] }),
      safe(request<{ topics: { name: string; active?: boolean }[] }>('/api/topics'), { topics: [] })
    ]).then(([p, d, t]) => setDir({ people: p.people, departments: d.departments, topics: t.topics.filter((x) => x.active !== false).map((x) => x.name) }))
  }, [])
  return dir
}

/** Shares split evenly when someone is added (the first takes the remainder); the writer adjusts them. */
const evenly = (rows: CreditRow[]): CreditRow[] => rows.map((r, i) => ({ ...r, sharePercent: Math.floor(100 / rows.length) + (i === 0 ? 100 % rows.length : 0) }))

function Group({ title, rows, options, onChange }: { title: string; rows: CreditRow[]; options: { id: string; name: string; row: CreditRow }[]; onChange: (rows: CreditRow[]) => void }) {
  const sum = rows.reduce((n, r) => n + r.sharePercent, 0)
  const chosen = new Set(rows.map((r) => r.userId ?? r.departmentId))
  return (
    <View className='credits-editor__group'>
      <Text className='zb-label'>
        {title}（合计 {sum}%{rows.length && sum !== 100 ? '，须为 100%' : ''}）
      </Text>
      {rows.map((r, i) => (
        <View key={r.userId ?? r.departmentId} className='credits-editor__row'>
          <Text className='credits-editor__name'>{r.name}</Text>
          <Input
            className='zb-field credits-editor__share'
            type='number'
            aria-label={`${r.name}的分值比例`}
            value={String(r.sharePercent)}
            onInput={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, sharePercent: Math.max(0, Math.min(100, Number(e.detail.value) || 0)) } : x)))}
          />
          <Text className='zb-hint'>%</Text>
          <Text className='credits-editor__remove' onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            移除
          </Text>
        </View>
      ))}
      <View className='zb-row'>
        {options
          .filter((o) => !chosen.has(o.id))
          .slice(0, 30)
          .map((o) => (
            <View key={o.id} className='zb-chip credits-editor__chip' onClick={() => onChange(evenly([...rows, o.row]))}>
              + {o.name}
            </View>
          ))}
      </View>
    </View>
  )
}

export interface CreditsEditorProps {
  credits: CreditRow[]
  topics: string[]
  onCredits: (rows: CreditRow[]) => void
  onTopics: (topics: string[]) => void
}

/** 署名 and 重点主题: credited people and departments with their shares, and the focus topics served. */
export function CreditsEditor({ credits, topics, onCredits, onTopics }: CreditsEditorProps) {
  const dir = useDirectory()
  const people = credits.filter((c) => c.userId)
  const depts = credits.filter((c) => c.departmentId)
  return (
    <View className='zb-card credits-editor'>
      <Group title='署名作者' rows={people} options={dir.people.map((p) => ({ id: p.id, name: p.name, row: { userId: p.id, name: p.name, sharePercent: 0 } }))} onChange={(rows) => onCredits([...rows, ...depts])} />
      <Group title='署名部门' rows={depts} options={dir.departments.map((d) => ({ id: d.id, name: d.name, row: { departmentId: d.id, name: d.name, sharePercent: 0 } }))} onChange={(rows) => onCredits([...people, ...rows])} />
      <Text className='zb-label'>
        重点主题（最多 {LIMITS.topicsPerItem} 个）
      </Text>
      <View className='zb-row'>
        {[...new Set([...topics, ...dir.topics])].map((t) => (
          <View
            key={t}
            className={`zb-chip credits-editor__chip ${topics.includes(t) ? 'zb-chip--active' : ''}`}
            onClick={() => onTopics(topics.includes(t) ? topics.filter((x) => x !== t) : topics.length < LIMITS.topicsPerItem ? [...topics, t] : topics)}
          >
            {t}
          </View>
        ))}
        {!dir.topics.length && !topics.length ? <Text className='zb-hint'>本年度还没有重点主题（管理员在「重点主题」中设置）</Text> : null}
      </View>
    </View>
  )
}
CreditsEditor.displayName = 'CreditsEditor'
