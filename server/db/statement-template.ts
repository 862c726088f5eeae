import { createQueryId, type CompiledQuery } from 'kysely'
import type { DbOrTx } from './database'

type Build<P, O> = (db: DbOrTx, p: P) => { compile(): CompiledQuery<O> }

/**
 * A statement built with Kysely's builder, compiled once per process: its SQL depends only on the
 * statement's shape, each call changes only the parameters. Building and compiling a statement
 * costs tens to hundreds of microseconds of JavaScript, the same text every time; on a hot path
 * (the session check of every request, the dashboard's eight statements) that is worth keeping.
 *
 * The template is compiled with a stand-in object for each named field and remembers which field
 * each `$n` is; a parameter that is not one of the fields (a constant the builder made a
 * parameter) fails loudly at the first call rather than being reused. Every database here speaks
 * PostgreSQL (PGlite too) and none has Kysely plugins, so one template serves them all.
 */
export function statementTemplate<P extends object, O>(fields: readonly (keyof P & string)[], build: Build<P, O>): (db: DbOrTx, p: P) => CompiledQuery<O> {
  let template: { sql: string; query: CompiledQuery['query']; fields: (keyof P & string)[] } | undefined
  return (db, p) => {
    if (!template) {
      const standIns = new Map<unknown, keyof P & string>(fields.map((f) => [{ standInFor: f }, f]))
      const c = build(db, Object.fromEntries([...standIns].map(([v, f]) => [f, v])) as P).compile()
      const order = c.parameters.map((v) => {
        const f = standIns.get(v)
        if (!f) throw new Error(`statement template ${build.name || ''}: a parameter that is not one of ${fields.join(', ')} (${String(v)})`)
        return f
      })
      template = { sql: c.sql, query: c.query, fields: order }
    }
    return { sql: template.sql, query: template.query, queryId: createQueryId(), parameters: template.fields.map((f) => p[f]) }
  }
}
