import { HttpError } from '../http/errors'
import { PHONE_PATTERN } from '../../domain/limits'
import type { WechatClient } from './client'

interface PhoneInfo {
  phoneNumber?: string
  purePhoneNumber?: string
  countryCode?: string
}

/**
 * wxa/business/getuserphonenumber: the one-time code of WeChat's phone button → the number the
 * user chose. Nothing is stored: the number goes back to the app, which puts it in the form,
 * where the citizen sees it and sends it with the message (or changes it).
 */
export async function phoneNumberFromCode(client: WechatClient, code: string): Promise<string> {
  const body = await client.postWithToken<{ phone_info?: PhoneInfo }>('/wxa/business/getuserphonenumber', { code })
  switch (body.errcode ?? 0) {
    case 0:
      break
    case 40029:
      throw new HttpError(400, 'wechat_invalid_code', '微信手机号授权已失效或已使用，请再点一次“使用微信手机号”，或直接填写手机号')
    case 45011:
      throw new HttpError(429, 'wechat_rate_limited', '获取微信手机号过于频繁，请稍等一分钟，或直接填写手机号')
    case -1:
      throw new HttpError(503, 'wechat_busy', '微信服务繁忙，请稍后再试，或直接填写手机号')
    default:
      throw new HttpError(502, 'wechat_error', `微信服务返回错误（${body.errcode}），请直接填写手机号`)
  }
  const phone = body.phone_info?.purePhoneNumber ?? ''
  // The form and the message take mainland mobile numbers (PHONE_PATTERN); say so rather than store another.
  if (body.phone_info?.countryCode !== '86' || !new RegExp(PHONE_PATTERN).test(phone)) {
    throw new HttpError(400, 'unsupported_phone', '暂只支持中国大陆 11 位手机号，请直接填写可联系的手机号')
  }
  return phone
}
