import type { Generated, Selectable, Insertable } from 'kysely'

/** A bureau's own banned or error-prone expression, checked on top of domain/draft/expressions.ts. */
export interface EditorialExpressionTable {
  id: Generated<string>
  org_id: string
  phrase: string
  suggestion: string | null
  note: string | null
  created_at: Generated<Date>
}
export type EditorialExpression = Selectable<EditorialExpressionTable>
export type NewEditorialExpression = Insertable<EditorialExpressionTable>
