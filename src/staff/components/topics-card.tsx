import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { LIMITS } from '@/domain'
import { Button } from '@/components/ui'
import { deskApi, type Topic } from '@/services/desk-api'

/** The year's focus topics, asked once per page. */
let cached: Promise<Topic[]> | null = null
export function loadTopics(): Promise<Topic[]> {
  if (!cached) {
    cached = deskApi.topics().catch((e) => {
      cached = null
      throw e
    })
  }
  return cached
}
export function forgetTopicsForTests(): void {
  cached = null
}

export function useTopics(enabled = true): Topic[] | null {
  const [topics, setTopics] = useState<Topic[] | null>(null)
  useEffect(() => {
    if (!enabled || topics) return
    loadTopics().then(setTopics, () => setTopics([]))
  }, [enabled, topics])
  return topics
}

export interface TopicsPickerProps {
  chosen: readonly string[]
  onToggle: (name: string) => void
}

/** The topics to choose from (GET /api/topics); a topic an item carries from an earlier year stays choosable to remove it. */
export function TopicsPicker({ chosen, onToggle }: TopicsPickerProps) {
  const topics = useTopics()
  const names = [...new Set([...(topics ?? []).map((t) => t.name), ...chosen])]
  return (
    <View className='zb-row topics-picker'>
      {names.map((name) => (
        <View key={name} className={`zb-chip topics-picker__chip ${chosen.includes(name) ? 'zb-chip--active' : ''}`} onClick={() => onToggle(name)}>
          {chosen.includes(name) ? `✓ ${name}` : name}
        </View>
      ))}
      {topics === null ? <Text className='zb-hint'>正在读取重点主题…</Text> : null}
      {topics !== null && names.length === 0 ? <Text className='zb-hint'>管理员尚未设置今年的重点主题</Text> : null}
    </View>
  )
}

export interface TopicsCardProps {
  topics: readonly string[]
  busy: boolean
  onSave: (topics: string[]) => Promise<boolean>
}

/** 重点主题 of an item: shown always, changed in a picker, saved as a whole (POST /api/items/:id/topics). */
export function TopicsCard({ topics, busy, onSave }: TopicsCardProps) {
  const [editing, setEditing] = useState<string[] | null>(null)
  const toggle = (name: string) =>
    setEditing((prev) => {
      const now = prev ?? [...topics]
      if (now.includes(name)) return now.filter((t) => t !== name)
      return now.length >= LIMITS.topicsPerItem ? now : [...now, name]
    })
  return (
    <View className='zb-card topics-card'>
      <View className='zb-card__head'>
        <Text className='zb-label'>重点主题</Text>
        {editing ? null : (
          <Button size='small' onClick={() => setEditing([...topics])}>
            标记主题
          </Button>
        )}
      </View>
      {editing ? (
        <>
          <TopicsPicker chosen={editing} onToggle={toggle} />
          <View className='zb-row'>
            <Button
              size='small'
              type='primary'
              loading={busy}
              onClick={async () => {
                if (await onSave(editing)) setEditing(null)
              }}
            >
              保存主题
            </Button>
            <Button size='small' fill='none' onClick={() => setEditing(null)}>
              取消
            </Button>
          </View>
        </>
      ) : (
        <View className='zb-row'>
          {topics.length === 0 ? <Text className='zb-hint'>未标记</Text> : topics.map((t) => <Text key={t} className='zb-chip zb-chip--active'>{t}</Text>)}
        </View>
      )}
    </View>
  )
}
TopicsCard.displayName = 'TopicsCard'
