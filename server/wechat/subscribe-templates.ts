import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

import { SUBSCRIBE_STATUSES, type SubscribeStatus } from '../../domain/message/subscribe'

/** What can fill a template field. */
export const SUBSCRIBE_VALUES = ['trackingCode', 'category', 'status', 'summary', 'at'] as const
export type SubscribeValue = (typeof SUBSCRIBE_VALUES)[number]

const Template = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    fields: Type.Record(Type.String({ pattern: '^[a-z_]+[0-9]+$' }), Type.Union(SUBSCRIBE_VALUES.map((v) => Type.Literal(v))))
  },
  { additionalProperties: false }
)
const Templates = Type.Object(Object.fromEntries(SUBSCRIBE_STATUSES.map((e) => [e, Type.Optional(Template)])), { additionalProperties: false })
export type SubscribeTemplate = Static<typeof Template>
export type SubscribeTemplates = Partial<Record<SubscribeStatus, SubscribeTemplate>>

/** Empty: no subscribe messages (the app asks for nothing). Invalid JSON stops the start-up. */
export function parseSubscribeTemplates(raw: string): SubscribeTemplates {
  if (!raw.trim()) return {}
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new Error('Invalid configuration:\n  SUBSCRIBE_TEMPLATES: not JSON')
  }
  if (!Value.Check(Templates, value)) {
    const first = [...Value.Errors(Templates, value)][0]
    throw new Error(`Invalid configuration:\n  SUBSCRIBE_TEMPLATES${first?.instancePath ?? ''}: ${first?.message ?? 'invalid'}`)
  }
  return value as SubscribeTemplates
}
