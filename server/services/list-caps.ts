import type { TxScope } from './transaction'
import { LIST_CAPS } from '../../domain/limits'
import { ConflictError } from '../../domain/errors'
import { lockAndCount, type CappedTable } from '../repositories/list-caps'

const TABLES: Record<keyof typeof LIST_CAPS, CappedTable> = {
  departments: 'department',
  topicsPerYear: 'topic',
  cannedReplies: 'canned_reply',
  outlets: 'outlet',
  editorialExpressions: 'editorial_expression'
}

/**
 * Refuses a row that takes a capped list beyond its cap (409 `list_full`, saying what to do
 * instead). Call right after the insert, in its transaction: the count includes the new row,
 * and throwing undoes it. Counting after rather than before keeps the insert's own conflicts
 * (a name taken, settled by a unique index) what they were, and the lock short.
 */
export async function holdToCap(scope: TxScope, list: keyof typeof LIST_CAPS, orgId: string, full: (cap: number) => string, year?: number): Promise<void> {
  const cap = LIST_CAPS[list]
  if ((await lockAndCount(scope.tx, TABLES[list], orgId, year)) > cap) throw new ConflictError(full(cap), { cap }, 'list_full')
}
