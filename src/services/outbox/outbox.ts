// The outbox: cases the officer submitted, kept on the phone until the server has them.
//
// Invariants that make a crash at any point harmless:
// - An entry is saved (with its clientId and kept photo files) before enqueue resolves.
// - Every network call happens after the state it depends on was saved; a photo's mediaId
//   is saved as soon as it is known, so a restart does not upload it again.
// - The case is created with the same clientId however often it is retried; the server
//   answers a repeat with the existing case. So "sending" after a restart simply becomes
//   "queued" again.
// - Kept photo files are deleted only after "submitted" was saved; files no unsent entry
//   references are swept at start (leftovers of a crash between those two steps, or
//   between keeping the files and saving a new entry).
import { backoffDelay, DEFAULT_BACKOFF } from './backoff'
import { toFailure, TRANSIENT_MESSAGE } from './errors'
import { DEFAULT_HISTORY, pruneHistory } from './history'
import type { Outbox, OutboxListener, OutboxOptions } from './api'
import { caseBody, copyDraft } from './case-body'
import type { OutboxPorts, TimerHandle } from './ports'
import { MAX_CASE_PHOTOS, type CaseDraft, type OutboxEntry, type OutboxPhoto, type PhotoToSend } from './types'

export function createOutbox(ports: OutboxPorts, options: OutboxOptions = {}): Outbox {
  const { store, transport, clock, files } = ports
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const history = options.history ?? DEFAULT_HISTORY

  // Entries are immutable; every change replaces the list, so listeners get a new reference.
  let entries: readonly OutboxEntry[] = []
  let online = true
  let stopped = false
  let started = false
  let flushing: Promise<void> | null = null
  let timer: TimerHandle | undefined
  const listeners = new Set<OutboxListener>()

  let markReady!: () => void
  let failReady!: (error: unknown) => void
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)))

  function set(next: readonly OutboxEntry[]): void {
    entries = next
    for (const listener of listeners) listener(entries)
  }

  function find(clientId: string): OutboxEntry | undefined {
    return entries.find((e) => e.clientId === clientId)
  }

  function patch(clientId: string, change: (e: OutboxEntry) => OutboxEntry): void {
    set(entries.map((e) => (e.clientId === clientId ? change(e) : e)))
  }

  // Saves run one after another, each writing the list as it was when asked, so the last
  // save to finish is always the newest state. A failed save does not block later ones.
  let saving: Promise<void> = Promise.resolve()
  function persist(): Promise<void> {
    const snapshot = entries
    saving = saving.catch(() => undefined).then(() => store.save(snapshot))
    return saving
  }

  async function removeFiles(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      // A file left behind is swept at the next start; not worth failing anything for.
      await files.remove(path).catch(() => undefined)
    }
  }

  async function sweepFiles(): Promise<void> {
    const referenced = new Set(entries.filter((e) => e.state !== 'submitted').flatMap((e) => e.photos.map((p) => p.localPath)))
    const present = await files.list()
    await removeFiles(present.filter((path) => !referenced.has(path)))
  }

  function current(clientId: string): OutboxEntry {
    const entry = find(clientId)
    // Unreachable: remove() and edit() refuse a sending entry.
    if (!entry) throw new Error(`outbox entry ${clientId} vanished while sending`)
    return entry
  }

  async function sendOne(clientId: string): Promise<void> {
    try {
      patch(clientId, (e) => ({ ...e, state: 'sending' }))
      await persist()
      const photoCount = current(clientId).photos.length
      for (let i = 0; i < photoCount; i++) {
        const photo = current(clientId).photos[i]
        if (photo.mediaId) continue
        const setPhoto = (change: Partial<typeof photo>) =>
          patch(clientId, (e) => ({ ...e, photos: e.photos.map((p, j) => (j === i ? { ...p, ...change } : p)) }))
        // Progress is shown, not saved: a restart starts the upload from zero anyway.
        const { id } = await transport.uploadPhoto(photo.localPath, (fraction) => setPhoto({ progress: fraction }), photo.device)
        setPhoto({ mediaId: id, progress: 1 })
        await persist()
      }
      const created = await transport.createCase(caseBody(current(clientId)))
      patch(clientId, (e) => ({
        ...e,
        state: 'submitted',
        caseId: created.id,
        submittedAt: clock.now(),
        attempts: 0,
        lastError: undefined
      }))
      await persist()
      await removeFiles(current(clientId).photos.map((p) => p.localPath))
    } catch (error) {
      const failure = toFailure(error)
      if (failure.kind === 'permanent') {
        patch(clientId, (e) => ({ ...e, state: 'failed', lastError: failure.message }))
      } else {
        patch(clientId, (e) => {
          // A save that failed after "submitted" lands here too: sending again is harmless.
          const attempts = e.attempts + 1
          return {
            ...e,
            state: 'queued',
            attempts,
            nextAttemptAt: clock.now() + backoffDelay(attempts, ports.random, backoff),
            lastError: failure.message ?? TRANSIENT_MESSAGE
          }
        })
      }
      // If even this save fails, the in-memory state is right and the next save carries it.
      await persist().catch(() => undefined)
    }
  }

  function nextDue(): OutboxEntry | undefined {
    const now = clock.now()
    return entries.find((e) => e.state === 'queued' && e.nextAttemptAt <= now)
  }

  function scheduleWake(): void {
    if (timer !== undefined) clock.clearTimer(timer)
    timer = undefined
    if (stopped || !online) return
    const waiting = entries.filter((e) => e.state === 'queued').map((e) => e.nextAttemptAt)
    if (waiting.length === 0) return
    const delay = Math.max(0, Math.min(...waiting) - clock.now())
    timer = clock.setTimer(() => {
      timer = undefined
      void flush().catch(() => undefined)
    }, delay)
  }

  function flush(): Promise<void> {
    // One flush at a time: two loops could both pick the same entry and send it twice.
    // The running loop re-reads the list before each entry, so it also sees new work.
    if (flushing) return flushing
    flushing = (async () => {
      try {
        await ready
        for (let entry = nextDue(); entry && online && !stopped; entry = nextDue()) {
          await sendOne(entry.clientId)
        }
      } finally {
        flushing = null
        scheduleWake()
      }
    })()
    return flushing
  }

  async function start(startOptions: { online?: boolean } = {}): Promise<void> {
    if (started) return ready
    started = true
    online = startOptions.online ?? online
    try {
      const now = clock.now()
      const loaded = await store.load()
      // "sending" means the app died mid-send; the server may or may not have the case,
      // and the clientId makes sending again safe. After a restart, try everything now.
      const resumed = loaded.map((e): OutboxEntry =>
        e.state === 'sending' || e.state === 'queued' ? { ...e, state: 'queued', nextAttemptAt: now } : e
      )
      set(pruneHistory(resumed, now, history))
      await persist()
      // Leftover files waste space but harm nothing: not a reason to stop the outbox.
      await sweepFiles().catch(() => undefined)
      markReady()
    } catch (error) {
      failReady(error)
      throw error
    }
    void flush().catch(() => undefined)
  }

  async function enqueue(draft: CaseDraft, photos: readonly (string | PhotoToSend)[]): Promise<OutboxEntry> {
    await ready
    if (photos.length > MAX_CASE_PHOTOS) throw new RangeError(`最多 ${MAX_CASE_PHOTOS} 张照片`)
    const kept: OutboxPhoto[] = []
    try {
      // In order: the case shows its photos in the order the officer picked them.
      for (const photo of photos) {
        const { path, device } = typeof photo === 'string' ? { path: photo, device: undefined } : photo
        kept.push({ localPath: await files.keep(path), progress: 0, ...(device && Object.keys(device).length ? { device: { ...device } } : {}) })
      }
    } catch (error) {
      await removeFiles(kept.map((p) => p.localPath))
      throw error
    }
    const now = clock.now()
    const entry: OutboxEntry = {
      clientId: ports.newClientId(),
      draft: copyDraft(draft),
      photos: kept,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now
    }
    set([...entries, entry])
    // If this save fails the caller hears of it; the entry stays in memory and is still sent.
    await persist()
    void flush().catch(() => undefined)
    return entry
  }

  async function retry(clientId: string): Promise<boolean> {
    await ready
    const entry = find(clientId)
    if (!entry || (entry.state !== 'failed' && entry.state !== 'queued')) return false
    patch(clientId, (e) => ({ ...e, state: 'queued', attempts: 0, nextAttemptAt: clock.now(), lastError: undefined }))
    await persist()
    void flush().catch(() => undefined)
    return true
  }

  async function edit(clientId: string, draft: CaseDraft): Promise<boolean> {
    await ready
    const entry = find(clientId)
    if (!entry || (entry.state !== 'failed' && entry.state !== 'queued')) return false
    // Same clientId: the server refused the earlier version, so it holds no case under it.
    patch(clientId, (e) => ({ ...e, draft: copyDraft(draft) }))
    await persist()
    return true
  }

  async function remove(clientId: string): Promise<boolean> {
    await ready
    const entry = find(clientId)
    if (!entry || entry.state === 'sending') return false
    set(entries.filter((e) => e.clientId !== clientId))
    // Entry first, files second: a crash in between leaves files the sweep deletes,
    // never an entry pointing at deleted files.
    await persist()
    await removeFiles(entry.photos.map((p) => p.localPath))
    return true
  }

  async function removePhoto(clientId: string, localPath: string): Promise<boolean> {
    await ready
    const entry = find(clientId)
    if (!entry || (entry.state !== 'failed' && entry.state !== 'queued')) return false
    if (!entry.photos.some((p) => p.localPath === localPath)) return false
    patch(clientId, (e) => ({ ...e, photos: e.photos.filter((p) => p.localPath !== localPath) }))
    // As in remove(): the entry is saved without the photo before its file goes.
    await persist()
    await removeFiles([localPath])
    return true
  }

  function onNetworkChange(nowOnline: boolean): void {
    const cameBack = nowOnline && !online
    online = nowOnline
    if (!started || stopped) return
    if (!nowOnline) return scheduleWake() // clears the timer: nothing to do offline
    if (cameBack) {
      // The failures that set these waits were most likely the network being down.
      // Not saved: start() makes every queued entry due anyway.
      const now = clock.now()
      set(entries.map((e) => (e.state === 'queued' && e.nextAttemptAt > now ? { ...e, nextAttemptAt: now } : e)))
    }
    void flush().catch(() => undefined)
  }

  function subscribe(listener: OutboxListener): () => void {
    listeners.add(listener)
    listener(entries)
    return () => void listeners.delete(listener)
  }

  function stop(): void {
    stopped = true
    scheduleWake()
  }

  return { start, enqueue, flush, retry, edit, remove, removePhoto, onNetworkChange, subscribe, entries: () => entries, stop }
}
