import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MessageNew from '@/citizen/pages/message-new/index'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

const created = { id: '0b7c8a52-5d1f-4c1e-9a8e-2b0c3c0f4a11', trackingCode: 'LY7K3Q9P', status: 'new' }
const user = { id: 'u1', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }

function renderForm() {
  const view = render(<MessageNew />)
  const body = view.container.querySelector('.message-new__body')
  const phone = view.container.querySelector('.message-new__phone')
  const submit = () => fireEvent.click(screen.getByText('提交留言'))
  return { ...view, body, phone, submit }
}

const messagePosts = (sent: SentRequest[]) => sent.filter((r) => r.url.endsWith('/api/messages'))

beforeEach(() => {
  session.save({ token: 'tok-1', user: user as never })
})

describe('message form validation', () => {
  test('an empty body is refused with a Chinese message and nothing is sent', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('咨询'))
    await typeInto(form.body, '   ')
    form.submit()
    expect(await screen.findByText('请填写留言内容')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  test('a category must be chosen', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    await typeInto(form.body, '门口的店卖过期食品')
    form.submit()
    expect(await screen.findByText('请选择留言类别')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  test('a body over 2000 characters is refused, and the counter shows it', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    await typeInto(form.body, '长'.repeat(2001))
    expect(await screen.findByText('2001/2000')).toHaveClass('zb-counted__counter--over')
    form.submit()
    expect(await screen.findByText('留言内容不能超过 2000 字')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  test('a phone number that is not an 11-digit mobile is refused', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    await typeInto(form.body, '门口的店卖过期食品')
    await typeInto(form.phone, '12345678901')
    form.submit()
    expect(await screen.findByText('请输入正确的 11 位手机号')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })
})

describe('message form submit', () => {
  test('sends the draft to POST /api/messages and shows the tracking code', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('举报'))
    await typeInto(form.body, '  某超市销售无标签散装食品  ')
    await typeInto(form.phone, '13800138000')
    expect(screen.getByText('16/2000')).toBeInTheDocument()
    form.submit()

    expect(await screen.findByText('LY7K3Q9P')).toBeInTheDocument()
    expect(screen.getByText('提交成功')).toBeInTheDocument()
    const [req] = messagePosts(sent)
    expect(sent).toHaveLength(1)
    expect(req.method).toBe('POST')
    expect(req.url).toBe('/api/messages')
    expect(req.header.Authorization).toBe('Bearer tok-1')
    expect(req.data).toEqual({
      category: 'tipoff',
      body: '某超市销售无标签散装食品',
      contactPhone: '13800138000',
      clientId: expect.stringMatching(/^.{8,64}$/)
    })
  })

  test('leaves out an empty phone number', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('表扬'))
    await typeInto(form.body, '窗口工作人员很耐心')
    form.submit()
    await screen.findByText('提交成功')
    expect(sent[0].data).toEqual({ category: 'praise', body: '窗口工作人员很耐心', clientId: expect.any(String) })
  })

  test('a network failure is retried with the same clientId, so the server can de-duplicate', async () => {
    let calls = 0
    const sent = fakeServer(() => (++calls === 1 ? new Error('request:fail timeout') : { statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('建议'))
    await typeInto(form.body, '建议延长周末办事时间')
    form.submit()
    await screen.findByText('提交成功', undefined, { timeout: 3000 })
    expect(sent).toHaveLength(2)
    expect((sent[0].data as { clientId: string }).clientId).toBe((sent[1].data as { clientId: string }).clientId)
  })

  test("a refusal from the server shows the server's Chinese message and keeps the draft", async () => {
    const toast = jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
    fakeServer(() => ({ statusCode: 400, data: { error: 'bad_request', message: '留言内容含有不当信息，请修改后再提交' } }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    await typeInto(form.body, '某些内容')
    form.submit()
    await waitFor(() =>
      expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '留言内容含有不当信息，请修改后再提交' }))
    )
    expect(screen.queryByText('提交成功')).toBeNull()
    expect(screen.getByText('4/2000')).toBeInTheDocument()
  })

  test('401 clears the session and goes to the login page', async () => {
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockImplementation((() => Promise.resolve()) as never)
    jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as never)
    fakeServer(() => ({ statusCode: 401, data: { error: 'unauthorized', message: '请先登录' } }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    await typeInto(form.body, '某些内容')
    form.submit()
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    expect(session.token()).toBeNull()
  })
})
