import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MessageNew from '@/citizen/pages/message-new/index'
import { session } from '@/services/session'
import { fakeServer, type SentRequest } from './support/network'
import { typeInto } from './support/dom'

// H5's canvas compression needs a real browser; the form's wiring is under test here.
jest.mock('@/services/photo', () => ({ compressPhoto: async (path: string) => `${path}#compressed`, photoExists: () => true }))

const created = { id: '0b7c8a52-5d1f-4c1e-9a8e-2b0c3c0f4a11', trackingCode: 'LY7K3Q9P', status: 'new' }
const user = { id: 'u1', orgId: 'o1', name: '张三', roles: ['citizen'], departmentId: null, departmentName: null }

function renderForm() {
  const view = render(<MessageNew />)
  const body = view.container.querySelector('.message-new__body')
  const field = (name: string) => view.container.querySelector(`.message-new__${name}`)
  const submit = () => fireEvent.click(screen.getByText('提交留言'))
  return { ...view, body, field, get phone() { return field('phone') }, submit }
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
    await typeInto(form.field('praised'), '登记窗口刘科员')
    form.submit()
    await screen.findByText('提交成功')
    expect(sent[0].data).toEqual({ category: 'praise', body: '窗口工作人员很耐心', praised: '登记窗口刘科员', clientId: expect.any(String) })
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
    fireEvent.click(screen.getByText('咨询'))
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
    fireEvent.click(screen.getByText('咨询'))
    await typeInto(form.body, '某些内容')
    form.submit()
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    expect(session.token()).toBeNull()
  })
})

describe('the category rules on the form', () => {
  test('each category says what it is for', () => {
    renderForm()
    for (const line of ['与商家发生消费纠纷，要求调解、维护自身权益', '反映商家违法违规线索，不要求为自己调解；可以匿名', '表扬为您办事的工作人员或单位']) {
      expect(screen.getByText(line)).toBeInTheDocument()
    }
  })

  test('a complaint asks for the phone and the business where they are typed, and sends nothing without them', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    expect(screen.getByText('联系电话（必填）')).toBeInTheDocument()
    expect(screen.getByText('涉及商家（必填）')).toBeInTheDocument()
    expect(screen.getByText('投诉需留联系电话，便于工作人员核实和调解')).toBeInTheDocument()
    await typeInto(form.body, '买到过期牛奶，商家拒绝退货')
    form.submit()
    expect(await screen.findByText('投诉需要联系电话：请填写手机号，便于工作人员核实和调解')).toBeInTheDocument()
    expect(screen.getByText(/投诉需要写明涉及的商家/)).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  test('a wrong 统一社会信用代码 is caught on the phone; a right one is sent with the business and place', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('投诉'))
    await typeInto(form.body, '买到过期牛奶，商家拒绝退货')
    await typeInto(form.phone, '13800138000')
    await typeInto(form.field('business'), '城关镇惠民超市')
    await typeInto(form.field('credit-code'), '91350100m000100y44')
    await typeInto(form.field('address'), '城关镇人民路 12 号')
    form.submit()
    expect(await screen.findByText(/统一社会信用代码不正确/)).toBeInTheDocument()
    expect(sent).toHaveLength(0)
    await typeInto(form.field('credit-code'), '91350100m000100y43')
    fireEvent.click(screen.getByText('同意选登'))
    form.submit()
    await screen.findByText('提交成功')
    expect(sent[0].data).toEqual({
      category: 'complaint',
      body: '买到过期牛奶，商家拒绝退货',
      contactPhone: '13800138000',
      business: { name: '城关镇惠民超市', creditCode: '91350100M000100Y43' },
      place: { address: '城关镇人民路 12 号' },
      publicConsent: true,
      clientId: expect.any(String)
    })
  })

  test('an anonymous tip-off hides the phone and sends no identity', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('举报'))
    await typeInto(form.phone, '13800138000')
    expect(screen.getByText('联系电话（选填）')).toBeInTheDocument()
    fireEvent.click(screen.getByText('匿名举报'))
    expect(screen.getByText(/匿名后工作人员看不到您的姓名、电话/)).toBeInTheDocument()
    expect(form.phone).toBeNull()
    await typeInto(form.body, '北街某烟酒店出售假烟')
    form.submit()
    await screen.findByText('提交成功')
    expect(sent[0].data).toEqual({ category: 'tipoff', body: '北街某烟酒店出售假烟', anonymous: true, clientId: expect.any(String) })
  })

  test('only a tip-off offers 匿名, and praise asks who is praised instead of a business', () => {
    renderForm()
    fireEvent.click(screen.getByText('咨询'))
    expect(screen.queryByText('匿名举报')).toBeNull()
    fireEvent.click(screen.getByText('表扬'))
    expect(screen.getByText('表扬对象（必填）')).toBeInTheDocument()
    expect(screen.queryByText(/涉及商家/)).toBeNull()
  })

  test('H5 has no WeChat phone button: the number is typed', () => {
    renderForm()
    fireEvent.click(screen.getByText('投诉'))
    expect(screen.queryByText('使用微信手机号')).toBeNull()
  })
})

describe('photos on the form', () => {
  type Listener = (p: { progress: number }) => void
  function fakeUploads() {
    const pending: { opts: Taro.uploadFile.Option; progress: (n: number) => void; finish: (id: string) => void }[] = []
    jest.spyOn(Taro, 'uploadFile').mockImplementation(((opts: Taro.uploadFile.Option) => {
      let listener: Listener | undefined
      let finish!: (id: string) => void
      const task = new Promise((resolve) => {
        finish = (id) => resolve({ statusCode: 201, data: JSON.stringify({ id, url: '/f', thumbUrl: '/t', width: 1, height: 1, bytes: 1 }), errMsg: 'uploadFile:ok' })
      }) as Promise<unknown> & { onProgressUpdate: (l: Listener) => void }
      task.onProgressUpdate = (l) => {
        listener = l
      }
      pending.push({ opts, progress: (n) => listener?.({ progress: n }), finish })
      return task
    }) as never)
    return pending
  }

  test('compressed photos upload at once with progress, without device evidence, and are sent by id', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:a' }, { tempFilePath: 'blob:b' }], type: 'image', errMsg: 'chooseMedia:ok' } as never)
    const uploads = fakeUploads()
    const sent = fakeServer(() => ({ statusCode: 201, data: created }))
    const form = renderForm()
    fireEvent.click(screen.getByText('咨询'))
    await typeInto(form.body, '这家店的价签合规吗？')
    fireEvent.click(screen.getByText('拍照/相册'))
    await waitFor(() => expect(uploads).toHaveLength(2))
    expect(uploads.map((u) => u.opts.filePath)).toEqual(['blob:a#compressed', 'blob:b#compressed'])
    expect(uploads[0]!.opts.formData).toEqual({})
    act(() => uploads[0]!.progress(40))
    await waitFor(() => expect(form.container.querySelector('[data-progress="40"]')).not.toBeNull())
    expect(screen.getByText('照片（选填，2/6）')).toBeInTheDocument()

    // Still uploading: the form waits rather than sending a message without its photos.
    form.submit()
    expect(await screen.findByText('请等照片上传完成，或删除上传失败的照片')).toBeInTheDocument()
    expect(sent).toHaveLength(0)

    await act(async () => {
      uploads[0]!.finish('00000000-0000-4000-8000-0000000000a1')
      uploads[1]!.finish('00000000-0000-4000-8000-0000000000b2')
    })
    await waitFor(() => expect(form.container.querySelectorAll('[data-uploaded="yes"]')).toHaveLength(2))
    form.submit()
    await screen.findByText('提交成功')
    expect(sent[0]!.data).toMatchObject({ mediaIds: ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b2'] })
  })
})
