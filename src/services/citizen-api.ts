// Calls only the citizen pages make (subpackage citizen): kept out of api.ts, which is in the
// main package every user downloads before the first screen.
import type { CreateMessageBody, CreatedMessage, MyMessagesPage, PhoneNumberView } from '@/domain'
import { checkCreated, request, requestWithStatus } from './api'

export const citizenApi = {
  /** Retried on network failure: the server returns the first message for a repeated clientId. */
  createMessage: async (body: CreateMessageBody) => {
    const { status, data } = await requestWithStatus<CreatedMessage>('/api/messages', { method: 'POST', data: body, retry: Boolean(body.clientId) })
    return checkCreated(status, data)
  },
  myMessages: () => request<MyMessagesPage>('/api/messages/mine'),
  /** The one-time code of WeChat's phone button → the user's own number (the server keeps nothing). */
  phoneFromWechat: (code: string) => request<PhoneNumberView>('/api/me/phone', { method: 'POST', data: { code } })
}
