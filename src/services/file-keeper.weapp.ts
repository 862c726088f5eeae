// WeChat: temporary files may be cleaned up at any time, so the outbox moves each photo into
// its own folder under the user data path (wx.env.USER_DATA_PATH/outbox), which survives restarts.
import Taro from '@tarojs/taro'
import type { FileKeeper } from './outbox'

const dir = () => `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH ?? ''}/outbox`

/** wx's FileSystemManager speaks callbacks only. */
function fsCall<T>(run: (done: { success: (res: T) => void; fail: (err: { errMsg?: string }) => void }) => void): Promise<T> {
  return new Promise((resolve, reject) => run({ success: resolve, fail: (err) => reject(new Error(err?.errMsg ?? 'fs fail')) }))
}

async function ensureDir(): Promise<void> {
  const fs = Taro.getFileSystemManager()
  // "already exists" is the usual answer after the first photo.
  await fsCall((cb) => fs.mkdir({ dirPath: dir(), recursive: true, ...cb })).catch(() => undefined)
}

let counter = 0
function fileName(tempPath: string): string {
  const ext = /\.[a-z0-9]{1,5}$/i.exec(tempPath)?.[0] ?? '.jpg'
  counter = (counter + 1) % 1e6
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}${ext}`
}

export const fileKeeper: FileKeeper = {
  async keep(tempPath) {
    await ensureDir()
    const fs = Taro.getFileSystemManager()
    const res = await fsCall<{ savedFilePath: string }>((cb) =>
      fs.saveFile({ tempFilePath: tempPath, filePath: `${dir()}/${fileName(tempPath)}`, ...cb } as never)
    )
    return res.savedFilePath
  },
  async remove(keptPath) {
    const fs = Taro.getFileSystemManager()
    await fsCall((cb) => fs.unlink({ filePath: keptPath, ...cb })).catch(() => undefined)
  },
  async list() {
    const fs = Taro.getFileSystemManager()
    try {
      const res = await fsCall<{ files: string[] }>((cb) => fs.readdir({ dirPath: dir(), ...cb }))
      return res.files.map((name) => `${dir()}/${name}`)
    } catch {
      return []
    }
  }
}
