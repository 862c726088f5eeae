import crypto from 'node:crypto'
import { signMediaUrl, verifyMediaSignature } from '../../../server/media/signed-url'

const SECRET = 'test-secret-that-is-at-least-32-bytes-long'
const NOW = new Date('2025-03-01T08:00:00Z')
const IN_AN_HOUR = new Date(NOW.getTime() + 3600_000)

/** Splits a signed path back into what the route will see. */
function parse(url: string) {
  const parsed = new URL(url, 'http://localhost')
  const [, , , id, variant] = parsed.pathname.split('/')
  return { id, variant: variant as 'full' | 'thumb', exp: parsed.searchParams.get('exp'), sig: parsed.searchParams.get('sig') }
}

describe('signed media URLs', () => {
  const url = signMediaUrl({ id: 'b1946ac9-2f8d-4c4e-9e1a-0d1f3c9a7e55', variant: 'thumb' }, IN_AN_HOUR, SECRET)

  it('has the route’s shape', () => {
    expect(url).toMatch(/^\/api\/media\/b1946ac9-2f8d-4c4e-9e1a-0d1f3c9a7e55\/thumb\?exp=\d+&sig=[A-Za-z0-9_-]{43}$/)
    expect(parse(url).exp).toBe(String(IN_AN_HOUR.getTime() / 1000))
  })

  it('verifies until it expires, then says expired', () => {
    expect(verifyMediaSignature(parse(url), SECRET, NOW)).toEqual({ ok: true })
    expect(verifyMediaSignature(parse(url), SECRET, new Date(IN_AN_HOUR.getTime() - 1000))).toEqual({ ok: true })
    expect(verifyMediaSignature(parse(url), SECRET, IN_AN_HOUR)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses any changed part, and another secret', () => {
    const good = parse(url)
    const bad = { ok: false, reason: 'bad_signature' }
    expect(verifyMediaSignature({ ...good, id: 'b1946ac9-2f8d-4c4e-9e1a-0d1f3c9a7e56' }, SECRET, NOW)).toEqual(bad)
    expect(verifyMediaSignature({ ...good, variant: 'full' }, SECRET, NOW)).toEqual(bad)
    expect(verifyMediaSignature({ ...good, exp: String(Number(good.exp) + 86400) }, SECRET, NOW)).toEqual(bad)
    const flipped = (good.sig![0] === 'A' ? 'B' : 'A') + good.sig!.slice(1)
    expect(verifyMediaSignature({ ...good, sig: flipped }, SECRET, NOW)).toEqual(bad)
    expect(verifyMediaSignature(good, `${SECRET}-other`, NOW)).toEqual(bad)
  })

  it('refuses a forged past exp as a bad signature, not as expired', () => {
    const good = parse(url)
    expect(verifyMediaSignature({ ...good, exp: '1' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' })
  })

  it.each([
    ['missing exp', { exp: null }],
    ['non-numeric exp', { exp: '12abc' }],
    ['missing sig', { sig: undefined }],
    ['short sig', { sig: 'abc' }],
    ['array sig', { sig: ['a', 'b'] }],
    ['bad id', { id: '../x' }],
    ['bad variant', { variant: 'original' }]
  ])('refuses a malformed request (%s)', (_label, change) => {
    expect(verifyMediaSignature({ ...parse(url), ...change } as never, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('compares MACs in constant time', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual')
    try {
      verifyMediaSignature(parse(url), SECRET, NOW)
      expect(spy).toHaveBeenCalledTimes(1)
    } finally {
      spy.mockRestore()
    }
  })

  it('refuses to sign or verify with a short secret', () => {
    expect(() => signMediaUrl({ id: 'x', variant: 'full' }, IN_AN_HOUR, 'short')).toThrow(/32 bytes/)
    expect(() => verifyMediaSignature(parse(url), 'short', NOW)).toThrow(/32 bytes/)
  })
})
