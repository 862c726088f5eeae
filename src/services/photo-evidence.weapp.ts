// WeChat: the original file through the FileSystemManager, before wx.compressImage writes one without EXIF.
import Taro from '@tarojs/taro'
import type { DeviceEvidence } from '@/domain'
import { EXIF_HEAD_BYTES, readExif } from './exif'

/**
 * The original's head through the FileSystemManager, before wx.compressImage writes a file with
 * no EXIF. Only as many bytes as the file has: WeChat refuses a length past its end.
 */
export async function readDeviceEvidence(path: string): Promise<DeviceEvidence> {
  try {
    const fs = Taro.getFileSystemManager()
    const { size } = fs.statSync(path) as Taro.Stats
    const head = await new Promise<ArrayBuffer>((resolve, reject) =>
      fs.readFile({
        filePath: path,
        position: 0,
        length: Math.min(size, EXIF_HEAD_BYTES),
        success: (res) => resolve(res.data as ArrayBuffer),
        fail: reject
      })
    )
    return readExif(head)
  } catch {
    return {}
  }
}
