import type { FastifyPluginAsync } from 'fastify'
import health from './health'
import auth from './auth'
import me from './me'
import invitations from './invitations'
import messages from './messages'
import inbox from './inbox'
import inboxViews from './inbox-views'
import items from './items'
import triage from './triage'
import media from './media'
import mediaFiles from './media-files'
import cases from './cases'
import calendar from './calendar'
import deadlineRules from './deadline-rules'
import reports from './reports'
import notifications from './notifications'
import account from './account'
import users from './users'
import directory from './directory'
import admin from './admin'
import live from './live'
import liveEvents from './live-events'
import publicBoard from './board'
import boardProposals from './board-proposals'
import moderation from './moderation'
import wechatEvents from './wechat-events'
import track from './track'
import ledger from './ledger'
import drafts from './drafts'
import draftAdmin from './draft-admin'

/** Public routes first; everything registered in the inner scope requires a valid token. */
const api: FastifyPluginAsync = async (app) => {
  await app.register(health)
  await app.register(auth)
  // Photo links carry their own signature: <image> tags send no token.
  await app.register(mediaFiles)
  // The SSE stream carries its own short-lived ticket: an EventSource sends no token.
  await app.register(liveEvents)
  // The public board (选登) is read without logging in: masked, published entries only.
  await app.register(publicBoard)
  // WeChat's message push signs each request itself (WECHAT_CALLBACK_TOKEN).
  await app.register(wechatEvents)
  // 查询留言 by 留言码 needs no sign-in: the code is the key (rate-limited per address).
  await app.register(track)

  await app.register(async (authenticated) => {
    authenticated.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, security: [{ bearer: [] }] } as typeof route.schema
    })
    authenticated.addHook('onRequest', (request) => authenticated.authenticate(request))
    for (const plugin of [me, account, users, invitations, messages, inbox, inboxViews, items, triage, media, cases, calendar, deadlineRules, reports, notifications, directory, admin, live, boardProposals, moderation, ledger, drafts, draftAdmin]) {
      await authenticated.register(plugin)
    }
  })
}
export default api
