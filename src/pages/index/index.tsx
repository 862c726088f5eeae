import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
// Straight from the module, not the @/domain barrel: the barrel's tables (state machines, desk
// views) would land in the main package that every user downloads before the first screen.
import { ROLE_LABELS, INBOX_ROLES, hasAnyRole } from '../../../domain/roles'
import { PageShell } from '@/components/page-shell'
import { Button, Cell, CellGroup, Switch } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { InvitationForm } from '@/components/invitation-form'
import { api, showError, type AppConfig } from '@/services/api'
import { session } from '@/services/session'
import { fontPreference } from '@/services/font'
import { SILENT_LOGIN } from '@/services/login'
import { ADMIN_PAGE, BOARD_PAGE, BOARD_REVIEW_PAGE, INBOX_PAGE, LOGIN_PAGE, MESSAGE_NEW_PAGE, MY_MESSAGES_PAGE, PRIVACY_NOTICE_PAGE, SATISFACTION_PAGE, TRACK_PAGE, LEDGER_DASHBOARD_PAGE, draftsPage } from '@/services/routes'
import { useProgressCount } from './progress-count'
import { CASE_NEW_PAGE, MY_CASES_PAGE } from '@/services/officer-routes'
import { getOutbox } from '@/services/officer-outbox'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function Home() {
  const user = useSessionUser()
  const [config, setConfig] = useState<AppConfig | null>(null)
  const [large, setLarge] = useState(fontPreference.isLarge)

  useEffect(() => {
    // Signed out where nobody is signed in silently (H5): the login page instead. Started from the
    // shown page, not at launch, so it never races the router's first page; a redirect, so Back
    // does not come back to an empty home.
    if (!SILENT_LOGIN && !session.token()) {
      void Taro.redirectTo({ url: LOGIN_PAGE })
      return
    }
    api.config().then(setConfig, () => setConfig(null))
  }, [])

  const progress = useProgressCount(user?.id ?? null)
  const isDesk = user ? hasAnyRole(user.roles, INBOX_ROLES) : false
  const isOfficer = user ? user.roles.includes('officer') : false
  const isAdmin = user ? user.roles.includes('admin') : false
  // The launch page starts an officer's outbox, so cases left unsent go out after a restart.
  useEffect(() => {
    if (isOfficer) getOutbox()
  }, [isOfficer, user?.id])
  const toggleLarge = (value: boolean) => {
    setLarge(value)
    fontPreference.setLarge(value)
  }
  const [signingOut, setSigningOut] = useState(false)
  const leave = async (call: () => Promise<void>) => {
    setSigningOut(true)
    try {
      await call()
    } catch (e) {
      // This device has forgotten the sign-in either way (logout) or nothing changed (everywhere).
      showError(e)
      if (session.token()) return
    } finally {
      setSigningOut(false)
    }
    void Taro.reLaunch({ url: LOGIN_PAGE })
  }
  const signOut = () => leave(api.logout)
  const signOutEverywhere = () =>
    void Taro.showModal({ title: '退出所有设备', content: '本账号在所有手机和电脑上的登录都将失效，需要重新登录。确定吗？' }).then((r) => {
      if (r.confirm) void leave(api.signOutEverywhere)
    })

  return (
    <PageShell className='home'>
      <View className='zb-card'>
        <Text className='zb-title'>群众留言</Text>
        {progress > 0 ? (
          <View className='home__progress' onClick={go(MY_MESSAGES_PAGE)}>
            {progress} 条留言有新进展，点击查看
          </View>
        ) : null}
        <View className='zb-actions'>
          <Button type='primary' block onClick={go(MESSAGE_NEW_PAGE)}>
            我要留言
          </Button>
          <Button block onClick={go(MY_MESSAGES_PAGE)}>
            我的留言
          </Button>
          <Button block onClick={go(BOARD_PAGE)}>
            留言选登
          </Button>
          <Button block onClick={go(TRACK_PAGE)}>
            凭留言码查询
          </Button>
        </View>
        <Button className='home__privacy' fill='none' block onClick={go(PRIVACY_NOTICE_PAGE)}>
          隐私说明
        </Button>
      </View>

      {isOfficer ? (
        <View className='zb-card home__officer'>
          <Text className='zb-title'>典型事例</Text>
          <View className='zb-actions'>
            <Button type='primary' block onClick={go(CASE_NEW_PAGE)}>
              报送事例
            </Button>
            <Button block onClick={go(MY_CASES_PAGE)}>
              我的事例
            </Button>
          </View>
        </View>
      ) : null}

      {isDesk ? (
        <View className='zb-card'>
          <Text className='zb-title'>工作台</Text>
          <View className='zb-actions'>
            <Button type='primary' block onClick={go(INBOX_PAGE)}>
              留言受理
            </Button>
            <Button block onClick={go(BOARD_REVIEW_PAGE)}>
              选登审核
            </Button>
            <Button block onClick={go(SATISFACTION_PAGE)}>
              满意度统计
            </Button>
            <Button block className='home__drafts' onClick={go(draftsPage('review'))}>
              稿件 · 待我审核
            </Button>
            <Button block className='home__dashboard' onClick={go(LEDGER_DASHBOARD_PAGE)}>
              进度看板
            </Button>
            {isAdmin && ADMIN_PAGE ? (
              <Button block onClick={go(ADMIN_PAGE)}>
                管理
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      <View className='zb-card'>
        <Text className='zb-title'>我的</Text>
        {user ? (
          <CellGroup>
            <Cell title='姓名' extra={user.name} />
            <Cell title='身份' extra={user.roles.map((r) => ROLE_LABELS[r]).join('、')} />
            {user.departmentName ? <Cell title='部门' extra={user.departmentName} /> : null}
          </CellGroup>
        ) : (
          <Button block onClick={go(LOGIN_PAGE)}>
            登录
          </Button>
        )}
        <View className='home__setting'>
          <Text>大字模式</Text>
          <Switch checked={large} onChange={toggleLarge} />
        </View>
        {user ? <InvitationForm /> : null}
        {user ? (
          <View className='home__sign-out'>
            <Button fill='none' block loading={signingOut} onClick={() => void signOut()}>
              退出登录
            </Button>
            <Button fill='none' block disabled={signingOut} onClick={signOutEverywhere}>
              退出所有设备
            </Button>
          </View>
        ) : null}
      </View>
      {/* Last, not first: it arrives with /api/config, and at the top it pushed every button down
          under a finger already on its way (a tap on 报送事例 landed between the cards). */}
      {config?.wechatMode === 'dev' ? (
        <View className='home__dev-banner'>开发模式：未连接微信，数据仅供测试</View>
      ) : null}
    </PageShell>
  )
}
