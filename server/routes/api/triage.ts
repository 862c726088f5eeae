import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { ItemDetail } from '../../../domain/schemas/item'
import { BatchAnswer, BatchBody, DuplicatesAnswer, MergeBody } from '../../../domain/schemas/triage'
import { DESK_ROLES, INBOX_ROLES } from '../../../domain/desk'
import { LIMITS } from '../../../domain/limits'
import { runBatch } from '../../services/items-batch'
import { findDuplicates } from '../../services/duplicates'
import { mergeItem } from '../../services/merge'
import { getItemDetail } from '../../services/items'

/** Triage across items: batch actions, likely duplicates, merging one message into another. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/items/batch',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['inbox'],
        summary: `批量操作（受理、办结等、分派、标记重点主题）：所选条目（items，至多 ${LIMITS.batchItems} 条）或全部符合筛选条件的条目（filter，至多 ${LIMITS.batchFilterCap} 条，capped 说明是否还有更多）；每条单独处理，逐条返回结果，被拒绝的说明原因`,
        body: BatchBody,
        response: { 200: BatchAnswer }
      }
    },
    async (request) => runBatch(app.db, request.currentUser, request.body, (err, id) => request.log.error({ err, itemId: id }, 'batch item failed'))
  )

  app.get(
    '/items/:id/duplicates',
    {
      config: { roles: INBOX_ROLES },
      schema: {
        tags: ['inbox'],
        summary: '可能重复的条目：本局内容相似（汉字二元组）、同一留言人、同一电话、同一地点、时间相近，按可能性排序并列出原因',
        params: IdParams,
        response: { 200: DuplicatesAnswer }
      }
    },
    async (request) => ({ candidates: await findDuplicates(app.db, request.currentUser, request.params.id) })
  )

  app.post(
    '/items/:id/merge',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['inbox'],
        summary: '把这条留言合并到另一条（into）：本条变为“已合并”，留言人在“我的留言”看到去向和答复；返回保留的那条的详情',
        params: IdParams,
        body: MergeBody,
        response: { 200: ItemDetail }
      }
    },
    async (request) => {
      const survivorId = await mergeItem(app.db, request.currentUser, request.params.id, request.body)
      return getItemDetail(app.db, request.currentUser, survivorId, app.mediaUrl)
    }
  )
}
export default routes
