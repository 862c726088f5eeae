import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Login from '@/pages/login/index'
import { session } from '@/services/session'
import { fakeServer } from './support/network'
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
