import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { caseMachine, ITEM_MACHINES, MESSAGE_STATUS_LABELS, messageMachine, REPLY_ACTION, type CaseAction, type MessageAction, type RejectReason, type ShortcutAction } from '@/domain'
import { Timeline } from '@/components/timeline'
import { LoadState } from '@/components/load-state'
import { ApiError, canRetry, showError } from '@/services/api'
import { deskApi, type ActInput, type DeskItemDetail } from '@/services/desk-api'
import { focusFieldIn, revealIn } from '@/services/keyboard'
import { MessageActions, MessageCard } from '../pages/item/message-parts'
import { CaseActions, CaseCard } from '../pages/item/case-parts'
import { WriteDraftCard } from './write-draft-card'
import { AssignCard } from './assign-card'
import { PresenceNote } from './presence-note'
import { usePresence, useLiveChanges } from '../services/use-live'
import { PriorityCard } from './priority-card'
import { TopicsCard } from './topics-card'
import { NoteCard } from './note-card'
import { DuplicatesCard } from './duplicates-card'
import { BoardCard } from './board-card'
// The item cards' own styles, wherever the panel is shown (the item page or the desk's detail).
import '../pages/item/index.scss'
import './item-panel.scss'

/** A shortcut aimed at the open item; `seq` tells a repeat of the same key from no key. */
export interface PanelCommand {
  name: ShortcutAction | 'assign'
  seq: number
}

export interface ItemPanelProps {
  id: string
  command?: PanelCommand | null
  /** After every change the server confirmed, with the item as it is now. */
  onChanged?: (detail: DeskItemDetail) => void
  /** Each time the item has been read. */
  onLoaded?: (detail: DeskItemDetail) => void
  /** After a merge, with the item that remains (this one, or the one this was merged into). */
  onMerged?: (survivorId: string) => void
}

/**
 * One item with everything staff can do to it: the item's page on a phone, the detail beside
 * the list on a desk. Actions carry the item's version once the server sends one.
 */
export function ItemPanel({ id, command, onChanged, onLoaded, onMerged }: ItemPanelProps) {
  const [detail, setDetail] = useState<DeskItemDetail | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  // Asking again cannot help with a 403 or 404: no 重试 then.
  const [retryable, setRetryable] = useState(true)
  const [busy, setBusy] = useState(false)
  const [assigning, setAssigning] = useState(false)
  // Ignores an answer for an item the desk has since moved away from.
  const current = useRef(id)

  const load = useCallback(async () => {
    current.current = id
    setLoading(true)
    setError(null)
    try {
      const d = await deskApi.item(id)
      if (current.current === id) {
        setDetail(d)
        onLoaded?.(d)
      }
    } catch (e) {
      if (current.current === id) {
        setError(e instanceof ApiError ? e.message : '加载失败')
        setRetryable(canRetry(e))
      }
    } finally {
      if (current.current === id) setLoading(false)
    }
    // onLoaded is the page's own callback; a new one each render must not reload the item.
  }, [id])

  useEffect(() => {
    setDetail(null)
    setAssigning(false)
    void load()
  }, [load])

  // Who else has it open, and what they changed: a newer version than the one shown reloads it.
  const viewers = usePresence(id)
  const shownVersion = useRef<number | null>(null)
  shownVersion.current = detail?.id === id ? (detail.version ?? null) : null
  useLiveChanges((e) => {
    if (e.type === 'resync' || (e.type === 'item-changed' && e.change.id === id && shownVersion.current !== null && e.change.version > shownVersion.current)) void load()
  })

  /** Runs a change; the server answers with the updated item. True when it went through. */
  const change = async (call: () => Promise<DeskItemDetail>, done: string): Promise<boolean> => {
    setBusy(true)
    try {
      const updated = await call()
      setDetail(updated)
      onChanged?.(updated)
      Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      showError(e)
      // 409: someone else changed it first; show what is true now.
      if (e instanceof ApiError && e.status === 409) void load()
      return false
    } finally {
      setBusy(false)
    }
  }
  const act = (input: ActInput, done: string) => change(() => deskApi.act(id, input, detail?.version), done)
  const actOnMessage = (action: MessageAction, reason?: RejectReason) =>
    void act(reason ? { action, reason } : { action }, messageMachine.table[action].label)
  const actOnCase = (action: CaseAction, note?: string) => act(note ? { action, note } : { action }, caseMachine.table[action].label)

  // Shortcuts from the desk: each command once, when it arrives.
  const handled = useRef(0)
  useEffect(() => {
    // The detail must be this item's: right after the desk moves on, the last one is still shown.
    if (!command || !detail || detail.id !== id || command.seq === handled.current) return
    handled.current = command.seq
    if (command.name !== 'assign') {
      // What the key's action needs, the item's own table says: a reply text (the reply form), or nothing (one tap).
      const action = command.name
      const machine = ITEM_MACHINES[detail.kind]
      const label = (machine.isAction(action) ? machine : messageMachine).table[action]!.label
      if (!detail.allowedActions.includes(action)) Taro.showToast({ title: `当前状态不能${label}`, icon: 'none' })
      else if (machine.requiredInput(action) === 'body') {
        revealIn('item-panel__reply')
        focusFieldIn('item-panel__reply')
      } else if (machine.isOneTap(action)) void act({ action }, label)
    } else {
      setAssigning(true)
      revealIn('assign-card')
    }
    // `act` is a new function every render; the command's seq alone decides when to run.
  }, [command, detail, id])

  if (!detail) {
    return (
      <View className='item-panel'>
        <LoadState loading={loading} error={error} empty emptyText='' onRetry={retryable ? () => void load() : undefined} />
      </View>
    )
  }

  return (
    <View className='item-panel'>
      <PresenceNote viewers={viewers} />
      {detail.kind === 'case' ? (
        <>
          <CaseCard detail={detail} />
          <CaseActions detail={detail} busy={busy} onAct={actOnCase} />
          <WriteDraftCard detail={detail} />
        </>
      ) : (
        <>
          <MessageCard detail={detail} />
          <View className='item-panel__reply'>
            <MessageActions
              detail={detail}
              busy={busy}
              onAct={actOnMessage}
              onReply={(body, action = REPLY_ACTION) => act({ action, body }, MESSAGE_STATUS_LABELS[messageMachine.table[action].to])}
            />
          </View>
          <BoardCard detail={detail} />
        </>
      )}
      <AssignCard
        detail={detail}
        open={assigning}
        busy={busy}
        onOpen={() => setAssigning(true)}
        onClose={() => setAssigning(false)}
        onAssign={async (assigneeId, name) => {
          const ok = await change(() => deskApi.assign(id, { assigneeId }, detail.version), assigneeId ? `已分派给${name}` : '已取消分派')
          if (ok) setAssigning(false)
        }}
      />
      <PriorityCard
        priority={detail.priority ?? 0}
        busy={busy}
        onSet={(p) => void change(() => deskApi.setPriority(id, p, detail.version), '已设置优先级')}
      />
      <TopicsCard topics={detail.topics ?? []} busy={busy} onSave={(topics) => change(() => deskApi.setTopics(id, topics, detail.version), '已标记主题')} />
      <DuplicatesCard
        detail={detail}
        busy={busy}
        onMerge={async (from, into) => {
          const fromThis = from.id === id
          const ok = await change(() => deskApi.merge(from.id, into, fromThis ? detail.version : undefined), '已合并')
          // The list lost an item either way; when it was this one, the desk moves to the one that remains.
          if (ok) onMerged?.(into)
          return ok
        }}
      />
      <NoteCard busy={busy} onSend={(body) => change(() => deskApi.addNote(id, body, detail.version), '已添加备注')} />
      <View className='zb-card'>
        <Text className='zb-label'>办理记录</Text>
        <Timeline events={detail.timeline} kind={detail.kind} showActor />
      </View>
    </View>
  )
}
ItemPanel.displayName = 'ItemPanel'
