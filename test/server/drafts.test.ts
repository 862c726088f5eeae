import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import { photoUpload } from '../helpers/multipart'
import { jpegWithExif } from '../helpers/images'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let admin: SessionView
let officer: SessionView
let staff: SessionView
let r1: SessionView
let r2: SessionView
let r3: SessionView
let deptId: string

const api = (s: SessionView, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: bearer(s), ...(payload ? { payload } : {}) })

async function acceptedCase(title = '城关市场开展节前食品安全检查', body = '今天上午对城关农贸市场 32 户经营户开展检查，发现 2 户未索证索票，已责令整改。', accept = true) {
  const { payload, headers } = photoUpload(await jpegWithExif(800, 600, { dateTimeOriginal: '2026:11:25 10:00:00' }))
  const photo = (await t.app.inject({ method: 'POST', url: '/api/media', headers: { ...bearer(officer), ...headers }, payload })).json()
  const c = (
    await api(officer, 'POST', '/cases', {
      clientId: `case-${Math.random().toString(36).slice(2, 12)}`,
      title,
      body,
      occurredAt: '2026-11-25T02:00:00.000Z',
      place: { address: '城关镇农贸市场' },
      mediaIds: [photo.id]
    })
  ).json()
  if (accept) expect((await api(staff, 'POST', `/items/${c.id}/actions`, { action: 'accept' })).statusCode).toBe(200)
  return c.id as string
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员')
  officer = await t.login('officer', '李干部')
  staff = await t.login('staff', '王宣传')
  r1 = await t.login('reviewer', '赵科长')
  r2 = await t.login('reviewer', '钱副局长')
  r3 = await t.login('reviewer', '孙局长')
  deptId = (await t.db.insertInto('department').values({ org_id: t.orgId, name: '综合办公室' }).returning('id').executeTakeFirstOrThrow()).id
  // r1 may sign every stage (a small unit): the table still lets them sign only one per draft.
  const put = await api(admin, 'PUT', `/admin/draft-reviewers/${deptId}`, {
    first_review: [r1.user.id, staff.user.id],
    second_review: [r2.user.id, r1.user.id],
    final_review: [r3.user.id, r1.user.id]
  })
  expect(put.statusCode).toBe(200)
  expect(put.json().stages.map((s: { people: unknown[] }) => s.people.length)).toEqual([2, 2, 2])
})
afterAll(() => t.close())

async function newDraft(type = 'news', caseIds?: string[]) {
  const res = await api(staff, 'POST', '/drafts', { type, caseIds: caseIds ?? [await acceptedCase()], departmentId: deptId })
  expect(res.statusCode).toBe(201)
  return res.json()
}

const act = (s: SessionView, id: string, version: number, action: string, extra: object = {}) => api(s, 'POST', `/drafts/${id}/actions`, { action, version, ...extra })

describe('drafts from cases', () => {
  it('writes a news skeleton from an accepted case, which moves to used and shows where it was used', async () => {
    const caseId = await acceptedCase()
    const d = await newDraft('news', [caseId])
    expect(d).toMatchObject({ status: 'drafting', version: 1, type: 'news', caseCount: 1, department: { id: deptId } })
    const text = JSON.stringify(d.content)
    expect(text).toContain('2026年11月25日')
    expect(text).toContain('城关镇农贸市场')
    expect(text).toContain('32 户经营户')
    expect(text).toContain('【请补充：处理结果】')
    const image = d.content.blocks.find((b: { type: string }) => b.type === 'image')
    expect(image.caption).toContain('摄于2026年11月25日 10:00')
    expect(d.cases[0].photos).toHaveLength(1)
    const item = (await api(staff, 'GET', `/items/${caseId}`)).json()
    expect(item.status).toBe('used')
    const used = (await api(staff, 'GET', `/items/${caseId}/drafts`)).json()
    expect(used.drafts).toEqual([expect.objectContaining({ id: d.id, type: 'news' })])
    // A case feeds several drafts: the used case makes a 政务信息 too, facts first and shorter.
    const info = await newDraft('information', [caseId])
    expect(info.content.blocks[0].runs[0].text).toMatch(/^2026年11月25日，城关镇农贸市场/)
    expect(JSON.stringify(info.content)).toContain('主要做法')
    expect((await api(staff, 'GET', `/items/${caseId}/drafts`)).json().drafts).toHaveLength(2)
  })

  it('refuses a case not yet accepted, another bureau, and people who do not write', async () => {
    const fresh = await acceptedCase('未采用的事例', '内容', false)
    const res = await api(staff, 'POST', '/drafts', { type: 'news', caseIds: [fresh], departmentId: deptId })
    expect(res.statusCode).toBe(409)
    expect(res.json().message).toContain('采用为素材后')
    expect((await api(r1, 'POST', '/drafts', { type: 'news', caseIds: [fresh], departmentId: deptId })).statusCode).toBe(403)
    const d = await newDraft()
    const other = await t.loginElsewhere(['staff', 'reviewer'])
    expect((await api(other, 'GET', `/drafts/${d.id}`)).statusCode).toBe(404)
    expect((await api(other, 'POST', `/drafts/${d.id}/actions`, { action: 'submit', version: 1 })).statusCode).toBe(404)
  })

  it('every save is a version; a stale version is refused with 409; versions diff word by word', async () => {
    const d = await newDraft()
    const blocks = [...d.content.blocks]
    blocks[1] = { id: blocks[1].id, type: 'paragraph', runs: [{ text: '今天上午对城关农贸市场 32 户经营户开展检查，全部合格。' }] }
    const saved = await api(staff, 'PUT', `/drafts/${d.id}`, { version: 1, title: '新标题', content: { blocks } })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ version: 2, title: '新标题' })
    const stale = await api(staff, 'PUT', `/drafts/${d.id}`, { version: 1, title: '旧的', content: { blocks } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ error: 'stale_version', details: { currentVersion: 2, yourVersion: 1 } })
    const versions = (await api(staff, 'GET', `/drafts/${d.id}/versions`)).json().versions
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1])
    const diff = (await api(staff, 'GET', `/drafts/${d.id}/diff?from=1&to=2`)).json()
    const changed = diff.blocks.find((b: { anchor: string }) => b.anchor === blocks[1].id)
    expect(changed.change).toBe('changed')
    expect(changed.parts.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value).join('')).toContain('合格')
    expect(diff.title.some((p: { removed: boolean }) => p.removed)).toBe(true)
    // Images only from the draft's own cases; raw HTML is just text, never markup.
    const foreign = await api(staff, 'PUT', `/drafts/${d.id}`, { version: 2, title: 't', content: { blocks: [{ id: 'x1', type: 'image', mediaId: '00000000-0000-4000-8000-000000000000', caption: '' }] } })
    expect(foreign.statusCode).toBe(400)
    // Topics: the bureau's active focus topics of this year only.
    const unknown = await api(staff, 'PUT', `/drafts/${d.id}`, { version: 2, title: 't', content: { blocks }, topics: ['随便写的'] })
    expect(unknown.json()).toMatchObject({ error: 'unknown_topic' })
    const html = await api(staff, 'PUT', `/drafts/${d.id}`, { version: 2, title: 't', content: { blocks: [{ id: 'x1', type: 'paragraph', runs: [{ text: 'a', html: '<b>' }] }] } })
    expect(html.statusCode).toBe(400)
  })

  it('comments anchor to a paragraph of a version', async () => {
    const d = await newDraft()
    const anchor = d.content.blocks[0].id
    const ok = await api(r1, 'POST', `/drafts/${d.id}/comments`, { version: 1, anchor, body: '导语太长' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().comments).toEqual([expect.objectContaining({ anchor, version: 1, body: '导语太长', author: expect.objectContaining({ name: '赵科长' }) })])
    expect((await api(r1, 'POST', `/drafts/${d.id}/comments`, { version: 1, anchor: 'nope', body: 'x' })).statusCode).toBe(400)
    const resolved = await api(staff, 'POST', `/drafts/${d.id}/comments/${ok.json().comments[0].id}/resolve`)
    expect(resolved.json().comments[0].resolvedAt).toEqual(expect.any(String))
  })
})

describe('三审', () => {
  it('three approvals by three different people; an earlier signer is refused at a later stage; flags block 终审 until acknowledged', async () => {
    const d = await newDraft()
    // An outdated agency name and a figure that the case does not state.
    const blocks = [...d.content.blocks, { id: 'extra', type: 'paragraph', runs: [{ text: '县工商局共检查 99 户，举报电话 13812345678。' }] }]
    const v2 = (await api(staff, 'PUT', `/drafts/${d.id}`, { version: 1, title: d.title, content: { blocks } })).json()
    const kinds = v2.flags.map((f: { kind: string; excerpt: string }) => `${f.kind}:${f.excerpt}`)
    expect(kinds).toEqual(expect.arrayContaining(['expression:工商局', 'figure:99 户', 'personal_data:13812345678']))
    expect(kinds).not.toContain('figure:32 户')
    expect(v2.openFlags).toBe(v2.flags.length)

    expect((await act(staff, d.id, 2, 'submit')).statusCode).toBe(200)
    // The author is configured for 初审 but never reviews their own draft.
    const own = await act(staff, d.id, 2, 'approve_first')
    expect(own.statusCode).toBe(403)
    expect(own.json().message).toContain('自己')
    // 待我审核: r1 sees it at 初审; r2 does not yet.
    expect((await api(r1, 'GET', '/drafts?view=review')).json().drafts.map((x: { id: string }) => x.id)).toContain(d.id)
    expect((await api(r2, 'GET', '/drafts?view=review')).json().drafts.map((x: { id: string }) => x.id)).not.toContain(d.id)
    expect((await act(r1, d.id, 2, 'approve_first', { note: '同意' })).statusCode).toBe(200)
    // r1 is configured for 复审 too, but signed 初审: refused, and the queue does not offer it.
    const twice = await act(r1, d.id, 2, 'approve_second')
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error).toBe('stage_already_signed')
    expect((await api(r1, 'GET', '/drafts?view=review')).json().drafts.map((x: { id: string }) => x.id)).not.toContain(d.id)
    expect((await act(r2, d.id, 2, 'approve_second')).statusCode).toBe(200)
    // A stale version: the reviewer must sign what they read.
    expect((await act(r3, d.id, 1, 'approve_final')).statusCode).toBe(409)
    const blocked = await act(r3, d.id, 2, 'approve_final')
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json().error).toBe('open_flags')
    // Only this stage's reviewer acknowledges; the acknowledgement is kept with who and why.
    const flag = v2.flags[0]
    expect((await api(staff, 'POST', `/drafts/${d.id}/flags/${flag.id}/acknowledge`, { note: '已核实' })).statusCode).toBe(403)
    let detail = v2
    for (const f of v2.flags) detail = (await api(r3, 'POST', `/drafts/${d.id}/flags/${f.id}/acknowledge`, { note: '已与事例核实' })).json()
    expect(detail.openFlags).toBe(0)
    expect(detail.flags[0].acknowledged).toMatchObject({ by: { name: '孙局长' }, note: '已与事例核实' })
    // The fourth attempt, by the 初审 signer at 终审: refused.
    expect((await act(r1, d.id, 2, 'approve_final')).json().error).toBe('stage_already_signed')
    const approved = await act(r3, d.id, 2, 'approve_final', { note: '同意发表' })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', approvedAt: expect.any(String) })
    expect(approved.json().signatures.map((s: { signer: { name: string } }) => s.signer.name)).toEqual(['赵科长', '钱副局长', '孙局长'])
    // Publishing goes through the ledger, not this route.
    expect((await act(staff, d.id, 2, 'publish')).json().error).toBe('taken_elsewhere')
    // The writer heard of the approval; reviewers heard it was their turn.
    const bell = (await api(staff, 'GET', '/notifications')).json()
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('draft_approved')
    expect(bell.items.find((n: { kind: string }) => n.kind === 'draft_approved').subject).toEqual({ type: 'draft', id: d.id })
    expect((await api(r2, 'GET', '/notifications')).json().items.map((n: { kind: string }) => n.kind)).toContain('review_requested')
  })

  it('a return resets the signatures; after resubmission the same person keeps to the stage they held', async () => {
    const d = await newDraft()
    await act(staff, d.id, 1, 'submit')
    await act(r1, d.id, 1, 'approve_first')
    const noComment = await act(r2, d.id, 1, 'return')
    expect(noComment.statusCode).toBe(400)
    const returned = await act(r2, d.id, 1, 'return', { note: '请补充处理结果' })
    // Back with the writer: editable for them, not for the reviewer who returned it.
    expect(returned.json()).toMatchObject({ status: 'drafting', editable: false })
    expect((await api(staff, 'GET', `/drafts/${d.id}`)).json().editable).toBe(true)
    expect(returned.json().signatures.every((s: { signer: unknown }) => s.signer === null)).toBe(true)
    expect((await api(staff, 'GET', '/notifications')).json().items[0]).toMatchObject({ kind: 'draft_returned', body: expect.stringContaining('请补充处理结果') })
    expect((await act(staff, d.id, 1, 'submit')).json().error).toBe('already_submitted')
    expect((await act(staff, d.id, 1, 'resubmit')).statusCode).toBe(200)
    // r2 returned at 复审: it is their stage now, not 初审.
    expect((await act(r2, d.id, 1, 'approve_first')).statusCode).toBe(403)
    expect((await act(r1, d.id, 1, 'approve_first')).statusCode).toBe(200)
    expect((await act(r2, d.id, 1, 'approve_second')).statusCode).toBe(200)
    const events = (await api(staff, 'GET', `/drafts/${d.id}`)).json().events.map((e: { action: string; stage: string | null }) => `${e.action}${e.stage ? '@' + e.stage : ''}`)
    expect(events).toEqual(['create', 'submit', 'approve_first@first_review', 'return@second_review', 'resubmit', 'approve_first@first_review', 'approve_second@second_review'])
  })

  it('a person not configured for the stage cannot sign it; editing is refused during review', async () => {
    const d = await newDraft()
    await act(staff, d.id, 1, 'submit')
    const stranger = await t.login('reviewer', '周路人')
    expect((await act(stranger, d.id, 1, 'approve_first')).json().error).toBe('not_stage_reviewer')
    expect((await api(staff, 'PUT', `/drafts/${d.id}`, { version: 1, title: 'x', content: d.content })).json().error).toBe('not_editable')
  })
})

describe('admin', () => {
  it('lists and extends the expression list; the scan uses the bureau’s own', async () => {
    const list = (await api(staff, 'GET', '/admin/editorial-expressions')).json()
    expect(list.expressions.find((e: { phrase: string }) => e.phrase === '工商局')).toMatchObject({ suggestion: '市场监管局', builtin: true })
    const added = await api(admin, 'POST', '/admin/editorial-expressions', { phrase: '老百姓', suggestion: '群众' })
    expect(added.statusCode).toBe(201)
    expect((await api(admin, 'POST', '/admin/editorial-expressions', { phrase: '老百姓' })).statusCode).toBe(409)
    expect((await api(staff, 'POST', '/admin/editorial-expressions', { phrase: '别的' })).statusCode).toBe(403)
    const d = await newDraft()
    const saved = (await api(staff, 'PUT', `/drafts/${d.id}`, { version: 1, title: d.title, content: { blocks: [{ id: 'p', type: 'paragraph', runs: [{ text: '老百姓点赞' }] }] } })).json()
    expect(saved.flags.map((f: { excerpt: string }) => f.excerpt)).toContain('老百姓')
    expect((await api(admin, 'DELETE', `/admin/editorial-expressions/${added.json().id}`)).statusCode).toBe(204)
  })
})
