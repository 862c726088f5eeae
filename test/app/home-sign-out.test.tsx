import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import { session } from '@/services/session'
import { fakeServer } from './support/network'

const user = { id: 'u1', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }

beforeEach(() => {
  session.save({ token: 'tok-1', refreshToken: 'refresh-1', user: user as never })
})

test('退出登录 ends this sign-in on the server and returns to the login page', async () => {
  const sent = fakeServer((req) => (req.url.endsWith('/api/config') ? { statusCode: 200, data: { wechatMode: 'live' } } : { statusCode: 204, data: '' }))
  const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' } as never)
  render(<Home />)
  expect(await screen.findByText('张三')).toBeInTheDocument()
  fireEvent.click(screen.getByText('退出登录'))
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
  expect(sent.find((r) => r.url.endsWith('/api/auth/logout'))!.data).toEqual({ refreshToken: 'refresh-1' })
  expect(session.token()).toBeNull()
})

test('退出所有设备 asks first, then ends every sign-in of the account', async () => {
  const sent = fakeServer((req) =>
    req.url.endsWith('/api/config') ? { statusCode: 200, data: { wechatMode: 'live' } } : { statusCode: 200, data: { revoked: 3 } }
  )
  const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' } as never)
  const asked = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  render(<Home />)
  fireEvent.click(await screen.findByText('退出所有设备'))
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
  expect(asked).toHaveBeenCalled()
  const call = sent.find((r) => r.url.endsWith('/api/me/sessions/revoke-all'))!
  expect(call.header.Authorization).toBe('Bearer tok-1')
  // A JSON POST with no body at all is refused by the server (400), so the call sends {}.
  expect(call.data).toEqual({})
  expect(session.token()).toBeNull()
})
