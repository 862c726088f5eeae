// One phone, one network, one server, for one generated run. The app may "crash": the
// world then moves to a new generation, and every port call of an older app instance hangs
// forever without effect, exactly like code that no longer runs. What survives is what a
// phone keeps: the saved store, the files, and the server.
import { SendError, type OutboxEntry, type OutboxPorts } from '../../../../src/services/outbox'
import { FakeClock } from './fake-clock'
import { SimServer } from './server'

/** What the network does to one request. */
export type NetFault =
  | 'deliver'
  | 'drop' // never reaches the server
  | 'serverError' // reaches it, 5xx before any change
  | 'timeoutAfter' // the server processed it; the phone sees a timeout
  | 'duplicate' // delivered twice (the phone sees the second answer)

/** Whether the app dies around this port call (save, file operation or request). */
export type CrashPoint = 'none' | 'before' | 'after'

export interface Fault {
  net: NetFault
  crash: CrashPoint
}

const HEALTHY: Fault = { net: 'deliver', crash: 'none' }
const OFFICER = 'officer-1'

const never = <T>(): Promise<T> => new Promise<T>(() => undefined)

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class World {
  readonly clock = new FakeClock()
  readonly server: SimServer
  /** Photos as picked (temporary files); path -> content. */
  readonly tempFiles = new Map<string, string>()
  /** The FileKeeper's folder; path -> content. */
  readonly keptFiles = new Map<string, string>()
  /** What the store holds, as the JSON a real storage key would. */
  persisted: string | null = null
  online = true
  generation = 0
  crashed = false
  /** Crashes so far, and network faults that hit a request (for the coverage check). */
  crashes = 0
  readonly netFaults = new Map<NetFault, number>()
  /** Requests the phone should never make: the saved state already had their result. */
  wasted = { reuploads: 0, resubmits: 0 }
  /** After the schedule: no more faults. */
  healthy = false
  readonly random: () => number
  private cursor = 0
  private keptCount = 0
  private idCount = 0

  constructor(
    private readonly faults: readonly Fault[],
    options: { dedupeMedia: boolean; seed: number }
  ) {
    this.server = new SimServer(options.dedupeMedia)
    this.random = mulberry32(options.seed)
  }

  crash(): void {
    this.generation++
    this.crashed = true
    this.crashes++
  }

  savedEntries(): OutboxEntry[] {
    return this.persisted ? (JSON.parse(this.persisted) as OutboxEntry[]) : []
  }

  private nextFault(): Fault {
    if (this.healthy || this.cursor >= this.faults.length) return HEALTHY
    return this.faults[this.cursor++]
  }

  /** One port call of app instance `gen`: may crash before or after its effect. */
  private call<T>(gen: number, effect: (fault: Fault) => T): Promise<T> {
    if (gen !== this.generation) return never()
    const fault = this.nextFault()
    if (fault.crash === 'before') {
      this.crash()
      return never()
    }
    let result: T
    try {
      result = effect(fault)
    } catch (error) {
      if (fault.crash === 'after') {
        this.crash()
        return never()
      }
      return Promise.reject(error)
    }
    if (fault.crash === 'after') {
      this.crash()
      return never()
    }
    return Promise.resolve(result)
  }

  private request<T>(fault: Fault, atServer: () => T): T {
    const transient = (message?: string) => new SendError({ kind: 'transient', message })
    if (!this.online) throw transient('网络未连接')
    this.netFaults.set(fault.net, (this.netFaults.get(fault.net) ?? 0) + 1)
    switch (fault.net) {
      case 'drop':
        throw transient()
      case 'serverError':
        throw transient('服务器暂时不可用')
      case 'timeoutAfter':
        atServer()
        throw transient('请求超时')
      case 'duplicate':
        atServer()
        return atServer()
      case 'deliver':
        return atServer()
    }
  }

  /** The ports for a new app instance; they die with the next crash. */
  portsFor(gen: number): OutboxPorts {
    return {
      store: {
        load: () => this.call(gen, () => this.savedEntries()),
        save: (entries) =>
          this.call(gen, () => {
            this.persisted = JSON.stringify(entries)
          })
      },
      transport: {
        uploadPhoto: (localPath, onProgress) => {
          const saved = this.savedEntries().flatMap((e) => e.photos)
          if (gen === this.generation && saved.some((p) => p.localPath === localPath && p.mediaId)) this.wasted.reuploads++
          return this.call(gen, (fault) =>
            this.request(fault, () => {
              const content = this.keptFiles.get(localPath)
              // The real uploadFile fails too; permanent, so a bug here ends as "failed" in the assertions.
              if (content === undefined) throw new SendError({ kind: 'permanent', message: `照片文件丢失 ${localPath}` })
              onProgress(0.5)
              return this.server.upload(content)
            })
          )
        },
        createCase: (body) => {
          const saved = this.savedEntries().find((e) => e.clientId === body.clientId)
          if (gen === this.generation && saved?.state === 'submitted') this.wasted.resubmits++
          return this.call(gen, (fault) => this.request(fault, () => this.server.createCase(OFFICER, body)))
        }
      },
      clock: this.clock.port(() => gen === this.generation),
      files: {
        keep: (tempPath) =>
          this.call(gen, () => {
            const content = this.tempFiles.get(tempPath)
            if (content === undefined) throw new Error(`no temp file ${tempPath}`)
            const path = `usr/outbox/${++this.keptCount}.jpg`
            this.keptFiles.set(path, content)
            return path
          }),
        remove: (path) =>
          this.call(gen, () => {
            this.keptFiles.delete(path)
          }),
        list: () => this.call(gen, () => [...this.keptFiles.keys()])
      },
      // Unique across restarts, like a random id would be.
      newClientId: () => `client-${String(++this.idCount).padStart(4, '0')}`,
      random: this.random
    }
  }
}
