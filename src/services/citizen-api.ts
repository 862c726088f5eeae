// Calls only the citizen pages make (subpackage citizen): kept out of api.ts, which is in the
// main package every user downloads before the first screen.
import type { CreateMessageBody, CreatedMessage, MyMessagesPage } from '@/domain'
import { checkCreated, request, requestWithStatus } from './api'

export const citizenApi = {
  /** Retried on network failure: the server returns the first message for a repeated clientId. */
  createMessage: async (body: CreateMessageBody) => {
    const { status, data } = await requestWithStatus<CreatedMessage>('/api/messages', { method: 'POST', data: body, retry: Boolean(body.clientId) })
    return checkCreated(status, data)
  },
  myMessages: () => request<MyMessagesPage>('/api/messages/mine')
}
