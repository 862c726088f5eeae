/** An error whose status and Chinese message are safe to show to the caller. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

export const badRequest = (message: string, code = 'bad_request') => new HttpError(400, code, message)
export const unauthorized = (message = '请先登录') => new HttpError(401, 'unauthorized', message)
export const forbidden = (message = '您没有权限进行此操作') => new HttpError(403, 'forbidden', message)
export const notFound = (message = '内容不存在或已被删除') => new HttpError(404, 'not_found', message)
export const conflict = (message: string) => new HttpError(409, 'conflict', message)
export const badGateway = (message: string) => new HttpError(502, 'upstream_error', message)
export const serviceUnavailable = (message: string) => new HttpError(503, 'service_unavailable', message)
