// WeChat: every user is signed in silently with wx.login; roles beyond citizen come from invitations.
import Taro from '@tarojs/taro'
import type { SessionView, UserView } from '@/domain'
import { api } from './api'
import { HOME_PAGE } from './routes'

export const DESK_LOGIN = false
export const SILENT_LOGIN = true

export async function silentLogin(): Promise<SessionView | null> {
  const { code } = await Taro.login()
  return api.loginWechat(code)
}

export function landingPage(_user: UserView): string {
  return HOME_PAGE
}
