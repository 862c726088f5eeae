// One outbox per signed-in officer: created on first use, started once, fed the network status
// and app-show events, and stopped when someone else signs in (or nobody is).
import Taro from '@tarojs/taro'
import { createOutbox, type Outbox } from './outbox'
import { taroOutboxPorts } from './outbox-ports'
import { session } from './session'

let current: { userId: string; outbox: Outbox } | null = null
let wired = false

function online(networkType: string | undefined): boolean {
  return networkType !== 'none'
}

/** Platform events, registered once for the whole app. */
function wirePlatform(): void {
  if (wired) return
  wired = true
  Taro.onNetworkStatusChange?.((res) => current?.outbox.onNetworkChange(res.isConnected))
  // Back from the background (the camera, another app): a good moment to try again.
  Taro.onAppShow?.(() => void current?.outbox.flush().catch(() => undefined))
  session.subscribe(() => {
    const user = session.user()
    if (current && current.userId !== user?.id) {
      current.outbox.stop()
      current = null
    }
  })
}

async function startWithNetwork(outbox: Outbox): Promise<void> {
  let isOnline = true
  try {
    isOnline = online((await Taro.getNetworkType()).networkType)
  } catch {
    // Unknown: assume online; a failed send backs off anyway.
  }
  await outbox.start({ online: isOnline })
}

/** The signed-in officer's outbox, started; null for anyone else. */
export function getOutbox(): Outbox | null {
  const user = session.user()
  if (!user || !user.roles.includes('officer')) return null
  if (current?.userId === user.id) return current.outbox
  wirePlatform()
  current?.outbox.stop()
  const outbox = createOutbox(taroOutboxPorts(user.id))
  current = { userId: user.id, outbox }
  void startWithNetwork(outbox).catch(() => undefined)
  return outbox
}

/** Tests only: forget the instance (each test signs in afresh). */
export function resetOutboxForTests(): void {
  current?.outbox.stop()
  current = null
}
