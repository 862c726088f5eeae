import fc from 'fast-check'
import {
  addWorkingDays,
  workingDaysBetween,
  describeDue,
  createCalendar,
  calendarCoverage,
  endOfBeijingDay,
  beijingDay,
  addDays,
  dueSoonBefore,
  type YearEntries
} from '../../domain/deadlines'
import { BUILTIN_YEARS, BUILTIN_LAST_YEAR } from '../../domain/deadlines/builtin'

const cal = createCalendar(BUILTIN_YEARS)
const at = (iso: string) => new Date(iso)

// Expected days below are counted by hand from the State Council notices for 2025 and 2026
// (as carried in chinese-days 1.5.7), not derived from the engine.
describe('working days across the Spring Festival with its make-up Saturdays (2026)', () => {
  it('knows the holiday block and both 调休 Saturdays', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true) // Friday before
    expect(cal.isWorkingDay('2026-02-14')).toBe(true) // Saturday, make-up day
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-23']) expect(cal.isWorkingDay(d)).toBe(false)
    expect(cal.isWorkingDay('2026-02-24')).toBe(true)
    expect(cal.isWorkingDay('2026-02-28')).toBe(true) // Saturday, make-up day
    expect(cal.isWorkingDay('2026-03-01')).toBe(false) // plain Sunday
  })

  it('a complaint received on Friday 13 February is to be decided by Monday 2 March', () => {
    // 14 Sat(1) · 15–23 off · 24(2) 25(3) 26(4) 27(5) · 28 Sat(6) · 1 Mar Sun off · 2 Mar(7)
    expect(addWorkingDays(cal, '2026-02-13', 7)).toEqual({ value: '2026-03-02', uncoveredYears: [] })
    expect(workingDaysBetween(cal, '2026-02-13', '2026-03-02').value).toBe(7)
  })

  it('the start day is not counted, even when it is a holiday', () => {
    expect(addWorkingDays(cal, '2026-02-16', 1).value).toBe('2026-02-24')
    expect(addWorkingDays(cal, '2026-02-23', 1).value).toBe('2026-02-24')
  })
})

describe('working days across National Day with its make-up days', () => {
  it('2026: a question received Friday 18 September is answered by Tuesday 22 (Sunday 20 is worked)', () => {
    expect(addWorkingDays(cal, '2026-09-18', 3).value).toBe('2026-09-22')
  })
  it('2026: received 30 September, 3 working days end on the make-up Saturday 10 October', () => {
    expect(addWorkingDays(cal, '2026-09-30', 3).value).toBe('2026-10-10')
  })
  it('2025: a tip-off received Friday 26 September is checked by Thursday 23 October', () => {
    // 28 Sep Sun(1) 29(2) 30(3) · 1–8 Oct off · 9(4) 10(5) 11 Sat(6) · 13–17(7–11) · 20–23(12–15)
    expect(addWorkingDays(cal, '2025-09-26', 15)).toEqual({ value: '2025-10-23', uncoveredYears: [] })
  })
})

describe('a year the calendar does not cover', () => {
  const uncovered = BUILTIN_LAST_YEAR + 1
  it(`is ${uncovered}: reported as missing, never silently as covered`, () => {
    expect(calendarCoverage(cal, uncovered)).toEqual({ year: uncovered, source: 'missing', covered: false })
    expect(calendarCoverage(cal, 2026)).toEqual({ year: 2026, source: 'builtin', covered: true })
  })

  it('counts Monday–Friday there but flags the answer', () => {
    // 31 Dec Thu(1) · 1 Jan 2027 Fri, holidays unknown(2) · 4 Jan Mon(3)
    expect(addWorkingDays(cal, '2026-12-30', 3)).toEqual({ value: '2027-01-04', uncoveredYears: [2027] })
    expect(workingDaysBetween(cal, '2026-12-30', '2027-01-04').uncoveredYears).toEqual([2027])
    expect(addWorkingDays(cal, '2026-12-01', 3).uncoveredYears).toEqual([])
  })

  it('an admin entering the year makes it covered and takes effect', () => {
    // Test data, not the real 2027 arrangement (unpublished when this was written).
    const y2027: YearEntries = {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
      workdays: [{ date: '2027-01-09', name: '元旦调休上班' }]
    }
    const withAdmin = createCalendar(BUILTIN_YEARS, new Map([[2027, y2027]]))
    expect(calendarCoverage(withAdmin, 2027)).toEqual({ year: 2027, source: 'admin', covered: true })
    expect(addWorkingDays(withAdmin, '2026-12-30', 3)).toEqual({ value: '2027-01-05', uncoveredYears: [] })
    expect(withAdmin.isWorkingDay('2027-01-09')).toBe(true) // a Saturday made a working day
    expect(withAdmin.nameOf('2027-01-01')).toBe('元旦')
  })

  it("an admin's year replaces the built-in year as a whole", () => {
    const corrected: YearEntries = { holidays: [{ date: '2026-12-31', name: '地方调整' }], workdays: [] }
    const withAdmin = createCalendar(BUILTIN_YEARS, new Map([[2026, corrected]]))
    expect(withAdmin.sourceOf(2026)).toBe('admin')
    expect(withAdmin.isWorkingDay('2026-12-31')).toBe(false)
    expect(withAdmin.isWorkingDay('2026-02-16')).toBe(true) // no longer a holiday: the admin's year is the whole truth
  })
})

describe('describeDue (what the desk shows)', () => {
  const due = endOfBeijingDay('2026-03-02')
  it('counts the working days left', () => {
    expect(describeDue(cal, at('2026-02-13T10:00:00+08:00'), due)).toMatchObject({ state: 'remaining', workingDays: 7, label: '剩 7 个工作日', dueSoon: false })
    expect(describeDue(cal, at('2026-02-27T10:00:00+08:00'), due)).toMatchObject({ label: '剩 2 个工作日', dueSoon: false })
    expect(describeDue(cal, at('2026-02-28T10:00:00+08:00'), due)).toMatchObject({ label: '剩 1 个工作日', dueSoon: true })
  })
  it('due today until midnight Beijing time (16:00 UTC)', () => {
    expect(describeDue(cal, at('2026-03-02T08:00:00+08:00'), due)).toMatchObject({ state: 'due_today', label: '今日到期', dueSoon: true })
    expect(describeDue(cal, at('2026-03-02T15:59:59Z'), due).label).toBe('今日到期')
    expect(describeDue(cal, at('2026-03-02T16:00:00Z'), due).state).toBe('overdue')
  })
  it('counts overdue working days, skipping the holiday', () => {
    const octDue = endOfBeijingDay('2026-09-30')
    expect(describeDue(cal, at('2026-10-05T10:00:00+08:00'), octDue)).toMatchObject({ state: 'overdue', label: '已超期 1 个工作日' })
    expect(describeDue(cal, at('2026-10-09T10:00:00+08:00'), octDue)).toMatchObject({ label: '已超期 2 个工作日' })
    expect(describeDue(cal, at('2026-10-10T10:00:00+08:00'), octDue)).toMatchObject({ label: '已超期 3 个工作日' })
  })
  it('flags a description that crosses an uncovered year', () => {
    expect(describeDue(cal, at('2026-12-30T10:00:00+08:00'), endOfBeijingDay('2027-01-04')).uncertain).toBe(true)
    expect(describeDue(cal, at('2026-12-01T10:00:00+08:00'), endOfBeijingDay('2026-12-04')).uncertain).toBe(false)
  })
  it('uses the Beijing date of an instant', () => {
    expect(beijingDay(at('2026-02-12T16:30:00Z'))).toBe('2026-02-13')
    expect(beijingDay(at('2026-02-13T15:59:59Z'))).toBe('2026-02-13')
  })
})

describe('dueSoonBefore (today or the next working day)', () => {
  it('reaches over a weekend and stops at a make-up Saturday', () => {
    expect(dueSoonBefore(cal, at('2026-10-16T09:00:00+08:00'))).toEqual(endOfBeijingDay('2026-10-19'))
    expect(dueSoonBefore(cal, at('2026-10-09T09:00:00+08:00'))).toEqual(endOfBeijingDay('2026-10-10'))
    expect(dueSoonBefore(cal, at('2026-09-30T09:00:00+08:00'))).toEqual(endOfBeijingDay('2026-10-08'))
  })
})

describe('properties', () => {
  const days = fc.integer({ min: 0, max: 365 * 4 }).map((n) => addDays('2024-01-01', n))
  it('workingDaysBetween inverts addWorkingDays, and the due day is a working day', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(cal, start, n).value
        return workingDaysBetween(cal, start, due).value === n && cal.isWorkingDay(due) && workingDaysBetween(cal, due, start).value === -n
      }),
      { numRuns: 300 }
    )
  })
})

describe('counting working days by arithmetic', () => {
  // The definition, one day at a time: what countWorkingDays must equal.
  const walk = (c: typeof cal, from: string, to: string) => {
    let n = 0
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (c.isWorkingDay(d)) n++
    return n
  }
  const admin = new Map<number, YearEntries>([
    [2025, { holidays: [{ date: '2025-03-03', name: '测试假' }, { date: '2025-03-08', name: '周六也写作假' }], workdays: [{ date: '2025-03-09', name: '周日调休' }, { date: '2025-03-10', name: '周一也写作班' }] }]
  ])
  const withAdmin = createCalendar(BUILTIN_YEARS, admin)
  const day = fc.date({ min: new Date('2023-12-20T00:00:00Z'), max: new Date('2028-01-10T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

  it('equals the day-by-day walk over any range, built-in, admin and uncovered years alike', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        for (const c of [cal, withAdmin]) {
          expect([a, b, c.countWorkingDays(a, b)]).toEqual([a, b, walk(c, a, b)])
          expect(workingDaysBetween(c, a, b).value).toBe(a <= b ? walk(c, a, b) : -walk(c, b, a))
        }
      }),
      { numRuns: 300 }
    )
  })

  it('the admin year above: a weekday holiday, a Sunday 调休 and the entries that change nothing', () => {
    // 2025-03-03..09 is Mon..Sun; the admin year replaces the built-in 2025 as a whole.
    expect(withAdmin.countWorkingDays('2025-03-02', '2025-03-09')).toBe(5)
    expect(withAdmin.countWorkingDays('2025-03-02', '2025-03-10')).toBe(6)
    expect(cal.countWorkingDays('2025-03-02', '2025-03-09')).toBe(5)
  })
})
