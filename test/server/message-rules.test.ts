// Issue 8 "Leave a message": every category rule of domain/message/rules.ts, photos without GPS,
// anonymous tip-offs that show staff no identity, and the masked phone with its logged reveal.
import { sql } from 'kysely'
import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { photoUpload } from '../helpers/multipart'
import { jpegWithExif } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let citizen: SessionView
let staff: SessionView
let reviewer: SessionView
beforeAll(async () => {
  t = await createTestApp()
  citizen = await t.login('citizen', '李留言')
  staff = await t.login('staff', '王宣传')
  reviewer = await t.login('reviewer', '赵科长')
}, 120_000)
afterAll(() => t.close())

const post = (payload: unknown, who: SessionView = citizen) => t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(who), payload: payload as object })
const detail = (id: string, who: SessionView = staff) => t.app.inject({ method: 'GET', url: `/api/items/${id}`, headers: bearer(who) })
const reveal = (id: string, who: SessionView = staff) => t.app.inject({ method: 'POST', url: `/api/items/${id}/reveal-contact`, headers: bearer(who) })

const COMPLAINT = { category: 'complaint', body: '在超市买到过期牛奶，要求退货被拒绝。', contactPhone: '13812345678', business: { name: '城关镇惠民超市' } }

async function expect400(res: Awaited<ReturnType<typeof post>>, words: RegExp) {
  expect(res.statusCode).toBe(400)
  expect(res.json().message).toMatch(words)
}

describe('the category rules', () => {
  it('a complaint needs a contact phone, and says how to add one', async () => {
    const { contactPhone: _, ...rest } = COMPLAINT
    await expect400(await post(rest), /投诉需要联系电话：请填写手机号，便于工作人员核实和调解/)
  })

  it('a complaint needs the business concerned', async () => {
    const { business: _, ...rest } = COMPLAINT
    await expect400(await post(rest), /投诉需要写明涉及的商家：请填写商家名称/)
    await expect400(await post({ ...rest, business: { name: '   ' } }), /投诉需要写明涉及的商家/)
  })

  it('says everything that is missing at once', async () => {
    await expect400(await post({ category: 'complaint', body: '缺东西' }), /联系电话.*；.*商家/)
  })

  it('a complete complaint is stored with its business, and staff see it with the phone masked', async () => {
    const res = await post({ ...COMPLAINT, business: { name: '城关镇惠民超市', creditCode: '91350100M000100Y43' }, place: { address: '城关镇人民路 12 号', lat: 34.25, lng: 108.93 } })
    expect(res.statusCode).toBe(201)
    const d = (await detail(res.json().id)).json()
    expect(d).toMatchObject({
      category: 'complaint',
      contactPhone: '138****5678',
      contactRevealable: true,
      anonymous: false,
      business: { name: '城关镇惠民超市', creditCode: '91350100M000100Y43' },
      place: { address: '城关镇人民路 12 号', lat: 34.25, lng: 108.93 },
      authorName: '李留言'
    })
    // The author sees their own number in full.
    expect((await detail(res.json().id, citizen)).json().contactPhone).toBe('13812345678')
  })

  it('checks the 统一社会信用代码 check character (GB 32100-2015), not only its format', async () => {
    // The well-known sample code with its last character changed: right format, wrong check.
    await expect400(await post({ ...COMPLAINT, business: { name: '某公司', creditCode: '91350100M000100Y44' } }), /统一社会信用代码不正确.*18 位/)
    // Letters I, O, S, V, Z never occur in a code: the schema refuses them.
    await expect400(await post({ ...COMPLAINT, business: { name: '某公司', creditCode: '91350100M000100O43' } }), /统一社会信用代码/)
    await expect400(await post({ ...COMPLAINT, business: { name: '某公司', creditCode: '9135010' } }), /统一社会信用代码/)
    for (const code of ['911100001000079554', '9144030071526726XG']) {
      expect((await post({ ...COMPLAINT, business: { name: '某公司', creditCode: code } })).statusCode).toBe(201)
    }
  })

  it('a praise names who is praised; other categories do not', async () => {
    await expect400(await post({ category: 'praise', body: '办事很快，谢谢！' }), /表扬需要写明表扬对象/)
    await expect400(await post({ ...COMPLAINT, praised: '张三' }), /只有表扬需要填写表扬对象/)
    await expect400(await post({ category: 'praise', body: '谢谢', praised: '窗口', business: { name: '某店' } }), /表扬不需要填写商家/)
    const res = await post({ category: 'praise', body: '办事很快，谢谢！', praised: '登记窗口刘科员' })
    expect(res.statusCode).toBe(201)
    expect((await detail(res.json().id)).json()).toMatchObject({ praised: '登记窗口刘科员', business: null })
  })

  it('a map point needs both coordinates', async () => {
    await expect400(await post({ category: 'question', body: '问一下', place: { address: '人民路', lat: 34.2 } }), /纬度和经度/)
    await expect400(await post({ category: 'question', body: '问一下', place: { address: '人民路', lat: 91, lng: 108 } }), /纬度/)
  })

  it('only a tip-off may be anonymous, and an anonymous one carries no phone', async () => {
    await expect400(await post({ ...COMPLAINT, anonymous: true }), /只有举报可以匿名/)
    await expect400(await post({ category: 'tipoff', body: '有人卖假烟', anonymous: true, contactPhone: '13812345678' }), /匿名举报不留联系电话/)
  })
})

describe('an anonymous tip-off', () => {
  let id: string
  let code: string
  beforeAll(async () => {
    const res = await post({ category: 'tipoff', body: '北街某烟酒店出售假冒香烟。', anonymous: true, business: { name: '北街某烟酒店' } })
    expect(res.statusCode).toBe(201)
    ;({ id, trackingCode: code } = res.json())
  })

  it('shows staff no identity: no name, no phone, the author unnamed in the timeline and the inbox', async () => {
    const d = (await detail(id)).json()
    expect(d).toMatchObject({ anonymous: true, authorName: '匿名举报人', contactPhone: null, contactRevealable: false })
    expect(d.timeline[0]).toMatchObject({ action: 'create', actorName: '匿名举报人' })
    expect(JSON.stringify(d)).not.toContain('李留言')
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(staff) })).json()
    const row = inbox.items.find((i: { id: string }) => i.id === id)
    expect(row.authorName).toBe('匿名举报人')
    expect(JSON.stringify(row)).not.toContain('李留言')
  })

  it('is still followed by its author with its 留言码', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(citizen) })).json()
    expect(mine.items.find((m: { id: string }) => m.id === id)).toMatchObject({ trackingCode: code, status: 'new' })
  })

  it('has nothing to reveal', async () => {
    const res = await reveal(id)
    expect(res.statusCode).toBe(409)
    expect(res.json().message).toMatch(/匿名举报，没有可查看的联系方式/)
  })

  it('is not matched with its author’s other messages as 同一留言人', async () => {
    const named = await post({ category: 'tipoff', body: '北街某烟酒店出售假冒香烟，还卖过期酒。' })
    const dup = (await t.app.inject({ method: 'GET', url: `/api/items/${named.json().id}/duplicates`, headers: bearer(staff) })).json()
    const found = dup.candidates.find((c: { id: string }) => c.id === id)
    expect(found.reasons).toContain('text')
    expect(found.reasons).not.toContain('author')
  })

  it('a stale-version answer does not name the author who reopened it', async () => {
    const v1 = (await detail(id)).json().version
    await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(staff), payload: { action: 'accept' } })
    await t.app.inject({ method: 'POST', url: `/api/items/${id}/reply`, headers: bearer(staff), payload: { body: '已转执法大队核查。' } })
    expect((await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(citizen), payload: { action: 'reopen', note: '没有处理' } })).statusCode).toBe(200)
    const stale = await t.app.inject({ method: 'POST', url: `/api/items/${id}/actions`, headers: bearer(staff), payload: { action: 'start', version: v1 } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().message).toContain('匿名举报人')
    expect(JSON.stringify(stale.json())).not.toContain('李留言')
  })

  it('the database refuses an anonymous row with a phone or of another category', async () => {
    const row = (await t.db.selectFrom('message').select('item_id').where('item_id', '=', id).executeTakeFirstOrThrow()).item_id
    await expect(t.db.updateTable('message').set({ contact_phone: '13812345678' }).where('item_id', '=', row).execute()).rejects.toThrow(/message_anonymous_check/)
    await expect(t.db.updateTable('message').set({ category: 'complaint' }).where('item_id', '=', row).execute()).rejects.toThrow(/message_anonymous_check/)
  })
})

describe('photos on a message', () => {
  const upload = async (who: SessionView, seed: number) => {
    const jpeg = await jpegWithExif(800 + seed, 600, { dateTimeOriginal: '2026:11:25 09:00:00', gps: { latRef: 'N', lat: '34/1 15/1 0/1', lngRef: 'E', lng: '108/1 56/1 0/1' } })
    const { payload, headers } = photoUpload(jpeg)
    const res = await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(who), ...headers }, payload })
    expect(res.statusCode).toBe(201)
    return res.json().id as string
  }

  it('keeps no GPS from a citizen’s JPEG that carries it, and staff see the photos on the item', async () => {
    const ids = [await upload(citizen, 1), await upload(citizen, 2)]
    const rows = await t.db.selectFrom('media').select(['gps_lat', 'gps_lng', 'device_lat', 'device_lng', 'device_taken_at']).where('id', 'in', ids).execute()
    expect(rows).toEqual(ids.map(() => ({ gps_lat: null, gps_lng: null, device_lat: null, device_lng: null, device_taken_at: null })))
    const res = await post({ ...COMPLAINT, mediaIds: ids })
    expect(res.statusCode).toBe(201)
    const d = (await detail(res.json().id)).json()
    expect(d.photos.map((p: { id: string }) => p.id)).toEqual(ids)
    expect(d.photos.every((p: { gps: unknown }) => p.gps === null)).toBe(true)
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox', headers: bearer(staff) })).json()
    expect(inbox.items.find((i: { id: string }) => i.id === res.json().id)).toMatchObject({ photoCount: 2 })
  })

  it('takes at most 6 photos', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`)
    await expect400(await post({ ...COMPLAINT, mediaIds: ids }), /照片/)
  })

  it('refuses photos the author did not upload', async () => {
    const other = await t.login('citizen', '别人')
    const theirs = await upload(other, 3)
    await expect400(await post({ ...COMPLAINT, mediaIds: [theirs] }), /有 1 张照片不存在或不是您上传的/)
  })
})

describe('查看完整号码', () => {
  let id: string
  beforeAll(async () => {
    id = (await post(COMPLAINT)).json().id
  })

  it('gives staff the full number and logs who saw it, as an internal event, every time', async () => {
    const before = (await detail(id)).json().version
    for (let i = 0; i < 2; i++) {
      const res = await reveal(id)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ phone: '13812345678' })
    }
    const d = (await detail(id)).json()
    const reveals = d.timeline.filter((e: { action: string }) => e.action === 'reveal_contact')
    expect(reveals).toHaveLength(2)
    expect(reveals[0]).toMatchObject({ actorName: '王宣传', isPublic: false })
    // Seeing a number changes nothing a colleague is editing.
    expect(d.version).toBe(before)
    // The citizen never sees who looked.
    const mine = (await t.app.inject({ method: 'GET', url: '/api/messages/mine', headers: bearer(citizen) })).json()
    expect(JSON.stringify(mine)).not.toContain('reveal_contact')
  })

  it('is refused to reviewers and citizens, and to another bureau', async () => {
    expect((await detail(id, reviewer)).json()).toMatchObject({ contactPhone: '138****5678', contactRevealable: false })
    expect((await reveal(id, reviewer)).statusCode).toBe(403)
    expect((await reveal(id, citizen)).statusCode).toBe(403)
    const elsewhere = await t.loginElsewhere(['staff'])
    expect((await reveal(id, elsewhere)).statusCode).toBe(404)
    const logged = await t.db.selectFrom('item_event').select('actor_id').where('item_id', '=', id).where('action', '=', 'reveal_contact').execute()
    expect(logged.every((e) => e.actor_id === staff.user.id)).toBe(true)
  })

  it('says when there is no number', async () => {
    const none = (await post({ category: 'question', body: '年报什么时候截止？' })).json().id
    const res = await reveal(none)
    expect(res.statusCode).toBe(409)
    expect(res.json().message).toMatch(/没有留联系电话/)
  })
})

describe('the database holds the columns to their limits', () => {
  it('refuses a credit code of the wrong shape and a map point without an address', async () => {
    const id = (await post(COMPLAINT)).json().id
    await expect(t.db.updateTable('message').set({ business_credit_code: 'abc' }).where('item_id', '=', id).execute()).rejects.toThrow(/message_business_credit_code_check/)
    await expect(t.db.updateTable('message').set({ place_lat: 30, place_lng: 120 }).where('item_id', '=', id).execute()).rejects.toThrow(/message_place_point_check/)
    await expect(sql`update message set praised = repeat('表', 61) where item_id = ${id}`.execute(t.db)).rejects.toThrow(/message_praised_check/)
  })

  it('finds a message by its business in the desk search', async () => {
    const id = (await post({ ...COMPLAINT, business: { name: '独一无二鲜果行' } })).json().id
    const res = (await t.app.inject({ method: 'GET', url: `/api/inbox?q=${encodeURIComponent('鲜果行')}`, headers: bearer(staff) })).json()
    expect(res.items.map((i: { id: string }) => i.id)).toContain(id)
  })
})
