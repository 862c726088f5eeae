// Calls only the citizen pages make (subpackage citizen): kept out of api.ts, which is in the
// main package every user downloads before the first screen.
import type { CreateMessageBody, CreatedMessage, ItemDetail, MyMessagesPage, PhoneNumberView, RatingBody, SubscribeTemplatesView, SubscriptionsView, TrackView } from '@/domain'
import { checkCreated, request, requestWithStatus } from './api'

export const citizenApi = {
  /** Retried on network failure: the server returns the first message for a repeated clientId. */
  createMessage: async (body: CreateMessageBody) => {
    const { status, data } = await requestWithStatus<CreatedMessage>('/api/messages', { method: 'POST', data: body, retry: Boolean(body.clientId) })
    return checkCreated(status, data)
  },
  myMessages: () => request<MyMessagesPage>('/api/messages/mine'),
  /** The one-time code of WeChat's phone button → the user's own number (the server keeps nothing). */
  phoneFromWechat: (code: string) => request<PhoneNumberView>('/api/me/phone', { method: 'POST', data: { code } }),
  /** 满意 / 基本满意 close the message, 不满意 sends it back with the comment. */
  rate: (id: string, body: RatingBody) => request<ItemDetail>(`/api/messages/${encodeURIComponent(id)}/rating`, { method: 'POST', data: body }),
  /** Public: anyone with the 留言码, signed in or not. */
  track: (code: string) => request<TrackView>(`/api/track/${encodeURIComponent(code.trim())}`, { anonymous: true }),
  subscribeTemplates: () => request<SubscribeTemplatesView>('/api/subscribe-templates'),
  recordSubscriptions: (id: string, templateIds: string[]) =>
    request<SubscriptionsView>(`/api/messages/${encodeURIComponent(id)}/subscriptions`, { method: 'POST', data: { templateIds } })
}
