// The desk's browser: the export needs the bearer token, so a plain link cannot fetch it. Fetch it
// with the token, then hand the blob to the browser as a download under the server's file name.
import { API_BASE } from '@/services/api-base'
import { ApiError, NETWORK_ERROR_MESSAGE, bearerHeader, errorFrom, queryString, withRenewal } from '@/services/api'
import type { ExportRequest } from './ledger-api'

/** The name in Content-Disposition (filename*=UTF-8''…), else ours. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1]
  try {
    return star ? decodeURIComponent(star) : fallback
  } catch {
    return fallback
  }
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {}
  res.headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

async function fetchOnce(url: string, token: string | null): Promise<Response> {
  try {
    return await fetch(url, { headers: bearerHeader(token), cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
  }
}

export async function downloadExport(req: ExportRequest): Promise<void> {
  const url = `${API_BASE}${req.path}${queryString(req.query)}`
  // An expired access token: renewed once, as for every other call.
  const res = await withRenewal((token) => fetchOnce(url, token), (r) => r.status)
  if (!res.ok) throw errorFrom(res.status, await res.json().catch(() => null), headersOf(res))
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = fileNameOf(res, req.fileName)
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Late, so the browser has started reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
