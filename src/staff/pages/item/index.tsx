import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { caseMachine, messageMachine, type CaseAction, type ItemDetail, type MessageAction, type RejectReason } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { LoadState } from '@/components/load-state'
import { useLoaded } from '@/components/use-loaded'
import { api, ApiError, showError } from '@/services/api'
import { MessageActions, MessageCard } from './message-parts'
import { CaseActions, CaseCard } from './case-parts'
import './index.scss'

export default function Item() {
  const id = useRouter().params.id ?? ''
  const fetchItem = useCallback(() => api.item(id), [id])
  const { data: detail, loading, error, retryable, reload: load, setData: setDetail } = useLoaded<ItemDetail | null>(fetchItem, null)
  const [busy, setBusy] = useState(false)
  // One page for both kinds: its title says which this is once it has loaded.
  const kind = detail?.kind
  useEffect(() => {
    if (kind) void Taro.setNavigationBarTitle({ title: kind === 'case' ? '事例详情' : '留言详情' })
  }, [kind])

  /** Runs a change; the server answers with the updated item. True when it went through. */
  const change = async (call: () => Promise<ItemDetail>, done: string): Promise<boolean> => {
    setBusy(true)
    try {
      setDetail(await call())
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
  const actOnMessage = (action: MessageAction, reason?: RejectReason) =>
    void change(() => api.act(id, reason ? { action, reason } : { action }), messageMachine.table[action].label)
  const actOnCase = (action: CaseAction, note?: string) =>
    change(() => api.act(id, note ? { action, note } : { action }), caseMachine.table[action].label)

  if (!detail) {
    return (
      <PageShell className='item'>
        <LoadState loading={loading} error={error} empty emptyText='' onRetry={retryable ? () => void load() : undefined} />
      </PageShell>
    )
  }

  return (
    <PageShell className='item'>
      {detail.kind === 'case' ? (
        <>
          <CaseCard detail={detail} />
          <CaseActions detail={detail} busy={busy} onAct={actOnCase} />
        </>
      ) : (
        <>
          <MessageCard detail={detail} />
          <MessageActions
            detail={detail}
            busy={busy}
            onAct={actOnMessage}
            onReply={(body) => change(() => api.reply(id, body), '已答复')}
          />
        </>
      )}
      <View className='zb-card'>
        <Text className='zb-label'>办理记录</Text>
        <Timeline events={detail.timeline} kind={detail.kind} showActor />
      </View>
    </PageShell>
  )
}
