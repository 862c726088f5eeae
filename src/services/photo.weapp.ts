// WeChat: wx.compressImage to the long side the server keeps anyway, read the size first.
import Taro from '@tarojs/taro'
// Not through the barrel: the outbox (main package) compresses photos.
import { CLIENT_JPEG_QUALITY } from '../../domain/media'
import { fitLongSide } from './photo-size'

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

/** Temporary files may be cleaned up between launches: a saved draft checks its photos. */
export function photoExists(path: string): boolean {
  try {
    Taro.getFileSystemManager().accessSync(path)
    return true
  } catch {
    return false
  }
}
