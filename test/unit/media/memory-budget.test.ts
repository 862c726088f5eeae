import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { ingestImage, UPLOAD_MEMORY_BUDGET, MAX_UPLOAD_BYTES } from '../../../server/media'
import { jpegWithExif } from '../../helpers/images'

it('uploads past the process-wide memory budget spool to a temp file, and all still succeed', async () => {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-budget-'))
  const photo = await jpegWithExif(640, 480)
  // Without a size hint each upload reserves the full 15 MB; this many fit in memory at once.
  const inMemory = Math.floor(UPLOAD_MEMORY_BUDGET / MAX_UPLOAD_BYTES)
  const streams = Array.from({ length: inMemory + 2 }, () => new PassThrough())
  const results = streams.map((s) => ingestImage(s, { keepGps: false, tmpDir }))
  // Start every upload, and hold them open: their reservations are all taken now.
  for (const s of streams) s.write(photo.subarray(0, 8192))
  const spooled = () => fs.readdirSync(tmpDir).filter((f) => f.startsWith('zhibao-upload-'))
  for (let waited = 0; spooled().length < 2 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50))
  expect(spooled()).toHaveLength(2)
  for (const s of streams) s.end(photo.subarray(8192))
  const done = await Promise.all(results)
  expect(new Set(done.map((d) => d.sha256)).size).toBe(1)
  expect(fs.readdirSync(tmpDir)).toEqual([])
})
