import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'

let t: TestApp
let officer: SessionView
beforeAll(async () => {
  t = await createTestApp()
  officer = await t.login('officer', '李干部')
})
afterAll(() => t.close())

const message = (clientId: string) =>
  t.app.inject({ method: 'POST', url: '/api/messages', headers: bearer(officer), payload: { category: 'question', body: '个体户年报几月截止？', clientId } })
const caseReport = (clientId: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: bearer(officer),
    payload: { clientId, title: '节前食品安全检查', body: '检查农贸市场 32 户经营户。', occurredAt: '2026-11-25T02:00:00.000Z', mediaIds: [] }
  })

describe('client ids are per kind', () => {
  it('a case after a message with the same client id is a new case, not the message', async () => {
    const m = await message('shared-id-0001')
    expect(m.statusCode).toBe(201)
    const c = await caseReport('shared-id-0001')
    expect(c.statusCode).toBe(201)
    expect(c.json()).toMatchObject({ clientId: 'shared-id-0001', title: '节前食品安全检查' })
    expect(c.json().id).not.toBe(m.json().id)
    // The retry of the case still finds the case.
    const retry = await caseReport('shared-id-0001')
    expect(retry.statusCode).toBe(200)
    expect(retry.json().id).toBe(c.json().id)
  })

  it('a message after a case with the same client id is a new message', async () => {
    const c = await caseReport('shared-id-0002')
    expect(c.statusCode).toBe(201)
    const m = await message('shared-id-0002')
    expect(m.statusCode).toBe(201)
    expect(m.json().trackingCode).toEqual(expect.any(String))
    expect(m.json().id).not.toBe(c.json().id)
    const kinds = await t.db.selectFrom('item').select('kind').where('client_id', '=', 'shared-id-0002').orderBy('kind').execute()
    expect(kinds.map((k) => k.kind)).toEqual(['case', 'message'])
  })
})
