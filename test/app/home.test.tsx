import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import { session } from '@/services/session'
import { fakeServer } from './support/network'

const citizen = { id: 'u-citizen', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }

const navigation = () => ({
  redirectTo: jest.spyOn(Taro, 'redirectTo').mockImplementation((() => Promise.resolve()) as never),
  reLaunch: jest.spyOn(Taro, 'reLaunch').mockImplementation((() => Promise.resolve()) as never)
})

test('signed out in the browser, the home page sends the visitor to the login page (a redirect, so Back skips it)', async () => {
  fakeServer(() => ({ statusCode: 200, data: { wechatMode: 'dev' } }))
  const nav = navigation()
  render(<Home />)
  await waitFor(() => expect(nav.redirectTo).toHaveBeenCalledWith({ url: '/pages/login/index' }))
  expect(nav.reLaunch).not.toHaveBeenCalled()
})

test('signed in, the home page stays and shows who is signed in', async () => {
  fakeServer(() => ({ statusCode: 200, data: { wechatMode: 'dev' } }))
  session.save({ token: 'tok-c', user: citizen as never })
  const nav = navigation()
  render(<Home />)
  await screen.findByText('开发模式：未连接微信，数据仅供测试')
  expect(screen.getByText(citizen.name)).toBeInTheDocument()
  expect(nav.redirectTo).not.toHaveBeenCalled()
  expect(nav.reLaunch).not.toHaveBeenCalled()
})
