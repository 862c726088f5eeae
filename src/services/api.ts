import Taro from '@tarojs/taro'
// Straight from the module, not the @/domain barrel: this file is in the main package.
import { DEVICE_EVIDENCE_FIELDS, type DeviceEvidence } from '../../domain/media'
import type { SessionView, UserView, RedeemedInvitation, Role, CreateCaseBody, MediaView, MyCaseView } from '@/domain'
import { session } from './session'
import { LOGIN_PAGE } from './routes'
import { API_BASE } from './api-base'


/** A failed call: the server's machine code and its Chinese message, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a 429: when the server says asking again can succeed (its Retry-After). */
    readonly retryAfterSeconds?: number
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * What a person reads after a 429: not a fault of theirs or ours, when to try again, and that
 * nothing they typed is lost (the forms keep their fields on any error).
 */
export function rateLimitMessage(seconds: number | undefined): string {
  const wait = seconds && seconds > 0 ? ` ${seconds} 秒后` : '稍等片刻'
  return `操作有点频繁，请${wait}再试；您填写的内容都还在`
}

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试'

/**
 * Whether asking again could give another answer: no response, a server fault, a timeout or a
 * rate limit. Not a refusal (403), a missing item (404) or a bad request: 重试 would only repeat it.
 */
export function canRetry(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true
  return e.status === 0 || e.status >= 500 || e.status === 408 || e.status === 429
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

interface RequestOptions {
  method?: Method
  data?: unknown
  query?: Record<string, string | number | boolean | undefined | null>
  /** Retry on network failure. On by default for GET; set it for POSTs the server de-duplicates. */
  retry?: boolean
  /** Skip the bearer token (login calls). */
  anonymous?: boolean
}

const RETRY_DELAYS_MS = [300, 1000]

export function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function errorFrom(status: number, body: unknown, headers?: Record<string, unknown>): ApiError {
  const b = (body ?? {}) as { error?: unknown; message?: unknown }
  const code = typeof b.error === 'string' ? b.error : `http_${status}`
  if (status === 429) {
    const raw = headers && Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1]
    const seconds = Number.isFinite(Number(raw)) && Number(raw) > 0 ? Math.ceil(Number(raw)) : undefined
    return new ApiError(status, code, rateLimitMessage(seconds), seconds)
  }
  const message = typeof b.message === 'string' && b.message ? b.message : `请求失败（${status}）`
  return new ApiError(status, code, message)
}

let redirectingToLogin = false
function onUnauthorized(): void {
  session.clear()
  if (redirectingToLogin) return
  redirectingToLogin = true
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    redirectingToLogin = false
  })
}

/**
 * Where the platform can sign in without asking (WeChat's wx.login), app.tsx registers it here:
 * a sign-in whose refresh token no longer works is then replaced silently too.
 */
let silentSignIn: (() => Promise<SessionView | null>) | null = null
export function setSilentSignIn(fn: (() => Promise<SessionView | null>) | null): void {
  silentSignIn = fn
}

/**
 * POST /api/auth/refresh. Only a 401 is a refusal (null: the sign-in is over). No answer, a timeout,
 * a server fault or a rate limit says nothing about the sign-in: the refresh token is kept and the
 * exchange tried again, now and on a later call. That is safe even if the lost answer had been
 * given: the server takes the old token again as the retry of a lost exchange.
 */
async function exchangeRefreshToken(refreshToken: string): Promise<SessionView | null> {
  for (let attempt = 0; ; attempt++) {
    let res: Taro.request.SuccessCallbackResult
    try {
      res = await Taro.request({ url: `${API_BASE}/api/auth/refresh`, method: 'POST', data: { refreshToken }, header: { 'Content-Type': 'application/json' }, dataType: 'json' })
    } catch {
      if (attempt < RETRY_DELAYS_MS.length) {
        await sleep(RETRY_DELAYS_MS[attempt])
        continue
      }
      throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
    }
    if (res.statusCode === 200) return res.data as SessionView
    if (res.statusCode === 401) return null
    throw errorFrom(res.statusCode, res.data)
  }
}

async function renew(): Promise<boolean> {
  const refreshToken = session.refreshToken()
  let renewed = refreshToken ? await exchangeRefreshToken(refreshToken) : null
  if (!renewed && silentSignIn) {
    // No answer to the silent sign-in either: not a refusal, try again on a later call.
    renewed = await silentSignIn().catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 0) throw e
      return null
    })
  }
  if (!renewed) return false
  session.save(renewed)
  return true
}

let renewing: Promise<boolean> | null = null
/**
 * After a 401: gets a new access token, one exchange at a time (a refresh token works once, and a
 * second exchange of the same one would end the sign-in). `usedToken` is what the refused call
 * sent; if another call has renewed since, its token is simply used. True: call again.
 */
export function renewSession(usedToken: string | null): Promise<boolean> {
  const current = session.token()
  if (current && current !== usedToken) return Promise.resolve(true)
  renewing ??= renew().finally(() => {
    renewing = null
  })
  return renewing
}

/** A 401 on a signed-in call: renew and say whether to try again; otherwise back to the login page. */
async function recoverFrom401(usedToken: string | null): Promise<boolean> {
  if (await renewSession(usedToken)) return true
  onUnauthorized()
  return false
}

export const bearerHeader = (token: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {})

/**
 * A signed-in call that is not a JSON request (an upload, a file download): run with the current
 * token; after a 401, renew and run it once more, as `request` does; a 401 again, or no renewal,
 * signs out. `statusOf` reads the answer's HTTP status.
 */
export async function withRenewal<R>(call: (token: string | null) => Promise<R>, statusOf: (r: R) => number): Promise<R> {
  const token = session.token()
  const first = await call(token)
  if (statusOf(first) !== 401 || !(await recoverFrom401(token))) return first
  const again = await call(session.token())
  if (statusOf(again) === 401) onUnauthorized()
  return again
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await requestWithStatus<T>(path, opts)).data
}

/** Like `request`, for the calls whose 2xx status carries meaning (201 created vs 200 existing). */
export async function requestWithStatus<T>(path: string, opts: RequestOptions = {}): Promise<{ status: number; data: T }> {
  const method = opts.method ?? 'GET'
  const retry = opts.retry ?? method === 'GET'
  const url = `${API_BASE}${path}${queryString(opts.query)}`
  let renewed = false

  for (let attempt = 0; ; attempt++) {
    const token = opts.anonymous ? null : session.token()
    const header: Record<string, string> = { 'Content-Type': 'application/json', ...bearerHeader(token) }
    let res: Taro.request.SuccessCallbackResult
    try {
      // A JSON request with an empty body is a 400 from the server, so a call without data sends {}.
      const data = opts.data === undefined && method !== 'GET' ? {} : opts.data
      res = await Taro.request({ url, method, data: data as never, header, dataType: 'json' })
    } catch {
      // No response at all: network down, DNS, timeout. Safe to repeat only when the call is idempotent.
      if (retry && attempt < RETRY_DELAYS_MS.length) {
        await sleep(RETRY_DELAYS_MS[attempt])
        continue
      }
      throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode, data: res.data as T }
    // A 401 was answered before anything was done: repeating the call once with a new token is safe.
    if (res.statusCode === 401 && !opts.anonymous && !renewed && (await recoverFrom401(token))) {
      renewed = true
      attempt--
      continue
    }
    if (res.statusCode === 401 && !opts.anonymous && renewed) onUnauthorized()
    if (res.statusCode === 403 && (res.data as { error?: unknown } | null)?.error === 'password_change_required') onUnauthorized()
    throw errorFrom(res.statusCode, res.data, res.header)
  }
}

function parseUploadBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

/**
 * `POST /api/media` (multipart field `file`) with the token; `onProgress` gets 0..1. Not retried
 * here: the outbox (or the form's 重试) decides. Errors are ApiErrors like every other call.
 */
export async function uploadMedia(
  filePath: string,
  onProgress: (fraction: number) => void = () => undefined,
  device: DeviceEvidence = {}
): Promise<MediaView> {
  const send = async (token: string | null): Promise<Taro.uploadFile.SuccessCallbackResult> => {
    try {
      const task = Taro.uploadFile({ url: `${API_BASE}/api/media`, filePath, name: 'file', header: bearerHeader(token), formData: deviceFields(device) })
      task.onProgressUpdate?.((p) => onProgress(Math.min(1, Math.max(0, p.progress / 100))))
      return await task
    } catch {
      throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
    }
  }
  const res = await withRenewal(send, (r) => r.statusCode)
  const body = parseUploadBody(res.data)
  if (res.statusCode >= 200 && res.statusCode < 300) return body as MediaView
  throw errorFrom(res.statusCode, body, (res as { header?: Record<string, unknown> }).header)
}

/**
 * A 2xx that does not carry what was created is not a success: a client that took it for one
 * would drop the submission. `expected` says what the created object must show.
 */
export function checkCreated<T extends { id?: unknown }>(status: number, data: T, expected: Partial<Record<keyof T, unknown>> = {}): T {
  const ok =
    typeof data === 'object' && data !== null && typeof data.id === 'string' && Object.entries(expected).every(([k, v]) => (data as Record<string, unknown>)[k] === v)
  if (!ok) throw new ApiError(status, 'not_created', '服务器没有确认收到，请稍后重试')
  return data
}

/** The device's evidence as the upload's text fields (both platforms send them before the file). */
function deviceFields(device: DeviceEvidence): Record<string, string> {
  const fields: Record<string, string> = {}
  if (device.takenAt) fields[DEVICE_EVIDENCE_FIELDS.takenAt] = device.takenAt
  if (device.lat !== undefined && device.lng !== undefined) {
    // Fixed-point: String() would write a coordinate near zero as 1e-7, which the server refuses.
    fields[DEVICE_EVIDENCE_FIELDS.lat] = device.lat.toFixed(7)
    fields[DEVICE_EVIDENCE_FIELDS.lng] = device.lng.toFixed(7)
  }
  return fields
}

export interface AppConfig {
  wechatMode: 'dev' | 'live'
}

/**
 * The typed surface of the server's API that the main package needs: one function per endpoint.
 * Calls only one role's pages make live beside those pages (citizen-api.ts, officer-api.ts,
 * desk-api.ts), so they travel in that role's subpackage. createCase stays: the officers' outbox
 * sends queued cases from the launch page.
 */
export const api = {
  config: () => request<AppConfig>('/api/config', { anonymous: true }),

  loginWechat: (code: string) =>
    request<SessionView>('/api/auth/wechat', { method: 'POST', data: { code }, anonymous: true }),
  loginPassword: (username: string, password: string) =>
    request<SessionView>('/api/auth/password', { method: 'POST', data: { username, password }, anonymous: true }),
  loginDev: (role: Role, name: string) =>
    request<SessionView>('/api/auth/dev', { method: 'POST', data: { role, name }, anonymous: true }),
  /** Ends this sign-in on the server; the device forgets it whatever the answer. */
  logout: async () => {
    const refreshToken = session.refreshToken()
    try {
      if (refreshToken) await request<void>('/api/auth/logout', { method: 'POST', data: { refreshToken }, anonymous: true })
    } finally {
      session.clear()
    }
  },
  /** 退出所有设备: every sign-in of this account ends, this one included. */
  signOutEverywhere: async () => {
    await request<{ revoked: number }>('/api/me/sessions/revoke-all', { method: 'POST' })
    session.clear()
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    request<UserView>('/api/auth/password/change', { method: 'POST', data: { currentPassword, newPassword } }),
  me: () => request<UserView>('/api/me'),
  redeemInvitation: (code: string) =>
    request<RedeemedInvitation>('/api/invitations/redeem', { method: 'POST', data: { code } }),

  /** 201 → created; 200 → the server already had a case under this clientId. */
  createCase: async (body: CreateCaseBody) => {
    const { status, data } = await requestWithStatus<MyCaseView>('/api/cases', { method: 'POST', data: body })
    // It must be this case: the same clientId answered with anything else is not a delivery.
    return { created: status === 201, case: checkCreated(status, data, { clientId: body.clientId }) }
  }
}

/** Shows a failed call's message (the server's Chinese text) as a toast. */
export function showError(e: unknown): void {
  const message = e instanceof ApiError ? e.message : '出错了，请稍后重试'
  Taro.showToast({ title: message, icon: 'none', duration: 2500 })
}
