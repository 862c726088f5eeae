// The admin area's calls (contracts.md [admin]; deadline rules and the calendar are older routes).
// Types only from domain/schemas: typebox must never enter the bundle.
import type {
  AdminPeopleList,
  AdminPeopleQuery,
  AdminPersonView,
  PersonView,
  CannedReplyView,
  CreateCannedReplyBody,
  CreateTopicBody,
  DepartmentView,
  TopicView,
  UpdateCannedReplyBody,
  UpdatePersonBody,
  UpdateTopicBody
} from '../../../domain/schemas/admin'
import type { CreateInvitationBody, InvitationView } from '../../../domain/schemas/auth'
import type { CalendarStatus, CalendarYearView, DeadlineRuleView, PutCalendarYearBody, PutDeadlineRuleBody } from '../../../domain/schemas/deadlines'
import { request } from '@/services/api'

export type { AdminPeopleQuery, AdminPersonView, PersonView, CannedReplyView, DepartmentView, TopicView, InvitationView, DeadlineRuleView, CalendarYearView, CalendarStatus }

export const adminApi = {
  departments: async () => (await request<{ departments: DepartmentView[] }>('/api/admin/departments')).departments,
  createDepartment: (name: string) => request<DepartmentView>('/api/admin/departments', { method: 'POST', data: { name } }),
  renameDepartment: (id: string, name: string) => request<DepartmentView>(`/api/admin/departments/${id}`, { method: 'PUT', data: { name } }),

  /** A page of everyone the admin manages (GET /api/admin/people): name order, searchable. */
  people: (query: AdminPeopleQuery = {}) => request<AdminPeopleList>('/api/admin/people', { query }),
  /** The desk colleagues who are enabled (GET /api/people): the bureau's short list of staff, reviewers and admins, whole. */
  deskPeople: async () => (await request<{ people: PersonView[] }>('/api/people')).people,
  updatePerson: (id: string, body: UpdatePersonBody) => request<AdminPersonView>(`/api/admin/people/${id}`, { method: 'PUT', data: body }),
  invite: (body: CreateInvitationBody) => request<InvitationView>('/api/invitations', { method: 'POST', data: body }),

  topics: async (year: number) => (await request<{ topics: TopicView[] }>('/api/topics', { query: { year } })).topics,
  createTopic: (body: CreateTopicBody) => request<TopicView>('/api/admin/topics', { method: 'POST', data: body }),
  updateTopic: (id: string, body: UpdateTopicBody) => request<TopicView>(`/api/admin/topics/${id}`, { method: 'PUT', data: body }),

  cannedReplies: async () => (await request<{ cannedReplies: CannedReplyView[] }>('/api/canned-replies')).cannedReplies,
  createCannedReply: (body: CreateCannedReplyBody) => request<CannedReplyView>('/api/admin/canned-replies', { method: 'POST', data: body }),
  updateCannedReply: (id: string, body: UpdateCannedReplyBody) => request<CannedReplyView>(`/api/admin/canned-replies/${id}`, { method: 'PUT', data: body }),
  deleteCannedReply: (id: string) => request<null>(`/api/admin/canned-replies/${id}`, { method: 'DELETE' }),

  deadlineRules: async () => (await request<{ rules: DeadlineRuleView[] }>('/api/admin/deadline-rules')).rules,
  putDeadlineRule: async (body: PutDeadlineRuleBody) => (await request<{ rules: DeadlineRuleView[] }>('/api/admin/deadline-rules', { method: 'PUT', data: body })).rules,

  calendarStatus: () => request<CalendarStatus>('/api/calendar/status'),
  calendarYear: (year: number) => request<CalendarYearView>(`/api/admin/calendar/${year}`),
  putCalendarYear: (year: number, body: PutCalendarYearBody) => request<CalendarYearView>(`/api/admin/calendar/${year}`, { method: 'PUT', data: body })
}
