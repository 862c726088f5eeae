// H5: Taro's compressImage is a stub in the browser, so draw the photo on a canvas and
// export a JPEG blob. The returned object URL is what Taro's H5 uploadFile accepts.
// Not through the barrel: the outbox (main package) compresses photos.
import { CLIENT_JPEG_QUALITY } from '../../domain/media'
import { fitLongSide } from './photo-size'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image decode failed'))
    img.src = src
  })
}

/** Object URLs this page made; they die with the page, so a reloaded draft drops them. */
const made = new Set<string>()

export async function compressPhoto(path: string): Promise<string> {
  const url = await compressToUrl(path)
  made.add(url)
  return url
}

async function compressToUrl(path: string): Promise<string> {
  try {
    const img = await loadImage(path)
    const { width, height } = fitLongSide(img.naturalWidth, img.naturalHeight)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) return path
    ctx.drawImage(img, 0, 0, width, height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', CLIENT_JPEG_QUALITY))
    return blob ? URL.createObjectURL(blob) : path
  } catch {
    return path
  }
}

/**
 * A blob: URL lives as long as the page that made it; after a reload it is gone, and Taro's H5
 * uploadFile would wait forever on it. Only URLs this page made (or picked) count as readable.
 */
export function photoExists(path: string): boolean {
  return !path.startsWith('blob:') || made.has(path)
}
