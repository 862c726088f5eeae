import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams } from '../../../domain/schemas/common'
import { ApproveBoardBody, BoardPreview, BoardProposalList, BoardProposalQuery, BoardProposalView, BoardReasonBody, EditBoardBody, ProposeBoardBody } from '../../../domain/schemas/board'
import { BOARD_DECLINE, BOARD_WITHDRAW, BOARD_DESK_ROLES, BOARD_PROPOSER_ROLES, BOARD_REVIEWER_ROLES } from '../../../domain/board/state-machine'
import { board } from '../../services/board'

/** Staff propose and correct, reviewers approve, decline and withdraw; the table decides each step. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['board']
  app.get(
    '/items/:id/board-preview',
    {
      config: { roles: BOARD_PROPOSER_ROLES },
      schema: { tags, summary: '提议选登前的预览：能否选登（不能时说明原因）以及自动隐去个人信息后的留言与答复', params: IdParams, response: { 200: BoardPreview } }
    },
    async (request) => board.preview(app.db, request.currentUser, request.params.id)
  )
  app.post(
    '/items/:id/board-proposal',
    {
      config: { roles: BOARD_PROPOSER_ROLES },
      schema: {
        tags,
        summary: '提议选登：留言须已答复且留言人同意公开；可带上修改后的公开文字与隐去位置，不带时按自动隐去结果提议',
        params: IdParams,
        body: ProposeBoardBody,
        response: { 201: BoardProposalView }
      }
    },
    async (request, reply) => {
      reply.code(201)
      return board.propose(app.db, request.currentUser, request.params.id, request.body)
    }
  )
  app.get(
    '/board/proposals',
    { config: { roles: BOARD_DESK_ROLES }, schema: { tags, summary: '选登审核列表（可按状态筛选），最新提议在前', querystring: BoardProposalQuery, response: { 200: BoardProposalList } } },
    async (request) => board.list(app.db, request.currentUser, request.query)
  )
  app.get(
    '/board/proposals/:id',
    { config: { roles: BOARD_DESK_ROLES }, schema: { tags, summary: '一条选登提议：原文、隐去的内容、公开后的文字', params: IdParams, response: { 200: BoardProposalView } } },
    async (request) => board.get(app.db, request.currentUser, request.params.id)
  )
  app.put(
    '/board/proposals/:id',
    {
      config: { roles: BOARD_DESK_ROLES },
      schema: { tags, summary: '修改待审核选登的公开文字与隐去位置（版本号不是最新时 409）', params: IdParams, body: EditBoardBody, response: { 200: BoardProposalView } }
    },
    async (request) => board.edit(app.db, request.currentUser, request.params.id, request.body)
  )
  app.post(
    '/board/proposals/:id/approve',
    {
      config: { roles: BOARD_REVIEWER_ROLES },
      schema: { tags, summary: '批准选登：公开所看到的那一版（已被修改时 409）；提议人不能批准自己的提议', params: IdParams, body: ApproveBoardBody, response: { 200: BoardProposalView } }
    },
    async (request) => board.approve(app.db, request.currentUser, request.params.id, request.body)
  )
  app.post(
    '/board/proposals/:id/decline',
    { config: { roles: BOARD_REVIEWER_ROLES }, schema: { tags, summary: '不予选登（须说明原因）', params: IdParams, body: BoardReasonBody, response: { 200: BoardProposalView } } },
    async (request) => board.decide(app.db, request.currentUser, request.params.id, BOARD_DECLINE, request.body.reason)
  )
  app.post(
    '/board/proposals/:id/withdraw',
    { config: { roles: BOARD_REVIEWER_ROLES }, schema: { tags, summary: '撤下已公开的选登（须说明原因），撤下后公开栏不再显示', params: IdParams, body: BoardReasonBody, response: { 200: BoardProposalView } } },
    async (request) => board.decide(app.db, request.currentUser, request.params.id, BOARD_WITHDRAW, request.body.reason)
  )
}
export default routes
