import {
  BUREAU_DEFAULT_TARGETS,
  checkRules,
  checkShares,
  defaultRules,
  elapsedDays,
  equalShares,
  pace,
  pointsOf,
  projectYearEnd,
  rulesFor,
  splitPoints,
  type Scored,
  type ScoringRules
} from '../../domain/ledger'
import { InvalidError } from '../../domain/errors'

const piece = (over: Partial<Scored> = {}): Scored => ({ type: 'news', level: 'city', placement: 'general', leaderComment: false, adopted: false, deductions: [], ...over })

describe('the example rules', () => {
  const r = defaultRules(2026)
  it('are complete and valid, and scale each level base by placement', () => {
    expect(() => checkRules(r)).not.toThrow()
    // news · city base 5: 头版头条 ×2, 头版 ×1.5, 要闻 ×1.2, 一般 ×1
    expect(r.points.news.city).toEqual({ front_headline: 10, front_page: 7.5, key_news: 6, general: 5 })
    expect(r.points.research.central.front_headline).toBe(60)
  })
})

describe('points of a piece (hand-computed)', () => {
  const r = defaultRules(2026)
  const cases: [string, Partial<Scored>, number][] = [
    ['news, city paper, general', {}, 5],
    ['news, provincial, front-page headline', { level: 'provincial', placement: 'front_headline' }, 20],
    ['news, county, key news', { level: 'county', placement: 'key_news' }, 2.4],
    ['information in the city bulletin, general', { type: 'information', level: 'bulletin' }, 4],
    ['information with 领导批示: +5', { type: 'information', level: 'bulletin', leaderComment: true }, 9],
    ['information adopted upward and commented: +5 +3', { type: 'information', level: 'bulletin', leaderComment: true, adopted: true }, 12],
    ['bonuses do not count for news', { leaderComment: true, adopted: true }, 5],
    ['a correction: -2', { deductions: ['correction'] }, 3],
    ['the same deduction twice counts once', { deductions: ['correction', 'correction'] }, 3],
    ['a retraction takes a county piece below zero: 2 - 5', { level: 'county', deductions: ['retracted'] }, -3],
    ['research, provincial, front page: 20 × 1.5', { type: 'research', level: 'provincial', placement: 'front_page' }, 30],
    ['own media, key news: 1 × 1.2', { level: 'own_media', placement: 'key_news' }, 1.2]
  ]
  it.each(cases)('%s', (_, over, expected) => expect(pointsOf(r, piece(over))).toBe(expected))
})

describe('rule years', () => {
  const y2025: ScoringRules = { ...defaultRules(2025), bonuses: { leaderComment: 10, adopted: 6 } }
  const y2027: ScoringRules = { ...defaultRules(2027), points: { ...defaultRules(2027).points, news: { ...defaultRules(2027).points.news, city: { front_headline: 12, front_page: 9, key_news: 7, general: 6 } } } }
  const sets = [y2027, y2025]
  it('a year uses its own set, else the latest earlier one, else the example', () => {
    expect(rulesFor(2025, sets)).toBe(y2025)
    expect(rulesFor(2026, sets)).toBe(y2025)
    expect(rulesFor(2027, sets)).toBe(y2027)
    expect(rulesFor(2030, sets)).toBe(y2027)
    expect(rulesFor(2024, sets)).toEqual(defaultRules(2024))
  })
  it('the same piece scores by the rules of its year', () => {
    const info = piece({ type: 'information', level: 'bulletin', leaderComment: true })
    expect(pointsOf(rulesFor(2026, sets), info)).toBe(14) // 4 + 2025's批示 bonus 10
    expect(pointsOf(rulesFor(2027, sets), info)).toBe(9)
    expect(pointsOf(rulesFor(2026, sets), piece())).toBe(5)
    expect(pointsOf(rulesFor(2027, sets), piece())).toBe(6)
  })
  it('refuses incomplete tables and bad values', () => {
    const broken = defaultRules(2026) as any
    delete broken.points.news.city.general
    expect(() => checkRules(broken)).toThrow(InvalidError)
    for (const v of [-1, 1001, 1.234, Number.NaN]) {
      const r = defaultRules(2026)
      r.bonuses.adopted = v
      expect(() => checkRules(r)).toThrow(/adopted/)
    }
  })
})

describe('credit shares', () => {
  it('equal shares sum to exactly 1, the remainder to the first', () => {
    expect(equalShares(['a', 'b', 'c'])).toEqual([
      { id: 'a', share: 0.3334 },
      { id: 'b', share: 0.3333 },
      { id: 'c', share: 0.3333 }
    ])
    expect(equalShares(['a', 'b'])).toEqual([{ id: 'a', share: 0.5 }, { id: 'b', share: 0.5 }])
    expect(equalShares([])).toEqual([])
  })
  const split: [string, number, [string, number][], number[]][] = [
    ['10 points in thirds: 3.33 each, the first gets the extra cent', 10, [['a', 0.3334], ['b', 0.3333], ['c', 0.3333]], [3.34, 3.33, 3.33]],
    ['7.5 points 60/40', 7.5, [['a', 0.6], ['b', 0.4]], [4.5, 3]],
    ['2.4 points 70/30: 0.72 down, 1.68 to the first', 2.4, [['a', 0.7], ['b', 0.3]], [1.68, 0.72]],
    ['1 point in sevenths-ish (0.1429 × 6 + 0.1426)', 1, [['a', 0.1426], ...['b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, 0.1429] as [string, number])], [0.16, 0.14, 0.14, 0.14, 0.14, 0.14, 0.14]],
    ['a deduction of -3 split 50/50', -3, [['a', 0.5], ['b', 0.5]], [-1.5, -1.5]],
    ['-1 in thirds', -1, [['a', 0.3334], ['b', 0.3333], ['c', 0.3333]], [-0.34, -0.33, -0.33]],
    ['0 points', 0, [['a', 0.5], ['b', 0.5]], [0, 0]],
    ['one author gets all', 12.34, [['a', 1]], [12.34]]
  ]
  it.each(split)('%s', (_, points, shares, expected) => {
    const parts = splitPoints(points, shares.map(([id, share]) => ({ id, share })))
    expect(parts.map((p) => p.points)).toEqual(expected)
    expect(Math.round(parts.reduce((a, p) => a + p.points, 0) * 100) / 100).toBe(points)
  })
  it('shares are checked: not empty, no duplicates, in (0, 1], summing to 1', () => {
    expect(() => checkShares([], '作者', 'authors')).toThrow(/至少/)
    expect(() => checkShares([{ id: 'a', share: 0.5 }, { id: 'a', share: 0.5 }], '作者', 'authors')).toThrow(/重复/)
    expect(() => checkShares([{ id: 'a', share: 1.2 }, { id: 'b', share: -0.2 }], '作者', 'authors')).toThrow(/大于 0/)
    expect(() => checkShares([{ id: 'a', share: 0.5 }, { id: 'b', share: 0.4 }], '作者', 'authors')).toThrow(/之和须为 1（当前 0.9）/)
    expect(() => checkShares([{ id: 'a', share: 0.3334 }, { id: 'b', share: 0.3333 }, { id: 'c', share: 0.3333 }], '作者', 'authors')).not.toThrow()
  })
})

describe('pace and shortfall (calendar days)', () => {
  it('counts elapsed days with the day itself, leap years included', () => {
    expect(elapsedDays(2026, '2026-01-01')).toBe(1)
    expect(elapsedDays(2026, '2026-07-02')).toBe(183)
    expect(elapsedDays(2028, '2028-12-31')).toBe(366)
    expect(elapsedDays(2026, '2025-12-31')).toBe(0)
    expect(elapsedDays(2026, '2027-03-01')).toBe(365)
  })
  it('projects the year-end from the pace so far', () => {
    // 73 pieces in the first 73 days of 2026 → 365
    expect(projectYearEnd(73, 2026, '2026-03-14')).toBe(365)
    // 100 by 2 July (183 days): 100 × 365 / 183 = 199.45
    expect(projectYearEnd(100, 2026, '2026-07-02')).toBe(199.45)
    expect(projectYearEnd(5, 2026, '2025-06-01')).toBe(0)
    // a year that is over: what was done
    expect(projectYearEnd(300, 2026, '2027-02-01')).toBe(300)
  })
  it('a department is behind when its projection falls short of the target, after January', () => {
    expect(pace(100, BUREAU_DEFAULT_TARGETS.news, 2026, '2026-07-02')).toEqual({ done: 100, target: 343, expected: 171.97, projected: 199.45, shortfall: 143.55, behind: true })
    expect(pace(180, 343, 2026, '2026-07-02').behind).toBe(false)
    // in January nobody is called behind yet, though the figures are shown
    expect(pace(0, 343, 2026, '2026-01-20')).toMatchObject({ shortfall: 343, behind: false })
    // no target, no shortfall
    expect(pace(0, 0, 2026, '2026-07-02')).toMatchObject({ shortfall: 0, behind: false })
  })
})
