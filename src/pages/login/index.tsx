import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { SessionView, UserView } from '@/domain'
// Straight from the module, not the barrel: the main package carries only what launch needs.
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/roles'
import { PageShell } from '@/components/page-shell'
import { Button } from '@/components/ui'
import { api, showError, type AppConfig } from '@/services/api'
import { session } from '@/services/session'
import { DESK_LOGIN, landingPage, silentLogin } from '@/services/login'
import { BOARD_PAGE } from '@/services/routes'
import { ChangePassword } from './change-password'
import './index.scss'

const enter = (user: UserView) => void Taro.reLaunch({ url: landingPage(user) })

/** A sign-in holding a one-time password stops here for the change; the typed password comes along. */
type OnSession = (s: SessionView, password?: string) => void

/** Runs a login call with a busy flag and the server's message on failure. */
function useSubmit(onSession: OnSession) {
  const [busy, setBusy] = useState(false)
  const submit = async (call: () => Promise<SessionView | null>, password?: string) => {
    setBusy(true)
    try {
      const s = await call()
      if (s) {
        session.save(s)
        onSession(s, password)
      }
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  return { busy, submit }
}

function WechatLogin({ onSession }: { onSession: OnSession }) {
  const { busy, submit } = useSubmit(onSession)
  return (
    <Button type='primary' block loading={busy} onClick={() => submit(silentLogin)}>
      微信登录
    </Button>
  )
}

function DevLogin({ onSession }: { onSession: OnSession }) {
  const [role, setRole] = useState<Role>('citizen')
  const [name, setName] = useState('')
  const { busy, submit } = useSubmit(onSession)
  const login = () => {
    if (!name.trim()) {
      Taro.showToast({ title: '请输入姓名', icon: 'none' })
      return
    }
    void submit(() => api.loginDev(role, name.trim()))
  }
  return (
    <View>
      <Text className='zb-hint'>开发模式登录：选择身份，输入姓名即可。</Text>
      <Text className='zb-label login__label'>身份</Text>
      <View className='zb-row'>
        {ROLES.map((r) => (
          <View key={r} className={`zb-chip ${r === role ? 'zb-chip--active' : ''}`} onClick={() => setRole(r)}>
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      <Text className='zb-label login__label'>姓名</Text>
      <Input className='zb-field' placeholder='请输入姓名' value={name} maxlength={32} onInput={(e) => setName(e.detail.value)} />
      <View className='zb-actions'>
        <Button type='primary' block loading={busy} onClick={login}>
          登录
        </Button>
      </View>
    </View>
  )
}

function PasswordLogin({ onSession }: { onSession: OnSession }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, submit } = useSubmit(onSession)
  const login = () => {
    if (!username.trim() || !password) {
      Taro.showToast({ title: '请输入用户名和密码', icon: 'none' })
      return
    }
    void submit(() => api.loginPassword(username.trim(), password), password)
  }
  return (
    <View className='login__password'>
      <Text className='zb-label login__label'>用户名</Text>
      <Input className='zb-field' placeholder='请输入用户名' value={username} maxlength={64} onInput={(e) => setUsername(e.detail.value)} />
      <Text className='zb-label login__label'>密码</Text>
      <Input
        className='zb-field'
        password
        placeholder='请输入密码'
        value={password}
        maxlength={128}
        onInput={(e) => setPassword(e.detail.value)}
      />
      <View className='zb-actions'>
        <Button type='primary' block loading={busy} onClick={login}>
          登录
        </Button>
      </View>
    </View>
  )
}

export default function Login() {
  const [config, setConfig] = useState<AppConfig | null>(null)
  const [configError, setConfigError] = useState(false)
  const [pendingChange, setPendingChange] = useState<{ currentPassword: string } | null>(null)

  const loadConfig = () => {
    setConfigError(false)
    api.config().then(setConfig, () => setConfigError(true))
  }
  useEffect(loadConfig, [])

  const onSession: OnSession = (s, password) => {
    if (s.mustChangePassword) setPendingChange({ currentPassword: password ?? '' })
    else enter(s.user)
  }

  return (
    <PageShell className='login'>
      <View className='zb-card'>
        <Text className='zb-title'>信息直报</Text>
        {pendingChange ? (
          <ChangePassword currentPassword={pendingChange.currentPassword} onDone={enter} />
        ) : config?.wechatMode === 'dev' ? (
          // Dev mode has no WeChat on any platform; desk accounts (`npm run demo` prints their
          // passwords) log in too.
          <>
            <DevLogin onSession={onSession} />
            <Text className='zb-label login__section'>或用工作人员账号登录</Text>
            <PasswordLogin onSession={onSession} />
          </>
        ) : !DESK_LOGIN ? (
          <WechatLogin onSession={onSession} />
        ) : configError ? (
          <Button block onClick={loadConfig}>
            连接服务器失败，重试
          </Button>
        ) : !config ? (
          <Text className='zb-hint'>正在连接服务器…</Text>
        ) : (
          <PasswordLogin onSession={onSession} />
        )}
      </View>
      {/* The public board needs no sign-in: anyone may read it from here. */}
      <Button block onClick={() => void Taro.navigateTo({ url: BOARD_PAGE })}>
        不登录，看看留言选登
      </Button>
    </PageShell>
  )
}
