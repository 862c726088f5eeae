import { createTestApp, bearer, type TestApp } from '../helpers/test-app'
import type { SessionView } from '../../domain/schemas/auth'
import type { AdminPersonView } from '../../domain/schemas/admin'
import type { Role } from '../../domain/roles'
import { LIMITS } from '../../domain/limits'
import { encodeCursor, filterTag } from '../../server/http/cursor'

let t: TestApp
let admin: SessionView
let outsider: SessionView & { orgId: string }
let dept: { id: string; name: string }
let other: { id: string; name: string }

// More people than one default page, in every shape the order must cope with: one name held by
// three people (the id decides), two long names alike in their first 32 characters (the key is
// the name's first 32), Latin and Chinese names, usernames, disabled people, citizens (never
// listed) and a bureau next door with a namesake (never listed either).
const LONG = '城关市场监督管理所综合执法队第一中队食品安全检查组组长兼联络员'
const PEOPLE: { name: string; roles: Role[]; dept?: 'dept' | 'other'; username?: string; disabled?: boolean }[] = [
  ...Array.from({ length: 56 }, (_, i) => ({ name: `干部${String(i).padStart(2, '0')}`, roles: ['citizen', 'officer'] as Role[], dept: (i % 3 === 0 ? 'dept' : i % 3 === 1 ? 'other' : undefined) as 'dept' | 'other' | undefined })),
  { name: '王芳', roles: ['citizen', 'staff'], dept: 'dept' },
  { name: '王芳', roles: ['citizen', 'reviewer'] },
  { name: '王芳', roles: ['citizen', 'officer'], disabled: true },
  { name: `${LONG}甲`, roles: ['citizen', 'officer'] },
  { name: `${LONG}乙`, roles: ['citizen', 'officer'] },
  { name: 'Zhang Wei', roles: ['citizen', 'staff'], username: 'ZhangW_13800138000' },
  { name: '百分之百', roles: ['citizen', 'officer'], username: 'pct%_user' }
]

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin', '管理员甲')
  outsider = await t.loginElsewhere(['citizen', 'admin'], '外局管理员')
  dept = (await call(admin, '/api/admin/departments', 'POST', { name: '城关所' })).json()
  other = (await call(admin, '/api/admin/departments', 'POST', { name: '执法大队' })).json()
  await t.db
    .insertInto('app_user')
    .values([
      ...PEOPLE.map((p) => ({
        org_id: t.orgId,
        name: p.name,
        roles: p.roles,
        username: p.username ?? null,
        department_id: p.dept === 'dept' ? dept.id : p.dept === 'other' ? other.id : null,
        disabled_at: p.disabled ? new Date() : null
      })),
      ...['群众甲', '群众乙', '王芳'].map((name) => ({ org_id: t.orgId, name, roles: ['citizen'] as Role[] })),
      { org_id: outsider.orgId, name: '王芳', roles: ['citizen', 'staff'] as Role[] }
    ])
    .execute()
})
afterAll(() => t.close())

function call(s: SessionView, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) {
  return t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) })
}
const people = (query: Record<string, string | number>) => call(admin, `/api/admin/people?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`)

/** Every page of a filter, following nextCursor to the end. */
async function walk(query: Record<string, string>, limit: number) {
  const pages: AdminPersonView[][] = []
  let cursor: string | null = null
  do {
    const res = await people({ ...query, limit, ...(cursor ? { cursor } : {}) })
    expect(res.statusCode).toBe(200)
    const body = res.json() as { people: AdminPersonView[]; nextCursor: string | null }
    pages.push(body.people)
    cursor = body.nextCursor
    expect(pages.length).toBeLessThan(200)
  } while (cursor)
  return pages
}
/** The whole filter in one page (every set here is below the largest page). */
async function whole(query: Record<string, string>) {
  const res = await people({ ...query, limit: LIMITS.pageSize })
  expect(res.json().nextCursor).toBeNull()
  return res.json().people as AdminPersonView[]
}
const ids = (list: AdminPersonView[]) => list.map((p) => p.id)

describe('GET /api/admin/people pages in name order', () => {
  it('a default page of 50 and a cursor; walking any page size meets everyone once, in the one order', async () => {
    const first = await people({})
    expect(first.statusCode).toBe(200)
    expect(first.json().people).toHaveLength(LIMITS.adminPeoplePage)
    expect(first.json().nextCursor).toEqual(expect.any(String))

    const all = await whole({})
    // The admin, the seven named people and the 56 officers; no citizen, nobody from next door.
    expect(all).toHaveLength(1 + PEOPLE.length)
    expect(all.filter((p) => p.name === '王芳')).toHaveLength(3)
    for (const limit of [1, 7, 50]) {
      const pages = await walk({}, limit)
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true)
      expect(ids(pages.flat())).toEqual(ids(all))
    }
    // Namesakes in id order, and both long names, though their keys are the same 32 characters.
    const wang = all.filter((p) => p.name === '王芳').map((p) => p.id)
    expect(wang).toEqual([...wang].sort())
    expect(all.filter((p) => p.name.startsWith(LONG))).toHaveLength(2)
  })

  it('a page keeps its place when people are added before it: no one twice, no one skipped', async () => {
    const first = (await people({ limit: 10 })).json()
    // Someone whose name sorts before everyone already seen (digits come before Latin and Han in
    // every collation), and someone after everyone.
    await t.db
      .insertInto('app_user')
      .values([
        { org_id: t.orgId, name: '000先来', roles: ['citizen', 'officer'] },
        { org_id: t.orgId, name: '龘后到', roles: ['citizen', 'officer'] }
      ])
      .execute()
    let cursor: string | null = first.nextCursor
    const rest: AdminPersonView[] = []
    while (cursor) {
      const page = (await people({ limit: 10, cursor })).json()
      rest.push(...page.people)
      cursor = page.nextCursor
    }
    const all = ids(await whole({}))
    const boundary = all.indexOf(first.people[9].id)
    expect(all.indexOf((await whole({ q: '000先来' }))[0]!.id)).toBeLessThan(boundary)
    expect(ids(rest)).toEqual(all.slice(boundary + 1))
    expect(rest.map((p) => p.name)).toContain('龘后到')
  })
})

describe('search and filters', () => {
  it('q is a fragment of the name or the desk login, any case; spaces alone are no search', async () => {
    expect((await whole({ q: '王芳' })).map((p) => p.name)).toEqual(['王芳', '王芳', '王芳'])
    expect((await whole({ q: '芳' })).every((p) => p.name.includes('芳'))).toBe(true)
    expect((await whole({ q: 'zhangw' })).map((p) => p.name)).toEqual(['Zhang Wei'])
    expect((await whole({ q: '13800138' })).map((p) => p.name)).toEqual(['Zhang Wei'])
    expect((await whole({ q: 'WEI' })).map((p) => p.name)).toEqual(['Zhang Wei'])
    // % and _ are the characters typed, not patterns.
    expect((await whole({ q: '%_' })).map((p) => p.name)).toEqual(['百分之百'])
    expect(await whole({ q: '_' })).toHaveLength(2)
    expect(ids(await whole({ q: '   ' }))).toEqual(ids(await whole({})))
    expect(await whole({ q: '没有这个人' })).toEqual([])
    // Paging through a search meets the same people as its one page.
    expect(ids((await walk({ q: '干部' }, 9)).flat())).toEqual(ids(await whole({ q: '干部' })))
  })

  it('role and department filters, alone and together, page like the whole list', async () => {
    const all = await whole({})
    const officers = await whole({ role: 'officer' })
    expect(ids(officers)).toEqual(ids(all.filter((p) => p.roles.includes('officer'))))
    expect(ids(await whole({ role: 'reviewer' }))).toEqual(ids(all.filter((p) => p.roles.includes('reviewer'))))

    const inDept = await whole({ departmentId: dept.id })
    expect(inDept.length).toBeGreaterThan(10)
    expect(inDept.every((p) => p.department?.id === dept.id)).toBe(true)
    expect(ids(inDept)).toEqual(ids(all.filter((p) => p.department?.id === dept.id)))
    const none = await whole({ departmentId: 'none' })
    expect(ids(none)).toEqual(ids(all.filter((p) => p.department === null)))

    const both = await whole({ role: 'staff', departmentId: dept.id })
    expect(both.map((p) => p.name)).toEqual(['王芳'])
    expect(ids((await walk({ role: 'officer', departmentId: other.id }, 4)).flat())).toEqual(ids(all.filter((p) => p.roles.includes('officer') && p.department?.id === other.id)))
    // Disabled people are the admin's to see (and to enable again).
    expect((await whole({ q: '王芳', role: 'officer' }))[0]).toMatchObject({ disabled: true })
  })

  it('a department of another bureau, or none at all, lists nobody', async () => {
    const theirs = (await call(outsider, '/api/admin/departments', 'POST', { name: '外局所' })).json()
    expect(await whole({ departmentId: theirs.id })).toEqual([])
    expect(await whole({ departmentId: '00000000-0000-4000-8000-000000000000' })).toEqual([])
  })
})

describe('bad requests are 400 with a Chinese message', () => {
  const expect400 = async (query: Record<string, string | number>, field?: string) => {
    const res = await people(query)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/)
    if (field) expect(res.json()).toMatchObject({ error: 'bad_cursor', field })
    return res.json()
  }

  it('a cursor made under another filter is refused, not read as a place in this list', async () => {
    const officers = (await people({ role: 'officer', limit: 5 })).json()
    expect(officers.nextCursor).toEqual(expect.any(String))
    const body = await expect400({ role: 'staff', limit: 5, cursor: officers.nextCursor }, 'cursor')
    expect(body.message).toBe('翻页游标无效，请从第一页重新加载')
    await expect400({ limit: 5, cursor: officers.nextCursor }, 'cursor')
    await expect400({ role: 'officer', q: '干部', limit: 5, cursor: officers.nextCursor }, 'cursor')
    const inDept = (await people({ departmentId: dept.id, limit: 2 })).json()
    await expect400({ departmentId: 'none', limit: 2, cursor: inDept.nextCursor }, 'cursor')
    // The inbox's cursor is not the people list's.
    await expect400({ cursor: encodeCursor('newest', ['2026-01-01T00:00:00Z', admin.user.id]) }, 'cursor')
    // The same filter takes it, whatever the page size.
    expect((await people({ role: 'officer', limit: 50, cursor: officers.nextCursor })).statusCode).toBe(200)
  })

  it('forged and broken cursors', async () => {
    const tag = filterTag('people', { anyRole: 'officer,staff,reviewer,admin', includeDisabled: true })
    const id = admin.user.id
    // A hand-made canonical cursor of the right list and filter is a place like any other.
    const made = await people({ limit: LIMITS.pageSize, cursor: encodeCursor(tag, ['王', id]) })
    expect(made.statusCode).toBe(200)
    const all = ids(await whole({}))
    const after = ids(made.json().people)
    expect(after.length).toBeGreaterThan(0)
    expect(after).toEqual(all.slice(all.length - after.length))
    for (const cursor of [
      'x',
      '!!!',
      encodeCursor(tag, ['王', id, 'extra']),
      encodeCursor(tag, [1, id]),
      encodeCursor(tag, ['王', id.toUpperCase()]),
      encodeCursor(tag, ['王\u0000', id]),
      encodeCursor(tag, ['\ud800', id]),
      encodeCursor(tag, ['字'.repeat(33), id]),
      Buffer.from(JSON.stringify([tag, '王', id]) + ' ').toString('base64url'),
      encodeCursor(tag, ['王', id]) + '='
    ]) {
      await expect400({ cursor })
    }
  })

  it('a search longer than any name or login, a role that is not invitable, a page size out of range', async () => {
    await expect400({ q: 'x'.repeat(LIMITS.adminPeopleQuery + 1) })
    await expect400({ q: '王\u0000' })
    await expect400({ role: 'citizen' })
    await expect400({ departmentId: 'nobody' })
    await expect400({ limit: 0 })
    await expect400({ limit: LIMITS.pageSize + 1 })
    await expect400({ sort: 'name' })
  })
})

describe('who may list', () => {
  it('only admins, and only their own bureau', async () => {
    for (const role of ['staff', 'reviewer', 'officer', 'citizen'] as const) {
      const s = await t.login(role, `非管理员-${role}`)
      const res = await call(s, '/api/admin/people')
      expect(res.statusCode).toBe(403)
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/people' })).statusCode).toBe(401)

    const theirs = (await call(outsider, '/api/admin/people?limit=100')).json()
    expect(theirs.people.map((p: AdminPersonView) => p.name).sort()).toEqual(['外局管理员', '王芳'])
    expect((await call(outsider, '/api/admin/people?q=%E5%B9%B2%E9%83%A8')).json().people).toEqual([])
    // Our cursor is only a place in the name order: what it finds is still their bureau's alone.
    const ours = (await people({ limit: 1 })).json()
    const peek = await call(outsider, `/api/admin/people?limit=100&cursor=${ours.nextCursor}`)
    expect(peek.statusCode).toBe(200)
    expect(peek.json().people.every((p: AdminPersonView) => ['外局管理员', '王芳'].includes(p.name))).toBe(true)
  })
})
