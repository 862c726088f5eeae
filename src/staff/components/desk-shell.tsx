import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { DESK_ROLES, ROLE_LABELS } from '@/domain'
import { Switch } from '@/components/ui'
import { InvitationForm } from '@/components/invitation-form'
import { useSessionUser } from '@/components/use-session-user'
import { api } from '@/services/api'
import { fontPreference } from '@/services/font'
import { DESK_LOGIN } from '@/services/login'
import { ADMIN_PAGE, LEDGER_DASHBOARD_PAGE, LOGIN_PAGE, MODERATION_PAGE, SATISFACTION_PAGE, draftsPage } from '@/services/routes'
import type { DeskView } from '@/services/desk-api'
import './desk-shell.scss'

export interface DeskShellProps {
  views: readonly DeskView[]
  activeViewId: string
  onView: (id: string) => void
  /** The bell (提醒): in the title bar on H5, above the views in the mini-program (no bar there). */
  bell?: ReactNode
  /** Below the views: saving and editing one's own views. */
  viewTools?: ReactNode
  /** Above everything else in the main column (the calendar banner). */
  banner?: ReactNode
  children?: ReactNode
}

/** Ends the sign-in on the server too (a copied token must die with it); the device forgets it whatever the answer. */
async function signOut() {
  try {
    await api.logout()
  } catch {
    // Offline or already revoked: api.logout has cleared this device's session anyway.
  }
  void Taro.reLaunch({ url: LOGIN_PAGE })
}

/**
 * The desk's frame: a title bar with who is signed in and the desk's settings (H5 only: the
 * mini-program has WeChat's bar and the home page for those), and the views with their counts,
 * a sidebar on a desk and a row of chips on a phone.
 */
export function DeskShell({ views, activeViewId, onView, bell, viewTools, banner, children }: DeskShellProps) {
  const user = useSessionUser()
  const [large, setLarge] = useState(fontPreference.isLarge)
  const [menuOpen, setMenuOpen] = useState(false)
  const [inviting, setInviting] = useState(false)
  const isAdmin = user?.roles.includes('admin') ?? false
  const moderates = user?.roles.some((r) => DESK_ROLES.includes(r)) ?? false

  const toggleLarge = (value: boolean) => {
    setLarge(value)
    fontPreference.setLarge(value)
  }

  return (
    <View className='desk-shell'>
      {DESK_LOGIN ? (
        <View className='desk-shell__bar'>
          <Text className='desk-shell__brand'>信息直报 · 工作台</Text>
          <View className='desk-shell__who'>
            <Text className='desk-shell__name'>{user?.name ?? '未登录'}</Text>
            {user ? <Text className='desk-shell__roles'>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text> : null}
          </View>
          {bell}
          <View className='desk-shell__menu-button' onClick={() => setMenuOpen(!menuOpen)}>
            {menuOpen ? '收起' : '菜单'}
          </View>
          <View className={`desk-shell__controls ${menuOpen ? 'desk-shell__controls--open' : ''}`}>
            <View className='desk-shell__control desk-shell__large'>
              <Text>大字模式</Text>
              <Switch checked={large} onChange={toggleLarge} />
            </View>
            <View className='desk-shell__control desk-shell__link' onClick={() => setInviting(!inviting)}>
              兑换邀请码
            </View>
            <View className='desk-shell__control desk-shell__link' onClick={() => void Taro.navigateTo({ url: SATISFACTION_PAGE })}>
              满意度
            </View>
            <View className='desk-shell__control desk-shell__link desk-shell__drafts' onClick={() => void Taro.navigateTo({ url: draftsPage('review') })}>
              稿件 · 待我审核
            </View>
            <View className='desk-shell__control desk-shell__link desk-shell__dashboard' onClick={() => void Taro.navigateTo({ url: LEDGER_DASHBOARD_PAGE })}>
              进度看板
            </View>
            {isAdmin && ADMIN_PAGE ? (
              <View className='desk-shell__control desk-shell__link' onClick={() => void Taro.navigateTo({ url: ADMIN_PAGE as string })}>
                管理
              </View>
            ) : null}
            <View className='desk-shell__control desk-shell__link desk-shell__sign-out' onClick={signOut}>
              退出登录
            </View>
          </View>
          {inviting ? (
            <View className='desk-shell__invite'>
              <InvitationForm />
            </View>
          ) : null}
        </View>
      ) : (
        bell
      )}
      {banner}
      <View className='desk-shell__body'>
        <View className='desk-shell__views'>
          {views.map((v) => (
            <View
              key={v.id}
              className={`desk-shell__view ${v.id === activeViewId ? 'desk-shell__view--active' : ''}`}
              onClick={() => onView(v.id)}
            >
              <Text className='desk-shell__view-label'>{v.label}</Text>
              {v.count !== null ? <Text className='desk-shell__count'>{v.count}</Text> : null}
            </View>
          ))}
          {viewTools}
          {moderates ? (
            <View className='desk-shell__moderation' onClick={() => void Taro.navigateTo({ url: MODERATION_PAGE })}>
              <Text className='desk-shell__moderation-label'>待审核内容</Text>
            </View>
          ) : null}
        </View>
        <View className='desk-shell__main'>{children}</View>
      </View>
    </View>
  )
}
DeskShell.displayName = 'DeskShell'
