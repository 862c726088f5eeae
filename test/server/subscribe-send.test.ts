import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../fake-wechat/server'
import { waitFor } from '../helpers/wait-for'
import type { SessionView } from '../../domain/schemas/auth'
import { AUTO_CLOSE_QUEUE, RETENTION_QUEUE } from '../../server/jobs/follow-up'

const TEMPLATES = {
  accepted: { id: 'tmpl-accepted', fields: { character_string1: 'trackingCode', phrase2: 'status', time3: 'at' } },
  replied: { id: 'tmpl-replied', fields: { character_string1: 'trackingCode', thing2: 'summary', time3: 'at' } }
}

let t: TestApp
let fake: FakeWechat
let staff: SessionView
let serial = 0
beforeAll(async () => {
  fake = await startFakeWechat()
  t = await createTestApp(
    { JOBS: 'on', WECHAT_API_BASE: fake.baseUrl, WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.secret, SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES), SUBSCRIBE_MINIPROGRAM_STATE: 'trial' },
    { subscribeRetry: { retryLimit: 3, retryDelay: 1, retryBackoff: false } }
  )
  staff = await t.login('staff', '承办人')
}, 90_000)
afterAll(async () => {
  await t.close()
  await fake.close()
})

const post = (who: SessionView, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: bearer(who) })
const sends = (openid: string) => fake.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send' && (r.body as { touser?: string })?.touser === openid)
const grants = (itemId: string) => t.db.selectFrom('subscribe_grant').select(['template_id', 'send_key', 'outcome', 'errcode']).where('item_id', '=', itemId).orderBy('created_at').execute()

/** A citizen with a WeChat openid (what a mini-program login gives) and one message with grants. */
async function subscribed(openid: string, templateIds: string[]) {
  const citizen = await t.login('citizen', `订阅人${++serial}`)
  await t.db.updateTable('app_user').set({ wechat_openid: openid }).where('id', '=', citizen.user.id).execute()
  const m = await post(citizen, '/api/messages', { category: 'question', body: '营业执照怎么办理？' })
  const res = await post(citizen, `/api/messages/${m.json().id}/subscriptions`, { templateIds })
  expect(res.statusCode).toBe(200)
  return { citizen, id: m.json().id as string, trackingCode: m.json().trackingCode as string, recorded: res.json() }
}

it('offers the configured templates to the app', async () => {
  const citizen = await t.login('citizen', '看模板')
  expect((await t.app.inject({ method: 'GET', url: '/api/subscribe-templates', headers: bearer(citizen) })).json()).toEqual({
    templates: [
      { id: 'tmpl-accepted', label: '受理通知' },
      { id: 'tmpl-replied', label: '答复通知' }
    ]
  })
})

it('on acceptance and on reply sends one subscribe message each, in the documented shape, spending one grant each', async () => {
  const m = await subscribed('o-ok-1', ['tmpl-accepted', 'tmpl-replied', 'tmpl-unknown'])
  expect(m.recorded).toEqual({ recorded: 2, unused: { 'tmpl-accepted': 1, 'tmpl-replied': 1 } })
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  await waitFor(async () => (await grants(m.id)).find((g) => g.template_id === 'tmpl-accepted' && g.outcome === 'sent'), 'the acceptance message to be sent')
  const [sent] = sends('o-ok-1')
  expect(sent!.query.access_token).toMatch(/^fake-access-token-/)
  expect(sent!.body).toEqual({
    touser: 'o-ok-1',
    template_id: 'tmpl-accepted',
    page: `citizen/pages/my-messages/index?id=${m.id}`,
    data: { character_string1: { value: m.trackingCode }, phrase2: { value: '已受理' }, time3: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) } },
    miniprogram_state: 'trial',
    lang: 'zh_CN'
  })
  await post(staff, `/api/items/${m.id}/reply`, { body: '请携带身份证到政务服务中心市场监管窗口办理，也可在网上申报。' })
  await waitFor(async () => (await grants(m.id)).find((g) => g.template_id === 'tmpl-replied' && g.outcome === 'sent'), 'the reply message to be sent')
  const reply = sends('o-ok-1').find((r) => (r.body as { template_id: string }).template_id === 'tmpl-replied')!
  // thing fields hold at most 20 characters.
  expect((reply.body as any).data.thing2.value).toBe('请携带身份证到政务服务中心市场监管窗口…')
  expect(Array.from((reply.body as any).data.thing2.value as string)).toHaveLength(20)
  expect(sends('o-ok-1')).toHaveLength(2)
})

it('without a grant nothing is sent; a grant is used once', async () => {
  const m = await subscribed('o-ok-2', ['tmpl-replied'])
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  await post(staff, `/api/items/${m.id}/reply`, { body: '第一次答复' })
  await waitFor(async () => (await grants(m.id))[0]?.outcome === 'sent', 'the reply message')
  // Reopened and answered again: the one-time grant is spent, so no second message.
  await post(m.citizen, `/api/messages/${m.id}/rating`, { rating: 'dissatisfied', comment: '没说清楚' })
  await post(staff, `/api/items/${m.id}/reply`, { body: '第二次答复' })
  const marker = await subscribed('o-ok-3', ['tmpl-accepted'])
  await post(staff, `/api/items/${marker.id}/actions`, { action: 'accept' })
  // Jobs run in order of creation; once a later one went out, the earlier change had its chance.
  await waitFor(async () => (await grants(marker.id))[0]?.outcome === 'sent', 'a later message')
  expect(sends('o-ok-2')).toHaveLength(1)
  expect(await t.db.selectFrom('pgboss.job' as any).select('id').where('data', '@>', JSON.stringify({ itemId: m.id, status: 'accepted' }) as any).execute()).toEqual([])
})

it('43101 (not subscribed or used up) is recorded and not retried', async () => {
  const m = await subscribed('o-43101-a', ['tmpl-accepted'])
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  const g = await waitFor(async () => (await grants(m.id)).find((x) => x.outcome), 'the refusal to be recorded')
  expect(g).toMatchObject({ outcome: 'refused', errcode: 43101 })
  const later = await subscribed('o-ok-4', ['tmpl-accepted'])
  await post(staff, `/api/items/${later.id}/actions`, { action: 'accept' })
  await waitFor(async () => (await grants(later.id))[0]?.outcome === 'sent', 'a later message')
  expect(sends('o-43101-a')).toHaveLength(1)
})

it('40003 (bad openid) is recorded, not retried', async () => {
  const m = await subscribed('o-bad-a', ['tmpl-accepted'])
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  expect(await waitFor(async () => (await grants(m.id)).find((x) => x.outcome), 'the refusal')).toMatchObject({ outcome: 'refused', errcode: 40003 })
})

it('a transient error (-1) is retried with the same grant, and then sent', async () => {
  const m = await subscribed('o-flaky-a', ['tmpl-accepted'])
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  const g = await waitFor(async () => (await grants(m.id)).find((x) => x.outcome), 'the retried send to succeed', 30_000)
  expect(g).toMatchObject({ outcome: 'sent', errcode: null, send_key: expect.stringMatching(/^accepted@/) })
  expect(sends('o-flaky-a')).toHaveLength(2)
  expect(await grants(m.id)).toHaveLength(1)
}, 40_000)

it('schedules the nightly auto-close and retention jobs (Beijing time)', async () => {
  const schedules = await t.app.jobs!.getSchedules()
  expect(schedules).toContainEqual(expect.objectContaining({ name: AUTO_CLOSE_QUEUE, cron: '30 2 * * *', timezone: 'Asia/Shanghai' }))
  expect(schedules).toContainEqual(expect.objectContaining({ name: RETENTION_QUEUE, cron: '0 3 * * *', timezone: 'Asia/Shanghai' }))
})

it('the auto-close job, when it runs, closes through the queue too', async () => {
  const m = await subscribed('o-ok-5', ['tmpl-none'])
  await post(staff, `/api/items/${m.id}/actions`, { action: 'accept' })
  await post(staff, `/api/items/${m.id}/reply`, { body: '答复' })
  // Eight days ago, as far as the job is concerned.
  await t.db.updateTable('item_event').set({ created_at: new Date(Date.now() - 8 * 86_400_000) }).where('item_id', '=', m.id).execute()
  await t.app.jobs!.send(AUTO_CLOSE_QUEUE, {})
  await waitFor(async () => (await t.db.selectFrom('item').select('status').where('id', '=', m.id).executeTakeFirst())?.status === 'closed', 'the job to close the unrated message')
})
