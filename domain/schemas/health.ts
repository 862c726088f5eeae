import { Type, type Static } from 'typebox'
import { literalUnion } from './common'
import { DateTime } from './formats'

/** What the last background probe of the database found (server/db/probe.ts). */
export const DatabaseHealth = Type.Object({
  state: literalUnion(['up', 'down', 'unknown'], { description: 'up: the last probe answered; down: it failed; unknown: none has finished yet' }),
  checkedAt: Type.Union([DateTime(), Type.Null()], { description: 'When the last probe finished' }),
  ageMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'How old that result is' }),
  latencyMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "The last probe's round trip, queueing for a connection included" }),
  pendingMs: Type.Integer({ minimum: 0, description: 'How long the probe in flight has waited so far (0: none is)' }),
  error: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'Why the last probe failed' })
})

/** Liveness: the process answers; the database part is a report, not a condition. */
export const HealthBody = Type.Object({
  status: Type.Literal('ok'),
  /** The engine, as before the probe existed (monitors read it). */
  database: literalUnion(['pglite', 'postgres']),
  db: DatabaseHealth
})
export type HealthBody = Static<typeof HealthBody>

/** Readiness: 200 while the database answers, 503 otherwise, with the same report. */
export const ReadyBody = Type.Object({
  status: literalUnion(['ready', 'unavailable']),
  database: literalUnion(['pglite', 'postgres']),
  db: DatabaseHealth
})
