import fc from 'fast-check'
import { backoffDelay, DEFAULT_BACKOFF, failureFromHttp } from '../../../src/services/outbox'

describe('backoffDelay', () => {
  const cap = DEFAULT_BACKOFF.capMs

  it('doubles from 1 s, with jitter in the upper half', () => {
    const low = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0))
    const high = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0.999999))
    expect(low).toEqual([500, 1_000, 2_000, 4_000, 8_000])
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000, 16_000])
  })

  it('is capped at 5 minutes however many failures', () => {
    expect(backoffDelay(9, () => 0.999999)).toBe(256_000)
    expect(backoffDelay(10, () => 0.999999)).toBe(cap)
    expect(backoffDelay(1_000, () => 0.999999)).toBe(cap)
    expect(backoffDelay(1_000, () => 0)).toBe(cap / 2)
  })

  it('stays within [ceiling/2, ceiling] and the ceiling never shrinks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
        const ceiling = Math.min(cap, 1_000 * 2 ** Math.min(n - 1, 30))
        const d = backoffDelay(n, () => r)
        expect(d).toBeGreaterThanOrEqual(ceiling / 2)
        expect(d).toBeLessThanOrEqual(ceiling)
        expect(backoffDelay(n + 1, () => 0)).toBeGreaterThanOrEqual(backoffDelay(n, () => 0))
      })
    )
  })
})

describe('failureFromHttp', () => {
  it('passes 4xx messages through as permanent, retries 408/429/5xx', () => {
    expect(failureFromHttp(201, {})).toBeNull()
    expect(failureFromHttp(400, { error: 'bad_request', message: '标题不能为空' })).toEqual({ kind: 'permanent', message: '标题不能为空' })
    expect(failureFromHttp(413, 'not json')).toEqual({ kind: 'permanent', message: '提交被拒绝（413）' })
    expect(failureFromHttp(408, {})?.kind).toBe('transient')
    expect(failureFromHttp(429, {})?.kind).toBe('transient')
    expect(failureFromHttp(503, {})?.kind).toBe('transient')
  })
})
