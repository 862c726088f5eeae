import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ACCEPT_ACTION, BATCH_ACTIONS } from '@/domain'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { showError } from '@/services/api'
import { runBatch, runBatchOnFilter, type BatchFilter, type BatchOp, type BatchResult, type DeskInboxItem } from '@/services/desk-api'
import { headline } from './desk-format'
import { PeoplePicker } from './people-picker'
import { TopicsPicker } from './topics-card'
import './batch-bar.scss'

export interface BatchBarProps {
  selected: readonly DeskInboxItem[]
  /** How many rows the list holds now. */
  listed: number
  allListedSelected: boolean
  /** The list has further pages: "all that match" is more than what is selected. */
  more: boolean
  /** The list's filters, for "all that match". */
  filter: BatchFilter
  onSelectAll: () => void
  onClear: () => void
  /** After a batch, with one result per item, so the desk can reload what changed. */
  onDone: (results: BatchResult[]) => void
}

type Picking = 'assign' | 'tag' | null

interface Outcome {
  title: string
  matched: number | null
  capped: boolean
  rows: { item: DeskInboxItem | undefined; result: BatchResult }[]
}

/**
 * What to do with every selected item at once (受理 / 分派 / 标记主题 / 办结), or with every item the
 * filter matches; afterwards, how each one went: the table refuses some, and says why.
 */
export function BatchBar({ selected, listed, allListedSelected, more, filter, onSelectAll, onClear, onDone }: BatchBarProps) {
  const me = useSessionUser()
  const [busy, setBusy] = useState(false)
  const [allMatching, setAllMatching] = useState(false)
  const [picking, setPicking] = useState<Picking>(null)
  const [topics, setTopics] = useState<string[]>([])
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // Selecting fewer than the whole page again ends "all that match".
  const wholeSet = allMatching && allListedSelected

  const run = async (op: BatchOp, title: string, done: string) => {
    const items = [...selected]
    setBusy(true)
    try {
      if (wholeSet) {
        const { matched, capped, results } = await runBatchOnFilter(filter, op, done)
        setOutcome({ title, matched, capped, rows: results.map((result) => ({ item: items.find((i) => i.id === result.id), result })) })
        onDone(results)
      } else {
        const results = await runBatch(items, op, done)
        setOutcome({ title, matched: null, capped: false, rows: results.map((result) => ({ item: items.find((i) => i.id === result.id), result })) })
        onDone(results)
      }
      setPicking(null)
      setAllMatching(false)
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  const confirmWhole = async (what: string) =>
    !wholeSet || (await Taro.showModal({ title: `对全部符合条件的留言和事例${what}？`, content: '包括未显示在当前列表中的，服务器会逐条处理并返回结果。' })).confirm

  const act = async ({ action, label, title, done }: (typeof BATCH_ACTIONS)[number]) => {
    if (await confirmWhole(label)) void run({ op: 'act', action }, title, done)
  }
  const count = wholeSet ? '全部符合条件的' : `已选 ${selected.length} 条`

  return (
    <View className='batch-bar'>
      {selected.length > 0 ? (
        <View className='batch-bar__panel'>
          <View className='batch-bar__actions'>
            <Text className='batch-bar__count'>{count}</Text>
            {/* Taking items on comes first and stands out; the table's other batch actions follow the pickers. */}
            {BATCH_ACTIONS.map((b) =>
              b.action === ACCEPT_ACTION ? (
                <Button key={b.action} size='small' type='primary' loading={busy} onClick={() => void act(b)}>
                  {b.label}
                </Button>
              ) : null
            )}
            <Button size='small' disabled={busy} onClick={() => setPicking(picking === 'assign' ? null : 'assign')}>
              分派…
            </Button>
            <Button size='small' disabled={busy} onClick={() => setPicking(picking === 'tag' ? null : 'tag')}>
              标记主题…
            </Button>
            {BATCH_ACTIONS.map((b) =>
              b.action === ACCEPT_ACTION ? null : (
                <Button key={b.action} size='small' disabled={busy} onClick={() => void act(b)}>
                  {b.label}
                </Button>
              )
            )}
            <Button size='small' fill='none' disabled={busy} onClick={onClear}>
              取消选择
            </Button>
          </View>
          {!allListedSelected && listed > selected.length ? (
            <Text className='batch-bar__link' onClick={onSelectAll}>
              选择本页全部 {listed} 条
            </Text>
          ) : null}
          {allListedSelected && more && !wholeSet ? (
            <Text className='batch-bar__link' onClick={() => setAllMatching(true)}>
              已选本页 {listed} 条；选择全部符合条件的（含未加载的）
            </Text>
          ) : null}
          {wholeSet ? (
            <Text className='batch-bar__link' onClick={() => setAllMatching(false)}>
              已选全部符合条件的；只选本页 {listed} 条
            </Text>
          ) : null}
          {picking === 'assign' ? (
            <View className='batch-bar__picker'>
              <View className='zb-row'>
                {me ? (
                  <Button
                    size='small'
                    type='primary'
                    disabled={busy}
                    onClick={async () => {
                      if (await confirmWhole('分派给我')) void run({ op: 'assign', assigneeId: me.id }, '批量分派给我', '已分派给我')
                    }}
                  >
                    分派给我
                  </Button>
                ) : null}
                <Button
                  size='small'
                  fill='outline'
                  disabled={busy}
                  onClick={async () => {
                    if (await confirmWhole('取消分派')) void run({ op: 'assign', assigneeId: null }, '批量取消分派', '已取消分派')
                  }}
                >
                  取消分派
                </Button>
              </View>
              <PeoplePicker
                excludeId={me?.id}
                busy={busy}
                onPick={async (c) => {
                  if (await confirmWhole(`分派给${c.name}`)) void run({ op: 'assign', assigneeId: c.id }, `批量分派给${c.name}`, `已分派给${c.name}`)
                }}
              />
            </View>
          ) : null}
          {picking === 'tag' ? (
            <View className='batch-bar__picker'>
              <Text className='zb-hint'>选中的主题将替换这些条目原有的主题：</Text>
              <TopicsPicker chosen={topics} onToggle={(t) => setTopics((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : [...prev, t]))} />
              <Button
                size='small'
                type='primary'
                disabled={busy}
                onClick={async () => {
                  if (await confirmWhole('标记主题')) void run({ op: 'tag', topics }, '批量标记主题', topics.length ? `已标记：${topics.join('、')}` : '已清除主题')
                }}
              >
                {topics.length ? `标记为 ${topics.join('、')}` : '清除主题'}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      {outcome ? (
        <View className='zb-card batch-bar__results'>
          <View className='zb-card__head'>
            <Text className='zb-label'>
              {outcome.title}
              {outcome.matched !== null ? `（符合条件 ${outcome.matched} 条）` : ''}：{outcome.rows.filter((r) => r.result.ok).length} 条成功，
              {outcome.rows.filter((r) => !r.result.ok).length} 条未完成
            </Text>
            <Text className='batch-bar__dismiss' onClick={() => setOutcome(null)}>
              关闭
            </Text>
          </View>
          {outcome.capped ? (
            <Text className='zb-hint'>一次最多处理 {outcome.rows.length} 条，其余的请再次执行。</Text>
          ) : null}
          {outcome.rows.map(({ item, result }) => (
            <View key={result.id} className={`batch-bar__result ${result.ok ? 'batch-bar__result--ok' : 'batch-bar__result--refused'}`}>
              <Text className='batch-bar__result-item'>{item ? `${headline(item)}：${item.excerpt.slice(0, 16)}` : `编号 ${result.id.slice(0, 8)}`}</Text>
              <Text className='batch-bar__result-message'>
                {result.ok ? '✓ ' : '✗ '}
                {result.message}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
BatchBar.displayName = 'BatchBar'
