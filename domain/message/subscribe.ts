import type { MessageStatus } from './state-machine'

/**
 * Where a message arrives that its author may hear of by subscribe message (订阅消息): accepted,
 * answered, closed. The keys of SUBSCRIBE_TEMPLATES (server config) are these statuses.
 */
export const SUBSCRIBE_STATUSES = ['accepted', 'replied', 'closed'] as const satisfies readonly MessageStatus[]
export type SubscribeStatus = (typeof SUBSCRIBE_STATUSES)[number]
export const SUBSCRIBE_STATUS_LABELS: Record<SubscribeStatus, string> = { accepted: '受理通知', replied: '答复通知', closed: '办结通知' }
export const isSubscribeStatus = (s: string): s is SubscribeStatus => (SUBSCRIBE_STATUSES as readonly string[]).includes(s)
