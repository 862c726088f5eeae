import type { Cb } from './wx-answer'

/** One wx.uploadFile call the page made: what it sent, and the test's hands on its progress and answer. */
export interface UploadCall {
  url: string
  filePath: string
  name: string
  header: Record<string, string>
  formData: Record<string, string>
  progress: (p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void
  finish: (statusCode: number, data: string) => void
}

type UploadOptions = { url: string; filePath: string; name: string; header: Record<string, string>; formData?: Record<string, string> } & Cb<unknown>

/** A stand-in for wx.uploadFile that records each call in `uploads` and answers when the test says. */
export function fakeUploadFile(uploads: UploadCall[]) {
  return (o: UploadOptions) => {
    const listeners: UploadCall['progress'][] = []
    uploads.push({
      url: o.url,
      filePath: o.filePath,
      name: o.name,
      header: o.header,
      formData: o.formData ?? {},
      progress: (p) => listeners.forEach((l) => l(p)),
      finish: (statusCode, data) => {
        o.success?.({ statusCode, data, errMsg: 'uploadFile:ok' })
        o.complete?.()
      }
    })
    return { onProgressUpdate: (l: UploadCall['progress']) => void listeners.push(l), abort() {}, offProgressUpdate() {} }
  }
}
