import type { Generated, Selectable, Insertable } from 'kysely'

/** A credited author (user) or department of a publication, its share and its points. */
export interface PublicationCreditTable {
  id: Generated<string>
  org_id: string
  publication_id: string
  user_id: string | null
  department_id: string | null
  /** Share in basis points: 10000 is the whole piece. */
  share_bp: number
  points_cents: number
  /** Order among the piece's authors (or departments): the first takes the rounding remainder. */
  position: number
}
export type PublicationCredit = Selectable<PublicationCreditTable>
export type NewPublicationCredit = Insertable<PublicationCreditTable>
