import { Type, type Static } from 'typebox'
import { Line } from './formats'
import { VERDICTS } from '../moderation/verdict'
import { literalUnion } from './common'

/** The query WeChat signs every push with; `echostr` only on the URL check (GET). */
export const PushQuery = Type.Object(
  {
    signature: Line({ maxLength: 64, title: '签名' }),
    timestamp: Line({ maxLength: 16, title: '时间戳' }),
    nonce: Line({ maxLength: 64, title: '随机数' }),
    echostr: Type.Optional(Line({ maxLength: 256, title: '校验字符串' })),
    // Sent by WeChat in safe mode; accepted and ignored (zhibao expects plaintext JSON pushes).
    openid: Type.Optional(Line({ maxLength: 64 })),
    encrypt_type: Type.Optional(Line({ maxLength: 16 })),
    msg_signature: Type.Optional(Line({ maxLength: 64 }))
  },
  { additionalProperties: false }
)
export type PushQuery = Static<typeof PushQuery>

/**
 * A push event in JSON. Only what zhibao reads is described; WeChat adds fields over time
 * (detail, ToUserName…), so others are allowed through unread.
 */
export const PushEvent = Type.Object(
  {
    Event: Type.Optional(Line({ maxLength: 64, title: '事件' })),
    MsgType: Type.Optional(Line({ maxLength: 32 })),
    trace_id: Type.Optional(Line({ maxLength: 128, title: '检测任务编号' })),
    result: Type.Optional(
      Type.Object({ suggest: literalUnion(VERDICTS, { title: '检测建议' }), label: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })) }, { additionalProperties: true })
    )
  },
  { additionalProperties: true }
)
export type PushEvent = Static<typeof PushEvent>
