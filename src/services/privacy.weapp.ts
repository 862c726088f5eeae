import Taro from '@tarojs/taro'
import { PRIVACY_AUTH_PAGE } from './routes'

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void
declare const wx: {
  onNeedPrivacyAuthorization?: (handler: (resolve: Resolve, info: { referrer?: string }) => void) => void
}

let pending: Resolve | null = null

/**
 * Under `__usePrivacyCheck__`, the first call of an API that touches personal information
 * (the phone button, getLocation, chooseMedia…) waits until the user agrees. WeChat then calls
 * this handler; we open our authorisation page and hand WeChat the answer from there. Declining
 * lets the app go on without that one function.
 */
export function installPrivacyHandler(): void {
  if (typeof wx === 'undefined' || !wx.onNeedPrivacyAuthorization) return
  wx.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    void Taro.navigateTo({ url: PRIVACY_AUTH_PAGE })
  })
}

/**
 * The page's answer. An agreement is given by the page's `agreePrivacyAuthorization` button
 * itself (its id is `agree-btn`); WeChat is told which button it was.
 */
export function answerPrivacy(agreed: boolean): void {
  const resolve = pending
  pending = null
  resolve?.(agreed ? { event: 'agree', buttonId: 'agree-btn' } : { event: 'disagree' })
}

export function privacyPending(): boolean {
  return pending !== null
}
