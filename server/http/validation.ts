import Ajv, { type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import { FORMATS, DATE_TIME_MIN_YEAR, DATE_TIME_MAX_YEAR } from '../../domain/schemas/formats'

/**
 * Bodies are checked strictly (a number where text is expected is an error, unknown fields are
 * errors); query strings and params arrive as text, so only they are coerced.
 */
function makeAjv(coerceTypes: boolean) {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, verbose: true, strict: false })
  addFormats(ajv)
  // The domain's formats replace ajv-formats' looser uuid and date-time (which let
  // `urn:uuid:…` and leap seconds through to PostgreSQL, and a 500).
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate })
  return ajv
}
const strictAjv = makeAjv(false)
const coercingAjv = makeAjv(true)

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv
  return ajv.compile(schema) as any
}

const PART_LABEL: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '地址参数', headers: '请求头' }

function fieldTitle(err: ErrorObject, name?: string): string {
  const parent = err.parentSchema as { title?: string; properties?: Record<string, { title?: string }> } | undefined
  // People read the Chinese title; the raw field name only when a schema has none.
  if (name) return parent?.properties?.[name]?.title ?? name
  return parent?.title || err.instancePath.replace(/^\//, '').replace(/\//g, '.') || '内容'
}

/** Turns the first schema violation into a sentence a person can act on. */
export function describeValidationError(err: ErrorObject, part: string): string {
  const p = err.params as Record<string, any>
  const field = fieldTitle(err)
  switch (err.keyword) {
    case 'required':
      return `缺少必填项：${fieldTitle(err, p.missingProperty)}`
    case 'additionalProperties':
      return `${PART_LABEL[part] ?? '请求'}中有不支持的字段：${p.additionalProperty}，请删除后重试`
    case 'minLength':
      return p.limit === 1 ? `${field}不能为空` : `${field}至少需要 ${p.limit} 个字`
    case 'maxLength':
      return `${field}不能超过 ${p.limit} 个字，当前 ${String(err.data ?? '').length} 个字`
    case 'pattern':
      return `${field}格式不正确`
    case 'format':
      return describeFormat(field, p.format)
    case 'type':
      return `${field}的类型不正确，应为${typeLabel(p.type)}`
    case 'const':
    case 'enum':
    case 'anyOf': {
      const options = allowedValues(err)
      return options ? `${field}的取值不正确，可选：${options}` : `${field}的取值不正确`
    }
    case 'minimum':
    case 'maximum':
      return `${field}应在允许范围内（${err.keyword === 'minimum' ? '最小' : '最大'} ${p.limit}）`
    default:
      return `${field}不符合要求`
  }
}

function describeFormat(field: string, format: string): string {
  switch (format) {
    case 'text':
    case 'line':
      return `${field}含有无法保存的字符（如不可见的控制字符${format === 'line' ? '、换行' : ''}），请删除后重试`
    case 'uuid':
      return `${field}格式不正确：应为小写、带连字符的 UUID，如 0f8fad5b-d9cb-469f-a165-70867728950e`
    case 'date':
      return `${field}格式不正确：应为真实存在的日期，如 2026-10-01（${DATE_TIME_MIN_YEAR}–${DATE_TIME_MAX_YEAR} 年）`
    case 'date-time':
      return `${field}格式不正确：应为带时区的时间，如 2026-12-03T09:30:00+08:00（${DATE_TIME_MIN_YEAR}–${DATE_TIME_MAX_YEAR} 年）`
    default:
      return `${field}格式不正确`
  }
}

function typeLabel(t: string): string {
  return ({ string: '文字', integer: '整数', number: '数字', boolean: '是/否', object: '对象', array: '列表' } as Record<string, string>)[t] ?? t
}

function allowedValues(err: ErrorObject): string | null {
  const s = err.parentSchema as { anyOf?: { const?: unknown }[]; enum?: unknown[] } | undefined
  const values = s?.anyOf?.map((x) => x.const).filter((v) => v !== undefined) ?? s?.enum
  return values?.length ? values.join(' / ') : null
}
