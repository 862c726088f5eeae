import Taro from '@tarojs/taro'

/** One request as it left the app: what the server would receive. */
export interface SentRequest {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
}

export interface FakeResponse {
  statusCode: number
  data: unknown
  /** Response headers (Retry-After of a 429). */
  header?: Record<string, string>
}

/**
 * Replaces the network boundary (Taro.request) with `answer`, recording every request.
 * `answer` returning an Error simulates a failure with no response (network down).
 */
export function fakeServer(answer: (req: SentRequest) => FakeResponse | Error): SentRequest[] {
  const sent: SentRequest[] = []
  jest.spyOn(Taro, 'request').mockImplementation(((opts: Taro.request.Option) => {
    const req: SentRequest = {
      url: opts.url,
      method: opts.method ?? 'GET',
      data: opts.data,
      header: (opts.header ?? {}) as Record<string, string>
    }
    sent.push(req)
    const res = answer(req)
    if (res instanceof Error) return Promise.reject(res)
    return Promise.resolve({ ...res, header: res.header ?? {}, cookies: [], errMsg: 'request:ok' })
  }) as unknown as typeof Taro.request)
  return sent
}
