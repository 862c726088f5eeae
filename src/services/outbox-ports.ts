// The outbox's ports (services/outbox/ports.ts) on Taro: storage, the typed API client, timers,
// the per-platform file keeper. The outbox itself knows nothing of Taro.
import Taro from '@tarojs/taro'
import { api, ApiError, uploadMedia } from './api'
import { fileKeeper } from './file-keeper'
import { photoExists } from './photo'
import {
  failureFromHttp,
  randomClientId,
  SendError,
  type OutboxEntry,
  type OutboxPorts,
  type OutboxStore,
  type Transport
} from './outbox'

export const outboxStorageKey = (userId: string) => `outbox:v1:${userId}`

export function taroStore(userId: string): OutboxStore {
  const key = outboxStorageKey(userId)
  return {
    async load() {
      try {
        const res = await Taro.getStorage<OutboxEntry[]>({ key })
        return Array.isArray(res.data) ? res.data : []
      } catch {
        return [] // no key yet
      }
    },
    async save(entries) {
      await Taro.setStorage({ key, data: entries })
    }
  }
}

/** ApiError → what the outbox needs: can a retry help? */
function sendErrorFrom(error: unknown): SendError {
  if (!(error instanceof ApiError) || error.status === 0) return new SendError({ kind: 'transient' })
  // An expired sign-in is not the content's fault: keep the entry and send after signing in again.
  if (error.status === 401) return new SendError({ kind: 'transient', message: '登录已过期，重新登录后自动发送' })
  return new SendError(failureFromHttp(error.status, { message: error.message }) ?? { kind: 'transient' })
}

export const PHOTO_GONE_MESSAGE = '照片文件已失效，请删除这条事例后重新报送'

export const taroTransport: Transport = {
  async uploadPhoto(localPath, onProgress, device) {
    // A vanished file never comes back: say so instead of retrying for ever.
    if (!photoExists(localPath)) throw new SendError({ kind: 'permanent', message: PHOTO_GONE_MESSAGE })
    try {
      const media = await uploadMedia(localPath, onProgress, device)
      return { id: media.id }
    } catch (e) {
      throw sendErrorFrom(e)
    }
  },
  async createCase(body) {
    try {
      const res = await api.createCase(body)
      return { id: res.case.id, created: res.created }
    } catch (e) {
      throw sendErrorFrom(e)
    }
  }
}

export function taroOutboxPorts(userId: string): OutboxPorts {
  return {
    store: taroStore(userId),
    transport: taroTransport,
    clock: {
      now: () => Date.now(),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
    },
    files: fileKeeper,
    newClientId: () => randomClientId(),
    random: Math.random
  }
}
