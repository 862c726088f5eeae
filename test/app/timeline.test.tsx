import { render, screen } from '@testing-library/react'
import type { TimelineEvent } from '@/domain'
import { Timeline } from '@/components/timeline'

const events: TimelineEvent[] = [
  { id: 'e1', action: 'create', fromStatus: null, toStatus: 'new', actorName: '张三', body: null, reason: null, at: '2026-11-25T02:00:00.000Z' },
  { id: 'e2', action: 'accept', fromStatus: 'new', toStatus: 'accepted', actorName: '王宣传', body: null, reason: null, at: '2026-11-25T03:00:00.000Z' },
  { id: 'e3', action: 'reply', fromStatus: 'accepted', toStatus: 'replied', actorName: '王宣传', body: '已联系城关所现场核查。', reason: null, at: '2026-11-25T04:00:00.000Z' }
] as TimelineEvent[]

test('staff read what a reply said in 办理记录, not only the word 答复', () => {
  render(<Timeline events={events} showActor />)
  expect(screen.getByText('答复')).toBeInTheDocument()
  expect(screen.getByText('已联系城关所现场核查。')).toHaveClass('zb-timeline__reply')
})

test('the citizen’s timeline leaves the text out: their page shows the reply above it', () => {
  render(<Timeline events={events} />)
  expect(screen.getByText('答复')).toBeInTheDocument()
  expect(screen.queryByText('已联系城关所现场核查。')).toBeNull()
})
