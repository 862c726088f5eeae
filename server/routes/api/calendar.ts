import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CalendarStatus, CalendarYearView, PutCalendarYearBody, YearParams } from '../../../domain/schemas/deadlines'
import { INBOX_ROLES } from '../../../domain/desk'
import { BUILTIN_FIRST_YEAR, BUILTIN_LAST_YEAR } from '../../../domain/deadlines/builtin'
import { calendarStatus } from '../../services/deadlines'
import { calendarYear, deleteCalendarYear, putCalendarYear } from '../../services/calendar-admin'

const ADMIN = ['admin'] as const

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/status',
    {
      config: { roles: INBOX_ROLES },
      schema: { tags: ['deadlines'], summary: '节假日日历覆盖情况（今年与来年是否已录入；工作台据此显示提醒）', response: { 200: CalendarStatus } }
    },
    async (request) => ({
      ...(await calendarStatus(app.db, request.currentUser.orgId, new Date())),
      builtin: { firstYear: BUILTIN_FIRST_YEAR, lastYear: BUILTIN_LAST_YEAR, source: 'chinese-days' }
    })
  )

  app.get(
    '/admin/calendar/:year',
    { config: { roles: ADMIN }, schema: { tags: ['admin'], summary: '某年的放假与调休安排（管理员录入的优先于内置数据）', params: YearParams, response: { 200: CalendarYearView } } },
    async (request) => calendarYear(app.db, request.currentUser.orgId, request.params.year)
  )

  app.put(
    '/admin/calendar/:year',
    {
      config: { roles: ADMIN },
      schema: {
        tags: ['admin'],
        summary: '录入某年的全部放假日期与调休上班日期（整年替换，按国务院办公厅放假通知）',
        params: YearParams,
        body: PutCalendarYearBody,
        response: { 200: CalendarYearView }
      }
    },
    async (request) => putCalendarYear(app.db, request.currentUser.orgId, request.params.year, request.body, request.currentUser.id)
  )

  app.delete(
    '/admin/calendar/:year',
    { config: { roles: ADMIN }, schema: { tags: ['admin'], summary: '删除管理员录入的某年安排，恢复内置数据（若有）', params: YearParams, response: { 200: CalendarYearView } } },
    async (request) => deleteCalendarYear(app.db, request.currentUser.orgId, request.params.year)
  )
}
export default routes
