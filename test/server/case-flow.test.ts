import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { photoUpload } from '../helpers/multipart'
import { jpegWithExif, png } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let officer: SessionView
let staff: SessionView
beforeAll(async () => {
  t = await createTestApp()
  const admin = await t.login('admin', '管理员')
  const dept = await t.db.insertInto('department').values({ org_id: t.orgId, name: '城关市场监管所' }).returning('id').executeTakeFirstOrThrow()
  const inv = (await t.app.inject({ method: 'POST', url: '/api/invitations', headers: bearer(admin), payload: { role: 'officer', departmentId: dept.id } })).json()
  const joiner = await t.login('citizen', '李干部')
  officer = (await t.app.inject({ method: 'POST', url: '/api/invitations/redeem', headers: bearer(joiner), payload: { code: inv.code } })).json()
  staff = await t.login('staff', '王宣传')
})
afterAll(() => t.close())

async function uploadPhoto(session: SessionView, data: Buffer) {
  const { payload, headers } = photoUpload(data)
  const res = await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(session), ...headers }, payload })
  expect(res.statusCode).toBe(201)
  return res.json()
}

const caseBody = (clientId: string, mediaIds: string[]) => ({
  clientId,
  title: '城关市场开展节前食品安全检查',
  body: '今天上午对城关农贸市场 32 户经营户开展检查，发现 2 户未索证索票，已责令整改。',
  occurredAt: '2026-11-25T02:00:00.000Z',
  place: { lat: 34.25, lng: 108.93, address: '城关镇农贸市场' },
  mediaIds
})

describe('POST /api/cases', () => {
  it('is idempotent on clientId under concurrent duplicates: one case, all photos, in order', async () => {
    const p1 = await uploadPhoto(officer, await jpegWithExif(1200, 900, { dateTimeOriginal: '2026:11:25 10:00:00' }))
    const p2 = await uploadPhoto(officer, await png(600, 400))
    const body = caseBody('outbox-entry-0001', [p1.id, p2.id])
    const results = await Promise.all(Array.from({ length: 6 }, () => t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: body })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201])
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    const rows = await t.db.selectFrom('item').select('id').where('client_id', '=', 'outbox-entry-0001').execute()
    expect(rows).toHaveLength(1)
    const created = results[0].json()
    expect(created).toMatchObject({ status: 'new', title: body.title, place: body.place, clientId: 'outbox-entry-0001' })
    expect(created.photos.map((p: { id: string }) => p.id)).toEqual([p1.id, p2.id])
  })

  it('appears in the staff inbox beside messages, with thumbnails; the detail has photos, place and capture time', async () => {
    const citizen = await t.login('citizen', '群众')
    await t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(citizen), payload: { category: 'question', body: '咨询' } })
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(staff) })).json()
    const kinds = inbox.items.map((i: { kind: string }) => i.kind)
    expect(kinds).toEqual(expect.arrayContaining(['case', 'message']))
    const c = inbox.items.find((i: { kind: string }) => i.kind === 'case')
    expect(c).toMatchObject({ title: '城关市场开展节前食品安全检查', photoCount: 2, authorName: '李干部' })
    expect(c.thumbUrls).toHaveLength(2)
    expect((await t.app.inject({ method: 'GET', url: c.thumbUrls[0] })).statusCode).toBe(200)
    const onlyCases = (await t.app.inject({ method: 'GET', url: '/api/inbox?kind=case', headers: bearer(staff) })).json()
    expect(onlyCases.items.every((i: { kind: string }) => i.kind === 'case')).toBe(true)

    const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${c.id}`, headers: bearer(staff) })).json()
    expect(detail).toMatchObject({ kind: 'case', departmentName: '城关市场监管所', place: { address: '城关镇农贸市场', lat: 34.25, lng: 108.93 }, occurredAt: '2026-11-25T02:00:00.000Z' })
    expect(detail.photos[0]).toMatchObject({ takenAt: '2026-11-25T02:00:00.000Z', gps: null })
    expect(detail.allowedActions.sort()).toEqual(['accept', 'archive', 'return'])
  })

  it('returned with a comment, edited and resubmitted by the officer', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody('return-flow-01', []) })).json()
    const ret = await t.app.inject({ method: 'POST', url: `/api/items/${created.id}/actions`, headers: bearer(staff), payload: { action: 'return', note: '请补充检查现场照片' } })
    expect(ret.statusCode).toBe(200)
    const mine = (await t.app.inject({ method: 'GET', url: '/api/cases/mine', headers: bearer(officer) })).json()
    expect(mine.items.find((c: { id: string }) => c.id === created.id)).toMatchObject({ status: 'returned', staffComment: '请补充检查现场照片' })

    const photo = await uploadPhoto(officer, await png(300, 300))
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${created.id}/resubmit`,
      headers: bearer(officer),
      payload: { title: '补充照片后', body: '已补充现场照片。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [photo.id] }
    })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'resubmitted', title: '补充照片后', photos: [{ id: photo.id }] })
  })

  it('archiving needs a reason (400 in Chinese without one), and the officer reads it', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody('archive-flow-01', []) })).json()
    const act = (payload: object) => t.app.inject({ method: 'POST', url: `/api/items/${created.id}/actions`, headers: bearer(staff), payload })
    const bare = await act({ action: 'archive' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().message).toContain('存档时请写明原因')
    const still = (await t.app.inject({ method: 'GET', url: `/api/items/${created.id}`, headers: bearer(staff) })).json()
    expect(still.status).toBe('new')

    expect((await act({ action: 'archive', note: '与已采用的事例重复' })).statusCode).toBe(200)
    const mine = (await t.app.inject({ method: 'GET', url: '/api/cases/mine', headers: bearer(officer) })).json()
    expect(mine.items.find((c: { id: string }) => c.id === created.id)).toMatchObject({ status: 'archived', staffComment: '与已采用的事例重复' })
  })

  it('refuses bad input clearly and writes nothing', async () => {
    const count = async () => (await t.db.selectFrom('item').select('id').where('kind', '=', 'case').execute()).length
    const before = await count()
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload })
    const future = await post({ ...caseBody('future-0001', []), occurredAt: new Date(Date.now() + 86_400_000).toISOString() })
    expect(future.statusCode).toBe(400)
    expect(future.json().message).toMatch(/发生时间不能晚于现在/)
    const noTitle = await post({ ...caseBody('no-title-01', []), title: '' })
    expect(noTitle.json().message).toMatch(/标题不能为空/)
    const tooMany = await post(caseBody('many-photos', Array.from({ length: 10 }, () => '00000000-0000-4000-8000-000000000000')))
    expect(tooMany.statusCode).toBe(400)
    const badDate = await post({ ...caseBody('bad-date-01', []), occurredAt: '昨天' })
    expect(badDate.json().message).toMatch(/发生时间.*格式不正确/)
    const noClient = await post({ ...caseBody('x', []) })
    expect(noClient.json().message).toMatch(/提交编号/)
    expect(await count()).toBe(before)
  })

  it('attaching someone else’s photo is refused; another officer cannot see the case or reach its photos', async () => {
    const other = await t.login('officer', '别的干部')
    const theirs = await uploadPhoto(other, await png(120, 120, true))
    const steal = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(officer), payload: caseBody('steal-photo', [theirs.id]) })
    expect(steal.statusCode).toBe(400)
    expect(steal.json().message).toMatch(/不是您上传的/)

    const mine = (await t.app.inject({ method: 'GET', url: '/api/cases/mine', headers: bearer(officer) })).json().items
    const withPhotos = mine.find((c: { photos: unknown[] }) => c.photos.length > 0)
    const peek = await t.app.inject({ method: 'GET', url: `/api/items/${withPhotos.id}`, headers: bearer(other) })
    expect(peek.statusCode).toBe(404)
    const unsigned = await t.app.inject({ method: 'GET', url: `/api/media/${withPhotos.photos[0].id}/full`, headers: bearer(other) })
    expect(unsigned.statusCode).toBe(403)
  })

  it('only officers post cases', async () => {
    const citizen = await t.login('citizen', '路人')
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(citizen), payload: caseBody('citizen-try', []) })
    expect(res.statusCode).toBe(403)
  })
})

it('the inbox filters by case-only statuses too', async () => {
  // The returned-then-resubmitted case from the test above.
  const res = await t.app.inject({ method: 'GET', url: '/api/inbox?kind=case&status=resubmitted', headers: bearer(staff) })
  expect(res.statusCode).toBe(200)
  expect(res.json().items.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([['补充照片后', 'resubmitted']])
})
