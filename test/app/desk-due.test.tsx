import { dueText } from '@/staff/components/desk-format'

const now = new Date('2026-09-30T02:00:00Z') // Wednesday before National Day, 10:00 in Beijing

test('the desk shows the working-day wording the server counted, highlighted when due soon or overdue', () => {
  const base = { dueAt: '2026-10-09T15:59:59.999Z', workingDays: 2, dueSoon: false, uncertain: false }
  expect(dueText({ dueAt: base.dueAt, due: { ...base, state: 'remaining', label: '剩 2 个工作日' } }, now)).toEqual({ text: '剩 2 个工作日', tone: 'later' })
  expect(dueText({ dueAt: base.dueAt, due: { ...base, state: 'remaining', label: '剩 1 个工作日', dueSoon: true } }, now)?.tone).toBe('today')
  expect(dueText({ dueAt: base.dueAt, due: { ...base, state: 'overdue', label: '已超期 1 个工作日' } }, now)).toEqual({ text: '已超期 1 个工作日', tone: 'overdue' })
  expect(dueText({ dueAt: base.dueAt, due: { ...base, state: 'remaining', label: '剩 3 个工作日', uncertain: true } }, now)?.text).toBe('剩 3 个工作日（日历待补）')
})

test('without the server’s count it falls back to the Beijing calendar date', () => {
  expect(dueText({ dueAt: null }, now)).toBeNull()
  expect(dueText({ dueAt: '2026-09-30T15:00:00Z' }, now)).toEqual({ text: '今日到期', tone: 'today' })
  expect(dueText({ dueAt: '2026-09-29T01:00:00Z' }, now)?.tone).toBe('overdue')
})
