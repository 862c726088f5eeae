import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DESK_ROLES, INBOX_ROLES } from '../../../domain/desk'
import { IdParams } from '../../../domain/schemas/common'
import { InvalidError } from '../../../domain/errors'
import {
  CreateOutletBody,
  DashboardQuery,
  DashboardView,
  ExportQuery,
  OutletList,
  OutletsQuery,
  OutletView,
  PublicationList,
  PublicationsQuery,
  PublicationView,
  RecalculationView,
  RecordPublicationBody,
  RulesBody,
  RulesView,
  SummaryQuery,
  ShortfallResult,
  SummaryView,
  TargetList,
  TargetsBody,
  UpdateOutletBody,
  YearParams,
  YearQuery
} from '../../../domain/schemas/ledger'
import * as admin from '../../services/ledger-admin'
import * as publications from '../../services/publications'
import { dashboard, summary } from '../../services/ledger-dashboard'
import { currentTopicYear } from '../../services/admin'
import { annualWorkbook, monthlyWorkbook } from '../../services/ledger-export'
import { warnShortfalls } from '../../services/ledger-shortfall'

const adminOnly = { roles: ['admin'] as const }
const desk = { roles: DESK_ROLES }
const readers = { roles: INBOX_ROLES }
const tags = ['ledger']

/** The publication ledger (发表台账): outlets, scoring rules, targets, publications, dashboard. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  // ---- outlets
  app.get('/ledger/outlets', { config: readers, schema: { tags, summary: '媒体列表（含级别）', querystring: OutletsQuery, response: { 200: OutletList } } }, async (request) => ({
    outlets: await admin.listOutlets(app.db, request.currentUser.orgId, request.query.includeInactive ?? false)
  }))
  app.post(
    '/admin/outlets',
    { config: adminOnly, schema: { tags, summary: '新增媒体（本局内名称不重复）', body: CreateOutletBody, response: { 201: OutletView } } },
    async (request, reply) => reply.code(201).send(await admin.createOutlet(app.db, request.currentUser, request.body))
  )
  app.put(
    '/admin/outlets/:id',
    { config: adminOnly, schema: { tags, summary: '修改媒体名称、级别或停用（已登记的发表保留登记时的级别和分值）', params: IdParams, body: UpdateOutletBody, response: { 200: OutletView } } },
    async (request) => admin.updateOutlet(app.db, request.currentUser, request.params.id, request.body)
  )

  // ---- scoring rules
  app.get(
    '/admin/scoring-rules/:year',
    { config: adminOnly, schema: { tags, summary: '某年度的计分规则（未设置时沿用此前年度的，或内置示例）', params: YearParams, response: { 200: RulesView } } },
    async (request) => admin.rulesView(app.db, request.currentUser.orgId, request.params.year)
  )
  app.put(
    '/admin/scoring-rules/:year',
    { config: adminOnly, schema: { tags, summary: '设置某年度的计分规则；已登记的分值不变，需重新计算该年度才会更新', params: YearParams, body: RulesBody, response: { 200: RulesView } } },
    async (request) => admin.setRules(app.db, request.currentUser, request.params.year, request.body)
  )
  app.post(
    '/admin/scoring-rules/:year/recalculate',
    { config: adminOnly, schema: { tags, summary: '按该年度现行计分规则重新计算全年分值（记录操作人）', params: YearParams, response: { 200: RecalculationView } } },
    async (request) => admin.recalculateYear(app.db, request.currentUser, request.params.year)
  )

  // ---- targets
  app.get(
    '/ledger/targets',
    { config: readers, schema: { tags, summary: '年度目标：全局及各部门、各类型的篇数和分值', querystring: YearQuery, response: { 200: TargetList } } },
    async (request) => admin.listTargets(app.db, request.currentUser.orgId, request.query.year ?? currentTopicYear())
  )
  app.put(
    '/admin/targets/:year',
    { config: adminOnly, schema: { tags, summary: '设置某年度的全部目标（整体替换；部门为空表示全局目标）', params: YearParams, body: TargetsBody, response: { 200: TargetList } } },
    async (request) => admin.setTargets(app.db, request.currentUser, request.params.year, request.body)
  )

  // ---- publications
  app.post(
    '/publications',
    {
      config: desk,
      schema: {
        tags,
        summary: '登记发表：已审定的稿件在某媒体刊发（稿件转为已发表，所用事例转为已发表）；带 clientId 重复提交时返回第一次的登记（200），不会重复登记',
        body: RecordPublicationBody,
        response: { 200: PublicationView, 201: PublicationView }
      }
    },
    async (request, reply) => {
      const { publication, created } = await publications.recordPublication(app.db, request.currentUser, request.body, app.mediaUrl)
      return reply.code(created ? 201 : 200).send(publication)
    }
  )
  app.get(
    '/publications',
    { config: readers, schema: { tags, summary: '发表台账（按年度、月份、部门或稿件筛选；按发表日期倒序，最多 2000 条，全年明细请导出）', querystring: PublicationsQuery, response: { 200: PublicationList } } },
    async (request) => ({ publications: await publications.listPublications(app.db, request.currentUser.orgId, { ...request.query, year: request.query.year ?? (request.query.draftId ? undefined : currentTopicYear()) }, app.mediaUrl) })
  )

  // ---- dashboard and summary
  app.get(
    '/ledger/dashboard',
    { config: readers, schema: { tags, summary: '发表进度：按部门、月份、媒体级别、重点主题统计，年底预测与目标对比，部门排名', querystring: DashboardQuery, response: { 200: DashboardView } } },
    async (request) => dashboard(app.db, request.currentUser.orgId, request.query)
  )
  app.get(
    '/ledger/summary',
    { config: readers, schema: { tags, summary: '定期总结分析：月度或年度的篇数、分值、一线素材占比、主题覆盖、事例到发表的平均天数', querystring: SummaryQuery, response: { 200: SummaryView } } },
    async (request) => summary(app.db, request.currentUser.orgId, request.query)
  )
  app.post(
    '/admin/ledger/shortfall-warnings',
    { config: adminOnly, schema: { tags, summary: '向进度落后的部门发送提醒（按目前进度预计完不成年度目标；同一天重复发送不会重复提醒）', querystring: DashboardQuery, response: { 200: ShortfallResult } } },
    async (request) => warnShortfalls(app.db, request.currentUser, request.query)
  )

  // ---- exports (.xlsx, streamed)
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`
  app.get(
    '/ledger/export/annual',
    { config: readers, schema: { tags, summary: '导出年度考核表（.xlsx：部门考核、发表明细、图表）', querystring: ExportQuery } },
    async (request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${request.query.year}年度考核表.xlsx`))
        .header('cache-control', 'no-store')
        .send(annualWorkbook(app.db, request.currentUser.orgId, request.query.year))
  )
  app.get(
    '/ledger/export/monthly',
    { config: readers, schema: { tags, summary: '导出月度报表（.xlsx：部门汇总、本月明细、图表；月份必填）', querystring: ExportQuery } },
    async (request, reply) => {
      const month = request.query.month
      if (!month) throw new InvalidError('请选择月份（month）', 'month')
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${request.query.year}年${month}月报表.xlsx`))
        .header('cache-control', 'no-store')
        .send(monthlyWorkbook(app.db, request.currentUser.orgId, request.query.year, month))
    }
  )
}
export default routes
