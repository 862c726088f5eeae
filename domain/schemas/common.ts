import { Type, type Static } from 'typebox'

/** `title` is the field's Chinese name: the server's error messages quote it. */
export const Id = Type.String({ format: 'uuid', title: '编号' })

export const ErrorBody = Type.Object({
  error: Type.String({ description: 'Machine-readable code, e.g. bad_request, not_found, conflict' }),
  message: Type.String({ description: 'What went wrong and what to do, in Chinese' }),
  requestId: Type.Optional(Type.String()),
  /** The request field at fault, for a 400 about one field. */
  field: Type.Optional(Type.String()),
  /** For a 409: what the request ran into (e.g. the current version and status of an item). */
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown()))
})
export type ErrorBody = Static<typeof ErrorBody>

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false })

/** A closed set of strings, emitted as JSON Schema `enum` so errors can list the choices. */
export function literalUnion<const T extends string[]>(values: readonly [...T], options: Record<string, unknown> = {}) {
  return Type.Enum<T>(values, options)
}
