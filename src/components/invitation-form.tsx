import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Input } from '@tarojs/components'
import { Button } from './ui'
import { api, showError } from '@/services/api'
import { session } from '@/services/session'
import './invitation-form.scss'

/** Redeems an invitation code: the server answers with the new roles, which the session takes at once. */
export function InvitationForm() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const redeem = async () => {
    const trimmed = code.trim()
    if (trimmed.length < 6) {
      Taro.showToast({ title: '请输入完整的邀请码', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const s = await api.redeemInvitation(trimmed)
      session.save(s)
      setCode('')
      Taro.showToast({ title: '邀请码已兑换', icon: 'success' })
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='zb-invite'>
      <Input
        className='zb-field zb-invite__input'
        placeholder='输入邀请码，获得工作人员权限'
        value={code}
        maxlength={32}
        onInput={(e) => setCode(e.detail.value)}
      />
      <Button type='primary' size='small' loading={busy} onClick={redeem}>
        兑换
      </Button>
    </View>
  )
}
InvitationForm.displayName = 'InvitationForm'
