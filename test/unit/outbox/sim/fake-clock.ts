// A clock the test moves by hand: no real timers, so thousands of runs take seconds.
import type { Clock } from '../../../../src/services/outbox'

interface Timer {
  id: number
  at: number
  callback: () => void
  /** False once the app instance that set it has "crashed". */
  live: () => boolean
}

export class FakeClock {
  now = 1_700_000_000_000
  private timers: Timer[] = []
  private nextId = 1

  /** A Clock port whose timers die with its owner (an app instance). */
  port(live: () => boolean = () => true): Clock {
    return {
      now: () => this.now,
      setTimer: (callback, ms) => {
        const timer = { id: this.nextId++, at: this.now + Math.max(0, ms), callback, live }
        this.timers.push(timer)
        return timer.id
      },
      clearTimer: (handle) => {
        this.timers = this.timers.filter((t) => t.id !== handle)
      }
    }
  }

  private takeNext(until: number): Timer | undefined {
    this.timers = this.timers.filter((t) => t.live())
    const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0]
    if (due) this.timers = this.timers.filter((t) => t !== due)
    return due
  }

  /** Moves time forward by `ms`, firing due timers in order and letting each settle. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.now + ms
    for (let t = this.takeNext(end); t; t = this.takeNext(end)) {
      this.now = Math.max(this.now, t.at)
      t.callback()
      await settle()
    }
    this.now = end
  }

  /** Jumps to the next live timer and fires it. False if there is none. */
  async fireNext(settle: () => Promise<void>): Promise<boolean> {
    const t = this.takeNext(Infinity)
    if (!t) return false
    this.now = Math.max(this.now, t.at)
    t.callback()
    await settle()
    return true
  }

  pending(): number {
    return this.timers.filter((t) => t.live()).length
  }
}

/** Lets every pending promise chain run. The simulated ports resolve in microtasks only. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
