import { fireEvent, render, screen } from '@testing-library/react'
import { LoadState } from '@/components/load-state'
import { EmptyState } from '@/components/empty-state'

// Every picture an empty or error state shows is a file of the app itself (NutUI's Empty fetched
// its pictures from a JD CDN: broken offline, a third-party request, a CSP violation).
const pictureOf = (container: HTMLElement) => {
  const img = container.querySelector('.zb-empty-state__picture img, img.zb-empty-state__picture, .zb-empty-state__picture') as HTMLElement
  return img.getAttribute('src') ?? img.querySelector('img')?.getAttribute('src')
}

test('an empty list shows its text and the app’s own empty picture', () => {
  const { container } = render(<LoadState loading={false} error={null} empty emptyText='暂无留言' onRetry={() => undefined} />)
  expect(screen.getByText('暂无留言')).toBeInTheDocument()
  expect(pictureOf(container)).toBe('/assets/empty.png')
  expect(container.innerHTML).not.toMatch(/https?:\/\//)
})

test('a failed load says why, offers 重试, and shows the error picture', () => {
  const retry = jest.fn()
  const { container } = render(<LoadState loading={false} error='网络连接失败，请检查网络后重试' empty onRetry={retry} emptyText='暂无留言' />)
  expect(screen.getByText('加载失败')).toBeInTheDocument()
  expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
  expect(pictureOf(container)).toBe('/assets/error.png')
  fireEvent.click(screen.getByText('重试'))
  expect(retry).toHaveBeenCalledTimes(1)
  expect(container.innerHTML).not.toMatch(/https?:\/\//)
})

test('the network kind has its own picture; rows present: no state at all', () => {
  const { container } = render(<EmptyState kind='network' title='网络不可用' />)
  expect(pictureOf(container)).toBe('/assets/network.png')
  const rows = render(<LoadState loading={false} error={null} empty={false} emptyText='暂无' onRetry={() => undefined} />)
  expect(rows.container.querySelector('.zb-empty-state')).toBeNull()
})
