import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CaseNew from '@/officer/pages/case-new/index'
import { session } from '@/services/session'
import { resetOutboxForTests } from '@/services/officer-outbox'
import { outboxStorageKey } from '@/services/outbox-ports'
import { fakeServer } from './support/network'
import { typeInto } from './support/dom'
import { officer } from './officer-fixtures'

function renderForm() {
  const view = render(<CaseNew />)
  const field = (name: string) => view.container.querySelector(`.case-form__${name}`)
  const submit = () => fireEvent.click(screen.getByText('提交事例'))
  return { ...view, field, submit }
}

const outboxSaved = () => Taro.getStorageSync(outboxStorageKey(officer.id)) || []

beforeEach(() => {
  resetOutboxForTests()
  session.save({ token: 'tok-1', user: officer as never })
})

describe('case form validation', () => {
  test('an empty title is refused with a Chinese message; nothing is queued or sent', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: {} }))
    const form = renderForm()
    expect(await screen.findByText('城关市场监管所')).toBeInTheDocument()
    await typeInto(form.field('body'), '执法人员在某超市发现过期牛奶')
    form.submit()
    expect(await screen.findByText('请填写标题')).toBeInTheDocument()
    expect(screen.queryByText('请填写事例内容')).toBeNull()
    // Let any stray send happen before looking.
    await new Promise((r) => setTimeout(r, 50))
    expect(sent).toHaveLength(0)
    expect(outboxSaved()).toHaveLength(0)
    expect(screen.queryByText('发件箱')).toBeNull()
  })

  test('an empty body, and a title over 60 characters, are refused', async () => {
    const sent = fakeServer(() => ({ statusCode: 201, data: {} }))
    const form = renderForm()
    await typeInto(await waitFor(() => form.field('title')), '长'.repeat(61))
    expect(await screen.findByText('61/60')).toHaveClass('zb-counted__counter--over')
    form.submit()
    expect(await screen.findByText('标题不能超过 60 字')).toBeInTheDocument()
    expect(screen.getByText('请填写事例内容')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  test('a location without an address asks for the address', async () => {
    jest.spyOn(Taro, 'getLocation').mockImplementation((() => Promise.resolve({ latitude: 30.1, longitude: 120.2 })) as never)
    fakeServer(() => ({ statusCode: 201, data: {} }))
    const form = renderForm()
    await typeInto(await waitFor(() => form.field('title')), '城关所查处过期食品')
    await typeInto(form.field('body'), '执法人员在某超市发现过期牛奶')
    fireEvent.click(screen.getByText('获取当前位置'))
    expect(await screen.findByText(/已定位 30\.10000, 120\.20000/)).toBeInTheDocument()
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
    form.submit()
    expect(await screen.findByText('已定位，请再填写地点描述（如街道、店名）')).toBeInTheDocument()
    expect(outboxSaved()).toHaveLength(0)
  })
})

test('the draft saves itself as the officer types and comes back on the next visit', async () => {
  fakeServer(() => ({ statusCode: 201, data: {} }))
  const form = renderForm()
  await typeInto(await waitFor(() => form.field('title')), '城关所查处过期食品')
  await waitFor(() => expect(Taro.getStorageSync('officer:case-draft:v1:u-officer')).toMatchObject({ title: '城关所查处过期食品' }))
  form.unmount()

  const again = renderForm()
  await waitFor(() => expect(again.container.querySelector('.zb-counted__counter')?.textContent).toBe('9/60'))
})
