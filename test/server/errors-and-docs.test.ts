import { createTestApp, type TestApp } from '../helpers/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

it('GET /api/openapi.json documents every API route', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
  expect(res.statusCode).toBe(200)
  const doc = res.json()
  expect(doc.openapi).toMatch(/^3\./)
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`))
  for (const route of [
    'GET /api/health',
    'GET /api/health/ready',
    'POST /api/auth/wechat',
    'POST /api/auth/password',
    'POST /api/auth/dev',
    'POST /api/auth/refresh',
    'POST /api/auth/logout',
    'POST /api/auth/password/change',
    'POST /api/me/sessions/revoke-all',
    'POST /api/users/{id}/sessions/revoke',
    'POST /api/users/{id}/password/reset',
    'GET /api/me',
    'POST /api/invitations',
    'POST /api/invitations/redeem',
    'POST /api/messages',
    'GET /api/messages/mine',
    'GET /api/inbox',
    'GET /api/items/{id}',
    'POST /api/items/{id}/actions',
    'POST /api/items/{id}/reply',
    'POST /api/items/{id}/assign',
    'POST /api/items/{id}/priority',
    'POST /api/items/{id}/topics',
    'POST /api/items/{id}/notes',
    'GET /api/me/mentions',
    'POST /api/media',
    'GET /api/media/{id}/{variant}',
    'POST /api/cases',
    'GET /api/cases/mine',
    'POST /api/cases/{id}/resubmit'
  ]) {
    expect(documented).toContain(route)
  }
  expect(doc.paths['/api/messages'].post.requestBody.content['application/json'].schema.properties.body.maxLength).toBe(2000)
  expect(doc.paths['/api/inbox'].get.security).toEqual([{ bearer: [] }])
  // The new desk routes document their bodies, including the version they must carry.
  for (const p of ['assign', 'priority', 'topics', 'notes']) {
    expect(doc.paths[`/api/items/{id}/${p}`].post.requestBody.content['application/json'].schema.required).toContain('version')
  }
  expect(doc.paths['/api/items/{id}/notes'].post.requestBody.content['application/json'].schema.properties.body.maxLength).toBe(2000)
})

it('a 5xx never shows its stack or cause, and carries the request id', async () => {
  const t2 = await createTestApp()
  // Break the database under a live app: the next query fails deep inside the driver.
  await t2.db.destroy()
  const res = await t2.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'citizen', name: '某人' } })
  expect(res.statusCode).toBe(500)
  const body = res.json()
  expect(body).toEqual({ error: 'internal_error', message: expect.stringContaining('服务器开小差了'), requestId: expect.any(String) })
  expect(body.message).toContain(body.requestId)
  expect(res.body).not.toMatch(/destroy|kysely|pg|\.ts:/i)
  await t2.close()
})
