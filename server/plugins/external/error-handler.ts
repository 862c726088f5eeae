import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import { HttpError } from '../../http/errors'
import { isDomainError, type DomainError } from '../../../domain/errors'
import { describeValidationError } from '../../http/validation'

/**
 * The one place errors become responses: 4xx messages (Chinese, actionable) pass through,
 * 5xx details go to the log with the request id and never to the caller.
 */
export default fp(async (app) => {
  app.setErrorHandler((err: FastifyError & { validation?: any[]; validationContext?: string }, request, reply) => {
    const requestId = request.id
    if (err instanceof HttpError) {
      if (err.statusCode >= 500) request.log.error({ err }, 'upstream failure')
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, requestId })
    }
    if (isDomainError(err)) return reply.code(DOMAIN_STATUS[err.kind]).send(domainBody(err, requestId))
    if (err.validation) {
      const part = err.validationContext ?? 'body'
      // Prefer the error that names the field over a union's per-branch noise.
      const first = err.validation.find((e) => e.keyword !== 'if') ?? err.validation[0]
      return reply.code(400).send({ error: 'bad_request', message: describeValidationError(first, part), requestId })
    }
    const known = knownClientError(err)
    if (known) return reply.code(known.status).send({ error: known.code, message: known.message, requestId })
    request.log.error({ err }, 'unhandled error')
    return reply.code(500).send({ error: 'internal_error', message: '服务器开小差了，请稍后重试。如多次出现，请联系管理员并提供编号 ' + requestId, requestId })
  })

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'not_found', message: `没有这个接口：${request.method} ${request.url.split('?')[0]}`, requestId: request.id })
  })
})

/** The one mapping from the domain's error classes to HTTP. */
const DOMAIN_STATUS: Record<DomainError['kind'], number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409 }

function domainBody(err: DomainError, requestId: string) {
  const extra: Record<string, unknown> = {}
  if ('field' in err && err.field) extra.field = err.field
  if ('details' in err && err.details) extra.details = err.details
  return { error: err.code, message: err.message, ...extra, requestId }
}

function knownClientError(err: FastifyError): { status: number; code: string; message: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'bad_json', message: '请求内容不是有效的 JSON，请检查格式后重试' }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交' }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too_large', message: '提交的内容太大' }
  }
  if (err.statusCode === 429) return { status: 429, code: 'rate_limited', message: err.message || '操作太频繁，请稍后再试' }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: 'bad_request', message: '请求有误：' + err.message }
  }
  return null
}
