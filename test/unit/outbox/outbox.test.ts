// Example-based checks of the outbox rules the property test does not pin down by itself.
import {
  createOutbox,
  entryView,
  SendError,
  type CaseDraft,
  type Outbox,
  type OutboxEntry,
  type Transport
} from '../../../src/services/outbox'
import { settle } from './sim/fake-clock'
import { World } from './sim/world'

const draft = (title = '查处过期食品'): CaseDraft => ({ title, body: '城关所检查发现…', occurredAt: '2025-03-01T09:00:00.000Z' })

function setup(transport?: (base: Transport) => Transport) {
  const world = new World([], { dedupeMedia: true, seed: 1 })
  for (const name of ['a', 'b', 'c']) world.tempFiles.set(`tmp/${name}.jpg`, `photo-${name}`)
  const ports = world.portsFor(0)
  const outbox = createOutbox(transport ? { ...ports, transport: transport(ports.transport) } : ports)
  return { world, outbox }
}

const only = (outbox: Outbox): OutboxEntry => {
  expect(outbox.entries()).toHaveLength(1)
  return outbox.entries()[0]
}

/** A transport whose calls wait until the test releases them. */
function gated(base: Transport) {
  const waiting: Array<() => void> = []
  let inFlight = 0
  let maxInFlight = 0
  const calls: string[] = []
  const hold = async <T>(label: string, call: () => Promise<T>): Promise<T> => {
    calls.push(label)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    await new Promise<void>((resolve) => waiting.push(resolve))
    inFlight--
    return call()
  }
  const transport: Transport = {
    uploadPhoto: (path, onProgress) => hold(`upload ${path}`, () => base.uploadPhoto(path, onProgress)),
    createCase: (body) => hold(`case ${body.clientId}`, () => base.createCase(body))
  }
  return { transport, calls, release: () => waiting.splice(0).forEach((go) => go()), stats: () => ({ maxInFlight }) }
}

describe('outbox', () => {
  it('sends photos first, in order, then the case; then marks it submitted and deletes the kept files', async () => {
    const { world, outbox } = setup()
    const seen: OutboxEntry['state'][] = []
    outbox.subscribe((list) => list[0] && seen.push(list[0].state))
    await outbox.start()
    const entry = await outbox.enqueue(draft(), ['tmp/a.jpg', 'tmp/b.jpg'])
    await settle()
    expect(world.server.cases).toHaveLength(1)
    expect(world.server.cases[0].clientId).toBe(entry.clientId)
    expect(world.server.contentsOf(world.server.cases[0])).toEqual(['photo-a', 'photo-b'])
    expect(only(outbox)).toMatchObject({ state: 'submitted', caseId: world.server.cases[0].id })
    expect(entryView(only(outbox))).toMatchObject({ label: '已提交', progress: 1, canRetry: false })
    expect([...new Set(seen)]).toEqual(['queued', 'sending', 'submitted'])
    expect(world.keptFiles.size).toBe(0)
    expect(world.tempFiles.size).toBe(3) // the picked originals are the platform's business
  })

  it('a permanent error marks the entry failed with the server message; no automatic retry; retry after a fix sends it', async () => {
    const { world, outbox } = setup()
    await outbox.start()
    const entry = await outbox.enqueue(draft('   '), ['tmp/a.jpg'])
    await settle()
    expect(only(outbox)).toMatchObject({ state: 'failed', lastError: '标题不能为空' })
    expect(entryView(only(outbox))).toMatchObject({ label: '失败', message: '标题不能为空', canRetry: true })
    expect(world.savedEntries()[0]).toMatchObject({ state: 'failed', lastError: '标题不能为空' })

    // Time passes, the network flaps: a failed entry waits for the officer.
    await world.clock.advance(3_600_000, settle)
    outbox.onNetworkChange(false)
    outbox.onNetworkChange(true)
    await settle()
    expect(only(outbox).state).toBe('failed')
    expect(world.server.cases).toHaveLength(0)

    expect(await outbox.edit(entry.clientId, draft('查处过期食品'))).toBe(true)
    expect(await outbox.retry(entry.clientId)).toBe(true)
    await settle()
    expect(only(outbox)).toMatchObject({ state: 'submitted', lastError: undefined })
    expect(world.server.cases.map((c) => [c.clientId, c.title])).toEqual([[entry.clientId, '查处过期食品']])
    // The photo uploaded before the refusal was not uploaded again.
    expect(world.server.media.size).toBe(1)
    expect(world.keptFiles.size).toBe(0)
  })

  it('a photo the server refuses can be removed from the failed entry, which then goes through without it', async () => {
    const refused = new Set<string>()
    const { world, outbox } = setup((base) => ({
      ...base,
      uploadPhoto: (path, onProgress) => {
        if (refused.has(path)) return Promise.reject(new SendError({ kind: 'permanent', message: '图片已损坏或无法识别' }))
        return base.uploadPhoto(path, onProgress)
      }
    }))
    await outbox.start()
    const entry = await outbox.enqueue(draft(), ['tmp/a.jpg', 'tmp/b.jpg'])
    const bad = entry.photos[1].localPath
    refused.add(bad)
    await settle()
    expect(only(outbox)).toMatchObject({ state: 'failed', lastError: '图片已损坏或无法识别' })

    expect(await outbox.removePhoto(entry.clientId, 'no/such/photo.jpg')).toBe(false)
    expect(await outbox.removePhoto(entry.clientId, bad)).toBe(true)
    expect(only(outbox).photos.map((p) => p.localPath)).toEqual([entry.photos[0].localPath])
    expect(world.keptFiles.has(bad)).toBe(false)
    expect(world.savedEntries()[0].photos).toHaveLength(1)

    expect(await outbox.retry(entry.clientId)).toBe(true)
    await settle()
    expect(only(outbox).state).toBe('submitted')
    expect(world.server.contentsOf(world.server.cases[0])).toEqual(['photo-a'])
    // Nothing to change once it is on the server.
    expect(await outbox.removePhoto(entry.clientId, entry.photos[0].localPath)).toBe(false)
  })

  it('transient failures back off exponentially up to 5 minutes, then succeed', async () => {
    let drops = 14
    const { world, outbox } = setup((base) => ({
      ...base,
      createCase: (body) => (drops-- > 0 ? Promise.reject(new SendError({ kind: 'transient' })) : base.createCase(body))
    }))
    await outbox.start()
    await outbox.enqueue(draft(), [])
    await settle()
    const waits: number[] = []
    while (only(outbox).state !== 'submitted' && waits.length < 30) {
      const e = only(outbox)
      expect(e).toMatchObject({ state: 'queued', attempts: waits.length + 1, lastError: '网络不稳定，稍后自动重试' })
      waits.push(e.nextAttemptAt - world.clock.now)
      await world.clock.fireNext(settle)
    }
    expect(waits).toHaveLength(14)
    expect(only(outbox).attempts).toBe(0)
    waits.forEach((wait, i) => {
      const ceiling = Math.min(300_000, 1_000 * 2 ** i)
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2)
      expect(wait).toBeLessThanOrEqual(ceiling)
    })
    expect(waits[13]).toBeGreaterThanOrEqual(150_000) // reached the cap's range
  })

  it('a restart does not upload again a photo whose upload had finished', async () => {
    let gate!: ReturnType<typeof gated>
    const { world, outbox } = setup((base) => (gate = gated(base)).transport)
    await outbox.start()
    await outbox.enqueue(draft(), ['tmp/a.jpg', 'tmp/b.jpg'])
    await settle()
    gate.release() // first photo uploaded
    await settle()
    expect(gate.calls).toEqual(['upload usr/outbox/1.jpg', 'upload usr/outbox/2.jpg'])
    expect(outbox.entries()[0].state).toBe('sending')

    world.crash() // the app dies while the second photo is uploading
    const uploads: string[] = []
    const ports = world.portsFor(world.generation)
    const restarted = createOutbox({
      ...ports,
      transport: { ...ports.transport, uploadPhoto: (path, p) => (uploads.push(path), ports.transport.uploadPhoto(path, p)) }
    })
    await restarted.start()
    await settle()
    expect(uploads).toEqual(['usr/outbox/2.jpg'])
    expect(only(restarted).state).toBe('submitted')
    expect(world.server.contentsOf(world.server.cases[0])).toEqual(['photo-a', 'photo-b'])
  })

  it('concurrent flush() calls share one run: one request at a time, nothing sent twice', async () => {
    let gate!: ReturnType<typeof gated>
    const { world, outbox } = setup((base) => (gate = gated(base)).transport)
    await outbox.start({ online: false })
    const first = await outbox.enqueue(draft('一'), ['tmp/a.jpg'])
    const second = await outbox.enqueue(draft('二'), [])
    outbox.onNetworkChange(true)
    const runs = [outbox.flush(), outbox.flush(), outbox.flush()]
    expect(new Set(runs).size).toBe(1)
    for (let i = 0; i < 10; i++) {
      await settle()
      gate.release()
    }
    await Promise.all(runs)
    expect(gate.calls).toEqual(['upload usr/outbox/1.jpg', `case ${first.clientId}`, `case ${second.clientId}`])
    expect(gate.stats().maxInFlight).toBe(1)
    expect(world.server.cases).toHaveLength(2)
    expect(world.server.repeats).toBe(0)
  })

  it('reports upload progress while sending, and refuses to remove a sending entry', async () => {
    let gate!: ReturnType<typeof gated>
    const { world, outbox } = setup((base) => (gate = gated(base)).transport)
    const progress: number[] = []
    outbox.subscribe((list) => list[0]?.state === 'sending' && progress.push(entryView(list[0]).progress))
    await outbox.start()
    const entry = await outbox.enqueue(draft(), ['tmp/a.jpg'])
    await settle()
    expect(only(outbox).state).toBe('sending')
    expect(await outbox.remove(entry.clientId)).toBe(false)
    gate.release()
    await settle()
    gate.release()
    await settle()
    expect(only(outbox).state).toBe('submitted')
    expect(progress).toEqual([0, 0.25, 0.5]) // sending; upload at 50 %; photo done, case on its way
    expect(await outbox.remove(entry.clientId)).toBe(true)
    expect(outbox.entries()).toEqual([])
    expect(world.savedEntries()).toEqual([])
  })

  it('removes a queued entry with its kept files, and sends nothing while offline', async () => {
    const { world, outbox } = setup()
    await outbox.start({ online: false })
    const entry = await outbox.enqueue(draft(), ['tmp/a.jpg', 'tmp/b.jpg'])
    await world.clock.advance(600_000, settle)
    expect(only(outbox).state).toBe('queued')
    expect(world.keptFiles.size).toBe(2)
    expect(await outbox.remove(entry.clientId)).toBe(true)
    expect(world.keptFiles.size).toBe(0)
    outbox.onNetworkChange(true)
    await settle()
    expect(world.server.cases).toHaveLength(0)
    expect(world.server.media.size).toBe(0)
  })

  it('after a restart, an entry saved as "sending" is sent again under the same clientId', async () => {
    const { world } = setup()
    world.keptFiles.set('usr/outbox/9.jpg', 'photo-z')
    world.keptFiles.set('usr/outbox/orphan.jpg', 'left by a crash')
    const stale: OutboxEntry = {
      clientId: 'client-stale',
      draft: draft(),
      photos: [{ localPath: 'usr/outbox/9.jpg', progress: 0.3 }],
      state: 'sending',
      attempts: 2,
      nextAttemptAt: world.clock.now + 60_000,
      createdAt: world.clock.now
    }
    world.persisted = JSON.stringify([stale])
    // The server already has the case: the crash came after it was created.
    const media = world.server.upload('photo-z')
    world.server.createCase('officer-1', { ...draft(), clientId: 'client-stale', mediaIds: [media.id] })

    world.crash()
    const outbox = createOutbox(world.portsFor(world.generation))
    await outbox.start()
    await settle()
    expect(only(outbox)).toMatchObject({ clientId: 'client-stale', state: 'submitted', caseId: world.server.cases[0].id })
    expect(world.server.cases).toHaveLength(1)
    expect(world.server.repeats).toBe(1)
    expect(world.keptFiles.size).toBe(0) // its photo after submit, the orphan at start
  })

  it('rejects more than 9 photos before keeping any', async () => {
    const { world, outbox } = setup()
    await outbox.start()
    await expect(outbox.enqueue(draft(), Array(10).fill('tmp/a.jpg'))).rejects.toThrow('最多 9 张照片')
    expect(world.keptFiles.size).toBe(0)
    expect(outbox.entries()).toEqual([])
  })

  it('keeps a short history of submitted entries', async () => {
    const { world, outbox } = setup()
    await outbox.start()
    await outbox.enqueue(draft(), [])
    await settle()
    expect(only(outbox).state).toBe('submitted')
    // Pruned at the next start after three days.
    world.clock.now += 3 * 24 * 3_600_000
    world.crash()
    const next = createOutbox(world.portsFor(world.generation))
    await next.start()
    expect(next.entries()).toEqual([])
  })

  it('a SendError from the transport is the only way to fail permanently', async () => {
    const { outbox } = setup((base) => ({
      ...base,
      createCase: async () => {
        throw new TypeError('bug in the transport')
      }
    }))
    await outbox.start()
    await outbox.enqueue(draft(), [])
    await settle()
    expect(only(outbox)).toMatchObject({ state: 'queued', attempts: 1 })
    expect(new SendError({ kind: 'permanent', message: 'x' }).failure.kind).toBe('permanent')
  })
})

