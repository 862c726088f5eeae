import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Input, Text } from '@tarojs/components'
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
      const { user } = await api.redeemInvitation(trimmed)
      session.saveUser(user)
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
      {/* The explanation sits above the field: a long placeholder is cut off in 大字模式. */}
      <Text className='zb-hint zb-invite__hint'>有邀请码？兑换后即获得工作人员权限</Text>
      <View className='zb-invite__row'>
        <Input
          className='zb-field zb-invite__input'
          placeholder='输入邀请码'
          value={code}
          maxlength={32}
          onInput={(e) => setCode(e.detail.value)}
        />
        <Button className='zb-invite__button' type='primary' loading={busy} onClick={redeem}>
          兑换
        </Button>
      </View>
    </View>
  )
}
InvitationForm.displayName = 'InvitationForm'
