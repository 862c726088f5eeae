import { HttpError } from '../http/errors'

/**
 * WeChat's documented errcodes, turned into answers a person can act on. Codes not listed
 * are upstream failures (502) and are logged with their errmsg.
 */
export function wechatError(errcode: number, errmsg: string): HttpError {
  switch (errcode) {
    case 40029:
    case 40163:
      return new HttpError(400, 'wechat_invalid_code', '微信登录凭证无效或已使用，请重新打开小程序再试')
    case 45011:
      return new HttpError(429, 'wechat_rate_limited', '微信登录过于频繁，请稍等一分钟再试')
    case 40226:
      return new HttpError(403, 'wechat_risky_user', '微信判定此账号存在风险，暂不能登录')
    case -1:
      return new HttpError(503, 'wechat_busy', '微信服务繁忙，请稍后再试')
    case 40001:
    case 40013:
    case 40125:
      return new HttpError(502, 'wechat_misconfigured', '小程序登录配置有误，请联系管理员')
    default:
      return new HttpError(502, 'wechat_error', `微信服务返回错误（${errcode}），请稍后再试`)
  }
}
