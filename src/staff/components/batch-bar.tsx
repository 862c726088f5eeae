import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { runBatch, type BatchOp, type BatchResult, type DeskInboxItem } from '@/services/desk-api'
import { headline } from './desk-format'
import './batch-bar.scss'

export interface BatchBarProps {
  selected: readonly DeskInboxItem[]
  onClear: () => void
  /** After a batch, with one result per item, so the desk can reload what changed. */
  onDone: (results: BatchResult[]) => void
}

/** What to do with every selected item at once; afterwards, how each one went (some the table refuses). */
export function BatchBar({ selected, onClear, onDone }: BatchBarProps) {
  const me = useSessionUser()
  const [busy, setBusy] = useState(false)
  const [results, setResults] = useState<{ title: string; rows: { item: DeskInboxItem | undefined; result: BatchResult }[] } | null>(null)

  const run = async (op: BatchOp, title: string, done: string) => {
    const items = [...selected]
    setBusy(true)
    try {
      const out = await runBatch(items, op, done)
      setResults({ title, rows: out.map((result) => ({ item: items.find((i) => i.id === result.id), result })) })
      onDone(out)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='batch-bar'>
      {selected.length > 0 ? (
        <View className='batch-bar__actions'>
          <Text className='batch-bar__count'>已选 {selected.length} 条</Text>
          <Button size='small' type='primary' loading={busy} onClick={() => void run({ op: 'act', action: 'accept' }, '批量受理', '已受理')}>
            受理
          </Button>
          {me ? (
            <Button size='small' disabled={busy} onClick={() => void run({ op: 'assign', assigneeId: me.id }, '批量分派给我', '已分派给我')}>
              分派给我
            </Button>
          ) : null}
          <Button size='small' disabled={busy} onClick={() => void run({ op: 'act', action: 'close' }, '批量办结', '已办结')}>
            办结
          </Button>
          <Button size='small' fill='none' disabled={busy} onClick={onClear}>
            取消选择
          </Button>
        </View>
      ) : null}
      {results ? (
        <View className='zb-card batch-bar__results'>
          <View className='zb-card__head'>
            <Text className='zb-label'>
              {results.title}：{results.rows.filter((r) => r.result.ok).length} 条成功，{results.rows.filter((r) => !r.result.ok).length} 条未完成
            </Text>
            <Text className='batch-bar__dismiss' onClick={() => setResults(null)}>
              关闭
            </Text>
          </View>
          {results.rows.map(({ item, result }) => (
            <View key={result.id} className={`batch-bar__result ${result.ok ? 'batch-bar__result--ok' : 'batch-bar__result--refused'}`}>
              <Text className='batch-bar__result-item'>{item ? `${headline(item)}：${item.excerpt.slice(0, 16)}` : result.id}</Text>
              <Text className='batch-bar__result-message'>{result.ok ? '✓ ' : '✗ '}{result.message}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
BatchBar.displayName = 'BatchBar'
