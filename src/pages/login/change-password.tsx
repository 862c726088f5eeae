import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { UserView } from '@/domain'
import { Button } from '@/components/ui'
import { api, showError } from '@/services/api'
import { session } from '@/services/session'

// The server's rule (server/services/passwords.ts); checked here first to save a round trip.
const PASSWORD_MIN = 8

/**
 * A one-time password (first admin start, or reset by an admin) must be replaced before anything
 * else works: the server answers 403 to every other call until it is.
 */
export function ChangePassword({ currentPassword, onDone }: { currentPassword: string; onDone: (user: UserView) => void }) {
  const [current, setCurrent] = useState(currentPassword)
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!current) return setError('请输入当前密码')
    if (Array.from(next).length < PASSWORD_MIN) return setError(`新密码至少 ${PASSWORD_MIN} 位`)
    if (next !== again) return setError('两次输入的新密码不一致')
    setError(null)
    setBusy(true)
    try {
      const user = await api.changePassword(current, next)
      session.saveUser(user)
      onDone(user)
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='login__change'>
      <Text className='zb-label'>请设置新密码</Text>
      <Text className='zb-hint'>您使用的是一次性密码，设置新密码后才能继续使用。新密码至少 {PASSWORD_MIN} 位，不能包含用户名。</Text>
      {currentPassword ? null : (
        <>
          <Text className='zb-label login__label'>当前密码</Text>
          <Input className='zb-field' password placeholder='请输入当前密码' value={current} maxlength={128} onInput={(e) => setCurrent(e.detail.value)} />
        </>
      )}
      <Text className='zb-label login__label'>新密码</Text>
      <Input className='zb-field login__new-password' password placeholder='请输入新密码' value={next} maxlength={128} onInput={(e) => setNext(e.detail.value)} />
      <Text className='zb-label login__label'>再次输入新密码</Text>
      <Input className='zb-field login__new-password-again' password placeholder='请再次输入新密码' value={again} maxlength={128} onInput={(e) => setAgain(e.detail.value)} />
      {error ? <Text className='zb-error'>{error}</Text> : null}
      <View className='zb-actions'>
        <Button type='primary' block loading={busy} onClick={() => void submit()}>
          保存新密码
        </Button>
      </View>
    </View>
  )
}
