// Calls only the officer pages make (subpackage officer): kept out of api.ts, which is in the
// main package. Sending a case (api.createCase) stays there: the outbox runs from the launch page.
import type { MyCaseView, MyCasesPage, ResubmitCaseBody } from '@/domain'
import { request } from './api'

export const officerApi = {
  myCases: () => request<MyCasesPage>('/api/cases/mine'),
  resubmitCase: (id: string, body: ResubmitCaseBody) =>
    request<MyCaseView>(`/api/cases/${encodeURIComponent(id)}/resubmit`, { method: 'POST', data: body })
}
