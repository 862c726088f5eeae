// WeChat's own phone button (open-type="getPhoneNumber"): the user picks a number WeChat has
// verified; the one-time code goes to the server, which asks wxa/business/getuserphonenumber.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@tarojs/components'
import { showError } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import type { PhoneButtonProps } from './phone-button'

export function PhoneButton({ onPhone }: PhoneButtonProps) {
  const [busy, setBusy] = useState(false)
  const got = async (e: { detail: { code?: string; errMsg?: string } }) => {
    const code = e.detail.code
    // Declined, or the account cannot use the button: typing the number still works.
    if (!code) return void Taro.showToast({ title: '未获取微信手机号，可直接填写', icon: 'none' })
    setBusy(true)
    try {
      onPhone((await citizenApi.phoneFromWechat(code)).phone)
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button className='message-new__wx-phone' openType='getPhoneNumber' loading={busy} disabled={busy} onGetPhoneNumber={(e) => void got(e)}>
      使用微信手机号
    </Button>
  )
}
