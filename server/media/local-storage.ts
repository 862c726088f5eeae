import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { assertValidKey, contentTypeOfKey, type MediaStorage, type StoredObject } from './storage'

/**
 * Objects as files under `rootDir`. Writes go to `rootDir/.tmp` (same file system) and
 * are renamed into place, so a reader never sees half a file. The content type is not
 * stored: it follows from the key's extension.
 */
export class LocalStorage implements MediaStorage {
  constructor(private readonly rootDir: string) {}

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const target = this.pathOf(key)
    if (await this.exists(key)) return
    const tmpDir = join(this.rootDir, '.tmp')
    await mkdir(tmpDir, { recursive: true })
    const tmp = join(tmpDir, randomUUID())
    try {
      const file = await open(tmp, 'wx')
      try {
        await file.writeFile(body)
        await file.sync()
      } finally {
        await file.close()
      }
      await mkdir(dirname(target), { recursive: true })
      await rename(tmp, target)
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      // Stat the opened file, not the path, so a concurrent delete cannot split the two.
      const file = await open(this.pathOf(key), 'r')
      const info = await file.stat()
      return { body: file.createReadStream(), size: info.size, contentType: contentTypeOfKey(key) }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile()
    } catch (err) {
      if (isNotFound(err)) return false
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  private pathOf(key: string): string {
    assertValidKey(key)
    return join(this.rootDir, ...key.split('/'))
  }
}

const isNotFound = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT'
