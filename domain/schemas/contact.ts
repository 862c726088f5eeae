import { Type, type Static } from 'typebox'
import { Line } from './formats'

/** The one-time code WeChat's phone button gives (`e.detail.code`), exchanged once on the server. */
export const PhoneCodeBody = Type.Object(
  { code: Line({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', title: '手机号授权码（code）' }) },
  { additionalProperties: false }
)
export type PhoneCodeBody = Static<typeof PhoneCodeBody>

/** A number handed to its owner (their own, from WeChat) or to staff who revealed it (logged). */
export const PhoneNumberView = Type.Object({ phone: Type.String() })
export type PhoneNumberView = Static<typeof PhoneNumberView>
