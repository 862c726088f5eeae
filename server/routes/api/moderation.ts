import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { ItemModerationResult, MediaModerationResult, ModerationDecisionBody, ModerationQueue } from '../../../domain/schemas/moderation'
import { DESK_ROLES } from '../../../domain/desk'
import { decideItem, decideMedia, moderationQueue } from '../../services/moderation'

/** 待审核内容: what the content check held, for staff to approve or refuse (issue 8). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/moderation',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['moderation'],
        summary: '待审核内容：内容检测存疑而暂未公开的留言与事例（全文及存疑原因），待审核和已隔离的图片',
        response: { 200: ModerationQueue }
      }
    },
    async (request) => moderationQueue(app.db, request.currentUser.orgId, app.mediaUrl)
  )

  app.post(
    '/moderation/items/:id',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['moderation'],
        summary: '审核暂未公开的留言或事例：approve 通过（进入收件箱），refuse 不通过（仅留言人可见“未通过审核”）',
        params: IdParams,
        body: ModerationDecisionBody,
        response: { 200: ItemModerationResult }
      }
    },
    async (request) => decideItem(app.db, request.currentUser, request.params.id, request.body.action)
  )

  app.post(
    '/moderation/media/:id',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['moderation'],
        summary: '审核待审核的图片：approve 通过（正常显示），refuse 隔离（任何人都看不到）',
        params: IdParams,
        body: ModerationDecisionBody,
        response: { 200: MediaModerationResult }
      }
    },
    async (request) => decideMedia(app.db, request.currentUser, request.params.id, request.body.action)
  )
}
export default routes
