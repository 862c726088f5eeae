// The built draft page in the mini-program: a reviewer on a phone reads the text (drawn with
// View/Text/Image, no rich-text) and signs 初审 with the version they read.
import { installWx, launchPage, waitFor, type WxRequest } from './support/harness'
import { draftDetail } from '../helpers/draft-fixtures'

const REVIEWER = { id: 'r1', orgId: 'o1', name: '赵科长', roles: ['reviewer'], departmentId: null, departmentName: null }
const draft = (over: Record<string, unknown>) =>
  draftDetail({
    id: 'd0000000-0000-4000-8000-000000000001',
    title: '城关市场开展节前食品安全检查',
    status: 'first_review',
    version: 2,
    caseCount: 1,
    submittedAt: '2026-12-01T00:00:00.000Z',
    content: { blocks: [{ id: 'b1', type: 'paragraph', runs: [{ text: '导语：', marks: ['bold'] }, { text: '2026年11月25日，城关镇农贸市场开展检查。' }] }] },
    credits: [{ userId: 'a', departmentId: null, name: '王宣传', sharePercent: 100 }],
    reviewers: [{ stage: 'first_review', people: [{ id: 'r1', name: '赵科长' }] }],
    allowedActions: [
      { action: 'approve_first', label: '初审通过', needs: null },
      { action: 'return', label: '退回修改', needs: 'note' }
    ],
    ...over
  })
const signed = draft({ status: 'second_review', allowedActions: [], signatures: [{ stage: 'first_review', label: '初审', signer: { id: 'r1', name: '赵科长' }, at: '2026-12-01T01:00:00.000Z', comment: null }] })

const fake = installWx((req: WxRequest) => {
  const url = req.url.replace('http://127.0.0.1:3000', '')
  const id = draft({}).id
  if (url === `/api/drafts/${id}` && req.method === 'GET') return { statusCode: 200, data: draft({}) }
  if (url === `/api/drafts/${id}/actions` && req.method === 'POST') return { statusCode: 200, data: signed }
  return { statusCode: 404, data: { error: 'not_found', message: '未找到' } }
})
fake.storage.set('zb.token', 'tok-reviewer')
fake.storage.set('zb.user', REVIEWER)

const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/actions')).map((r) => r.data)
const buttonLabelled = (page: { querySelectorAll(s: string): { dom: Element; dispatchEvent(e: string): void }[] }, label: string) =>
  page.querySelectorAll('.nut-button').find((b) => b.dom.textContent?.trim() === label)

test('the built draft page shows the structured text and signs 初审 with the version read', async () => {
  const { page } = await launchPage('editorial/pages/draft/index', { id: draft({}).id })
  await waitFor(() => page.dom.textContent.includes('2026年11月25日，城关镇农贸市场开展检查。'), 'the draft text')
  expect(page.dom.querySelectorAll('rich-text').length).toBe(0)
  const approve = await waitFor(() => buttonLabelled(page, '初审通过'), 'the 初审通过 button')
  approve.dispatchEvent('tap')
  await waitFor(() => posts().length === 1, 'POST …/actions')
  expect(posts()[0]).toEqual({ action: 'approve_first', version: 2 })
  await waitFor(() => page.dom.textContent.includes('待复审'), 'the new status')
})
