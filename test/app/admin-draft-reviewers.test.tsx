import { fireEvent, render, screen } from '@testing-library/react'
import { session } from '@/services/session'
import { DraftReviewersSection } from '@/admin/sections/draft-reviewers'
import { fakeServer, type SentRequest } from './support/network'

const adminUser = { id: 'u-admin', orgId: 'o1', name: '管理员甲', roles: ['citizen', 'admin'], departmentId: null, departmentName: null }
beforeEach(() => session.save({ token: 'tok-admin', user: adminUser as never }))
afterEach(() => jest.restoreAllMocks())

const stages = (first: { id: string; name: string }[]) => [
  { stage: 'first_review', label: '初审', hint: '科室负责人', people: first },
  { stage: 'second_review', label: '复审', hint: '分管领导', people: [] },
  { stage: 'final_review', label: '终审', hint: '主要领导', people: [] }
]

test('三审审核人: each department’s stages list the desk people; saving sends who signs which stage', async () => {
  const sent: SentRequest[] = fakeServer((req) => {
    if (req.url === '/api/admin/draft-reviewers' && req.method === 'GET')
      return { statusCode: 200, data: { departments: [{ department: { id: 'd1', name: '城关所' }, stages: stages([{ id: 'u-zhao', name: '赵科长' }]) }] } }
    // The desk colleagues, whole (the server lists enabled staff, reviewers and admins only).
    if (req.url === '/api/people')
      return {
        statusCode: 200,
        data: {
          people: [
            { id: 'u-zhao', name: '赵科长', roles: ['citizen', 'reviewer'], department: null, disabled: false },
            { id: 'u-qian', name: '钱局长', roles: ['citizen', 'reviewer'], department: null, disabled: false }
          ]
        }
      }
    if (req.url === '/api/admin/draft-reviewers/d1' && req.method === 'PUT') return { statusCode: 200, data: { department: { id: 'd1', name: '城关所' }, stages: stages([]) } }
    return { statusCode: 404, data: { error: 'not_found', message: '无' } }
  })
  render(<DraftReviewersSection />)
  expect(await screen.findByText('城关所')).toBeInTheDocument()
  // Not the admin's paged people list (officers, and only its first page).
  expect(sent.some((r) => r.url.startsWith('/api/admin/people'))).toBe(false)
  const finalChips = document.querySelector('[aria-label="城关所终审审核人"]')!
  fireEvent.click(Array.from(finalChips.children).find((c) => c.textContent === '钱局长')!)
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('已保存')).toBeInTheDocument()
  expect(sent.find((r) => r.method === 'PUT')!.data).toEqual({ first_review: ['u-zhao'], second_review: [], final_review: ['u-qian'] })
})
