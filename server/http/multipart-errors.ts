import { HttpError } from './errors'

/**
 * Errors from @fastify/multipart and the busboy parser beneath it, as the 4xx a person can act
 * on. Busboy's are plain Errors told apart only by their message (no code), so they are matched
 * exactly: anything unrecognised stays a 500 and is logged as the bug it is.
 */
const BUSBOY_MESSAGES: [RegExp, HttpError][] = [
  [/^Multipart: Boundary not found$/, new HttpError(400, 'bad_multipart', '上传格式不正确：Content-Type 缺少 boundary（分隔符）。请用表单上传（multipart/form-data），不要手动设置 Content-Type')],
  // streamsearch's limit on the boundary it searches for (RFC 2046 allows 70 characters).
  [/^The needle cannot have a length bigger than 256\.$/, new HttpError(400, 'bad_multipart', '上传格式不正确：分隔符（boundary）太长，最多 70 个字符。请用表单上传，不要手动设置 Content-Type')],
  [/^Unexpected end of multipart data$/, new HttpError(400, 'bad_multipart', '上传内容不完整或分隔符（boundary）与 Content-Type 不一致，请重新上传')],
  [/terminated early due to unexpected end of multipart data$/, new HttpError(400, 'bad_multipart', '上传内容不完整（传输中断），请检查网络后重新上传')]
]

const MULTIPART_CODES: Record<string, HttpError> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: new HttpError(415, 'unsupported_media_type', '请以 multipart/form-data 上传，文件字段名为 file'),
  FST_PARTS_LIMIT: new HttpError(413, 'too_large', '一次只能上传一张照片，请分开上传'),
  FST_FILES_LIMIT: new HttpError(413, 'too_large', '一次只能上传一张照片，请分开上传'),
  FST_FIELDS_LIMIT: new HttpError(413, 'too_large', '上传的表单字段太多：只需要一个名为 file 的文件字段'),
  FST_REQ_FILE_TOO_LARGE: new HttpError(413, 'too_large', '照片太大，请压缩到 15 MB 以内再上传'),
  FST_PROTO_VIOLATION: new HttpError(400, 'bad_multipart', '上传的表单字段名不允许使用，请只提交名为 file 的文件字段'),
  FST_INVALID_JSON_FIELD_ERROR: new HttpError(400, 'bad_multipart', '上传的表单字段不是有效的 JSON，请检查后重试'),
  FST_MP_PREMATURE_CLOSE: new HttpError(400, 'bad_multipart', '上传内容不完整（连接提前关闭），请检查网络后重新上传')
}

export function multipartClientError(err: { code?: unknown; message?: unknown }): HttpError | null {
  if (typeof err.code === 'string' && MULTIPART_CODES[err.code]) return MULTIPART_CODES[err.code]!
  if (typeof err.message !== 'string' || err.code !== undefined) return null
  for (const [pattern, mapped] of BUSBOY_MESSAGES) if (pattern.test(err.message)) return mapped
  return null
}
