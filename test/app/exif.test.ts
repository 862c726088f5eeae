// The phone-side EXIF reader against JPEGs that sharp writes the way cameras do.
import sharp from 'sharp'
import { readExif } from '@/services/exif'
import { jpegWithExif } from '../helpers/images'

const buf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
const GPS = { latRef: 'N' as const, lat: '34/1 15/1 0/1', lngRef: 'E' as const, lng: '108/1 56/1 0/1' }

test('reads the capture time (Beijing time when the camera gives no offset) and the GPS position', async () => {
  const jpeg = await jpegWithExif(64, 48, { dateTimeOriginal: '2026:11:25 10:05:00', gps: GPS })
  expect(readExif(buf(jpeg))).toEqual({ takenAt: '2026-11-25T10:05:00+08:00', lat: 34.25, lng: 108.9333333 })
})

test('uses the photo’s own offset, and south / west references', async () => {
  const jpeg = await jpegWithExif(64, 48, {
    dateTimeOriginal: '2026:11:25 10:05:00',
    offsetTimeOriginal: '-03:00',
    gps: { latRef: 'S', lat: '33/1 52/1 0/1', lngRef: 'W', lng: '70/1 30/1 0/1' }
  })
  const facts = readExif(buf(jpeg))
  expect(facts.takenAt).toBe('2026-11-25T10:05:00-03:00')
  expect(facts.lat).toBeCloseTo(-33.8666667, 6)
  expect(facts.lng).toBe(-70.5)
})

test('says nothing for a photo without EXIF, an unset clock, a 0,0 fix, a PNG, or a truncated file', async () => {
  const plain = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#888' } }).jpeg().toBuffer()
  expect(readExif(buf(plain))).toEqual({})
  expect(readExif(buf(await jpegWithExif(32, 32, { dateTimeOriginal: '0000:00:00 00:00:00' })))).toEqual({})
  expect(readExif(buf(await jpegWithExif(32, 32, { dateTimeOriginal: '1970:01:01 08:00:00' })))).toEqual({})
  const noFix = await jpegWithExif(32, 32, { gps: { latRef: 'N', lat: '0/1 0/1 0/1', lngRef: 'E', lng: '0/1 0/1 0/1' } })
  expect(readExif(buf(noFix))).toEqual({})
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer()
  expect(readExif(buf(png))).toEqual({})

  // Cut inside the EXIF block, at every length: never throws, never invents a value.
  const full = await jpegWithExif(32, 32, { dateTimeOriginal: '2026:11:25 10:05:00', gps: GPS })
  for (let n = 0; n < 600 && n < full.length; n += 7) {
    const facts = readExif(buf(full.subarray(0, n)))
    if (facts.takenAt) expect(facts.takenAt).toBe('2026-11-25T10:05:00+08:00')
    if (facts.lat !== undefined) expect([facts.lat, facts.lng]).toEqual([34.25, 108.9333333])
  }
})

test('reads only the head of the file: EXIF sits before the image data', async () => {
  const big = await jpegWithExif(2000, 1500, { dateTimeOriginal: '2026:11:25 10:05:00' })
  expect(big.length).toBeGreaterThan(128 * 1024)
  expect(readExif(buf(big.subarray(0, 128 * 1024))).takenAt).toBe('2026-11-25T10:05:00+08:00')
})
