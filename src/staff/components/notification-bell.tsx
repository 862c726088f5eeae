import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatTime } from '@/components/format'
import { ApiError, showError } from '@/services/api'
import { deskApi, type DeskNotification } from '@/services/desk-api'
import { kindLabel } from './desk-format'
import { DRAFT_SUBJECT } from '../../../domain/draft/types'
import { draftPage } from '@/services/routes'
import './notification-bell.scss'

/** How often the unread count is asked again while the desk is open (live updates cover items, not the bell). */
const REFRESH_MS = 60_000

export interface NotificationBellProps {
  /** Opens the item a notification is about. */
  onOpenItem: (id: string) => void
}

/**
 * 提醒: assigned to me, mentioned in a note, due soon, overdue (GET /api/notifications). The
 * count is of unread ones; opening one marks it read, 全部已读 marks all.
 */
export function NotificationBell({ onOpenItem }: NotificationBellProps) {
  const [items, setItems] = useState<DeskNotification[]>([])
  const [unread, setUnread] = useState(0)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const page = await deskApi.notifications()
      setItems(page.items)
      setUnread(page.unreadCount)
      setError(null)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提醒加载失败')
    }
  }, [])
  useEffect(() => {
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  const read = async (n: DeskNotification) => {
    setOpen(false)
    if (n.itemId) onOpenItem(n.itemId)
    else if (n.subject?.type === DRAFT_SUBJECT) void Taro.navigateTo({ url: draftPage(n.subject.id) })
    if (n.readAt) return
    try {
      await deskApi.readNotification(n.id)
      setItems((prev) => prev.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)))
      setUnread((u) => Math.max(0, u - 1))
    } catch (e) {
      showError(e)
    }
  }
  const readAll = async () => {
    try {
      await deskApi.readAllNotifications()
      await load()
    } catch (e) {
      showError(e)
    }
  }

  return (
    <View className='bell'>
      <View
        className='bell__button'
        aria-label={unread > 0 ? `提醒，${unread} 条未读` : '提醒'}
        onClick={() => {
          if (!open) void load()
          setOpen(!open)
        }}
      >
        <Text>提醒</Text>
        {unread > 0 ? <Text className='bell__count'>{unread > 99 ? '99+' : unread}</Text> : null}
      </View>
      {open ? (
        <View className='bell__panel'>
          <View className='bell__head'>
            <Text className='zb-label bell__title'>提醒</Text>
            {unread > 0 ? (
              <Text className='bell__read-all' onClick={() => void readAll()}>
                全部已读
              </Text>
            ) : null}
          </View>
          {error ? <Text className='zb-error'>{error}</Text> : null}
          {!error && items.length === 0 ? <Text className='zb-hint bell__empty'>暂无提醒</Text> : null}
          {items.map((n) => (
            <View key={n.id} className={`bell__item ${n.readAt ? '' : 'bell__item--unread'} bell__item--${n.kind}`} onClick={() => void read(n)}>
              <View className='bell__item-head'>
                <Text className='bell__kind'>{n.kindLabel}</Text>
                <Text className='zb-hint'>{formatTime(n.createdAt)}</Text>
              </View>
              {n.itemKind ? (
                <Text className='bell__excerpt'>
                  {kindLabel(n.itemKind)}：{n.excerpt}
                </Text>
              ) : null}
              {n.body ? (
                <Text className='zb-hint bell__body'>
                  {n.actorName ? `${n.actorName}：` : ''}
                  {n.body}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
NotificationBell.displayName = 'NotificationBell'
