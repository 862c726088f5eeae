// WeChat: wx.compressImage to the long side the server keeps anyway, read the size first.
import Taro from '@tarojs/taro'
import { CLIENT_JPEG_QUALITY, type DeviceEvidence } from '@/domain'
import { fitLongSide } from './photo-size'
import { EXIF_HEAD_BYTES, readExif } from './exif'

export async function compressPhoto(path: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path })
    const { width, height } = fitLongSide(info.width, info.height)
    const res = await Taro.compressImage({
      src: path,
      quality: Math.round(CLIENT_JPEG_QUALITY * 100),
      compressedWidth: width,
      compressedHeight: height
    })
    return res.tempFilePath
  } catch {
    // An odd format WeChat cannot compress: send the original, the server still resizes it.
    return path
  }
}

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

/** Temporary files may be cleaned up between launches: a saved draft checks its photos. */
export function photoExists(path: string): boolean {
  try {
    Taro.getFileSystemManager().accessSync(path)
    return true
  } catch {
    return false
  }
}
