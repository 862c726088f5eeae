import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Login from '@/pages/login/index'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const staffUser = { id: 'u2', orgId: 'o1', name: '王宣传', roles: ['staff'], departmentId: null, departmentName: null }

test('in dev mode the login page also offers the desk-account password form, and it signs in', async () => {
  const sent = fakeServer((req) =>
    req.url.endsWith('/api/config')
      ? { statusCode: 200, data: { wechatMode: 'dev' } }
      : { statusCode: 200, data: { token: 'tok-staff', user: staffUser } }
  )
  const reLaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation((() => Promise.resolve()) as never)
  const { container } = render(<Login />)

  expect(await screen.findByText('开发模式登录：选择身份，输入姓名即可。')).toBeInTheDocument()
  expect(screen.getByText('或用工作人员账号登录')).toBeInTheDocument()
  await typeInto(container.querySelector('[placeholder="请输入用户名"]')?.closest('taro-input-core') ?? null, 'staff')
  await typeInto(container.querySelector('[placeholder="请输入密码"]')?.closest('taro-input-core') ?? null, 'zhibao-demo')
  // The password form's 登录 is the last one on the page.
  fireEvent.click(screen.getAllByText('登录').at(-1) as HTMLElement)

  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index' }))
  const login = sent.find((r) => r.url.endsWith('/api/auth/password'))
  expect(login?.data).toEqual({ username: 'staff', password: 'zhibao-demo' })
  expect(session.token()).toBe('tok-staff')
})

const admin = { id: 'u1', orgId: 'o1', name: '系统管理员', roles: ['admin', 'staff'], departmentId: null, departmentName: null }
const oneTime = { token: 'tok-1', refreshToken: 'refresh-1', expiresIn: 900, mustChangePassword: true, user: admin }

const field = (container: HTMLElement, placeholder: string) =>
  Array.from(container.querySelectorAll('taro-input-core, .zb-field')).find((el) => el.getAttribute('placeholder') === placeholder) ?? null

function liveServer(): SentRequest[] {
  return fakeServer((req) => {
    if (req.url.endsWith('/api/config')) return { statusCode: 200, data: { wechatMode: 'live' } }
    if (req.url.endsWith('/api/auth/password')) return { statusCode: 200, data: oneTime }
    if (req.url.endsWith('/api/auth/password/change')) return { statusCode: 200, data: admin }
    return { statusCode: 404, data: { error: 'not_found', message: '没有这个接口' } }
  })
}

test('a one-time password leads to the change form; the new password is saved and the desk opens', async () => {
  const sent = liveServer()
  const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' } as never)
  const { container } = render(<Login />)
  await waitFor(() => expect(field(container, '请输入用户名')).not.toBeNull())
  await typeInto(field(container, '请输入用户名'), 'admin')
  await typeInto(field(container, '请输入密码'), 'one-time-pw')
  fireEvent.click(screen.getByText('登录'))

  expect(await screen.findByText('请设置新密码')).toBeInTheDocument()
  expect(relaunch).not.toHaveBeenCalled()
  await typeInto(field(container, '请输入新密码'), 'county-bureau-2026')
  await typeInto(field(container, '请再次输入新密码'), 'county-bureau-2025')
  fireEvent.click(screen.getByText('保存新密码'))
  expect(await screen.findByText('两次输入的新密码不一致')).toBeInTheDocument()
  expect(sent.filter((r) => r.url.endsWith('/password/change'))).toHaveLength(0)

  await typeInto(field(container, '请再次输入新密码'), 'county-bureau-2026')
  fireEvent.click(screen.getByText('保存新密码'))
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index' }))
  const change = sent.find((r) => r.url.endsWith('/api/auth/password/change'))!
  expect(change.data).toEqual({ currentPassword: 'one-time-pw', newPassword: 'county-bureau-2026' })
  expect(change.header.Authorization).toBe('Bearer tok-1')
  expect(session.refreshToken()).toBe('refresh-1')
})
