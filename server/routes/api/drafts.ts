import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import {
  AcknowledgeBody,
  CaseDraftList,
  CommentBody,
  CreateDraftBody,
  DiffQuery,
  DraftActionBody,
  DraftDetail,
  DraftDiff,
  DraftList,
  DraftListQuery,
  DraftSubParams,
  DraftVersionList,
  DraftVersionView,
  UpdateDraftBody,
  VersionParams
} from '../../../domain/schemas/draft'
import { DRAFT_WRITER_ROLES, DRAFT_REVIEW_ROLES } from '../../../domain/draft'
import { createDraft, saveDraft, takeDraftAction } from '../../services/drafts'
import { diffDraftVersions, draftsUsingCase, getDraftDetail, getDraftVersion, listDraftSummaries, listDraftVersions } from '../../services/draft-views'
import { acknowledgeDraftFlag, addComment, resolveDraftComment } from '../../services/draft-review'

const writers = { roles: DRAFT_WRITER_ROLES }
const readers = { roles: DRAFT_REVIEW_ROLES }
const tags = ['drafts']

/** Drafts (稿件) and the 三审: writing from cases, versions, comments, review actions. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const detail = (request: { currentUser: Parameters<typeof getDraftDetail>[1] }, id: string) => getDraftDetail(app.db, request.currentUser, id, app.mediaUrl)

  app.get(
    '/drafts',
    { config: readers, schema: { tags, summary: '稿件列表：我的稿件（mine）、待我审核（review）或本局全部（all）', querystring: DraftListQuery, response: { 200: DraftList } } },
    async (request) => ({ drafts: await listDraftSummaries(app.db, request.currentUser, request.query) })
  )

  app.post(
    '/drafts',
    {
      config: writers,
      schema: { tags, summary: '用一个或多个已采用的事例新建稿件（按稿件类型生成初稿框架；已采用的事例变为「已用于稿件」）', body: CreateDraftBody, response: { 201: DraftDetail } }
    },
    async (request, reply) => reply.code(201).send(await detail(request, await createDraft(app.db, request.currentUser, request.body)))
  )

  app.get('/drafts/:id', { config: readers, schema: { tags, summary: '稿件详情：正文、事例、署名、审核记录、批注和发布前检查', params: IdParams, response: { 200: DraftDetail } } }, async (request) =>
    detail(request, request.params.id)
  )

  app.put(
    '/drafts/:id',
    { config: writers, schema: { tags, summary: '保存稿件（每次保存为一个新版本；版本号不是最新时返回 409）', params: IdParams, body: UpdateDraftBody, response: { 200: DraftDetail } } },
    async (request) => {
      await saveDraft(app.db, request.currentUser, request.params.id, request.body)
      return detail(request, request.params.id)
    }
  )

  app.post(
    '/drafts/:id/actions',
    {
      config: readers,
      schema: { tags, summary: '稿件流转：提交审核、初审/复审/终审通过、退回修改、撤稿（同一人不能签署两个审核环节）', params: IdParams, body: DraftActionBody, response: { 200: DraftDetail } }
    },
    async (request) => {
      await takeDraftAction(app.db, request.currentUser, request.params.id, request.body)
      return detail(request, request.params.id)
    }
  )

  app.get('/drafts/:id/versions', { config: readers, schema: { tags, summary: '稿件的历史版本', params: IdParams, response: { 200: DraftVersionList } } }, async (request) =>
    listDraftVersions(app.db, request.currentUser, request.params.id)
  )

  app.get('/drafts/:id/versions/:number', { config: readers, schema: { tags, summary: '稿件某一版本的正文', params: VersionParams, response: { 200: DraftVersionView } } }, async (request) =>
    getDraftVersion(app.db, request.currentUser, request.params.id, request.params.number)
  )

  app.get(
    '/drafts/:id/diff',
    { config: readers, schema: { tags, summary: '比较稿件的两个版本（逐段、逐词标出增删）', params: IdParams, querystring: DiffQuery, response: { 200: DraftDiff } } },
    async (request) => diffDraftVersions(app.db, request.currentUser, request.params.id, request.query.from, request.query.to)
  )

  app.post(
    '/drafts/:id/comments',
    { config: readers, schema: { tags, summary: '对某一版本的某一段落写批注（不指定段落则为全文批注）', params: IdParams, body: CommentBody, response: { 200: DraftDetail } } },
    async (request) => {
      await addComment(app.db, request.currentUser, request.params.id, request.body)
      return detail(request, request.params.id)
    }
  )

  app.post(
    '/drafts/:id/comments/:subId/resolve',
    { config: readers, schema: { tags, summary: '将批注标记为已处理', params: DraftSubParams, response: { 200: DraftDetail } } },
    async (request) => {
      await resolveDraftComment(app.db, request.currentUser, request.params.id, request.params.subId)
      return detail(request, request.params.id)
    }
  )

  app.post(
    '/drafts/:id/flags/:subId/acknowledge',
    {
      config: readers,
      schema: { tags, summary: '审核人确认一项发布前检查提示（保留确认人、时间和说明）', params: DraftSubParams, body: AcknowledgeBody, response: { 200: DraftDetail } }
    },
    async (request) => {
      await acknowledgeDraftFlag(app.db, request.currentUser, request.params.id, request.params.subId, request.body)
      return detail(request, request.params.id)
    }
  )

  app.get('/items/:id/drafts', { config: readers, schema: { tags, summary: '事例已用于哪些稿件', params: IdParams, response: { 200: CaseDraftList } } }, async (request) =>
    draftsUsingCase(app.db, request.currentUser, request.params.id)
  )
}
export default routes

