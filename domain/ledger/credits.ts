import { InvalidError } from '../errors'

/** One credited author (person) or department and its share of a piece, 0 < share ≤ 1. */
export interface Share<K extends string = string> {
  id: K
  share: number
}

/** Shares are kept to 4 decimals (0.3333); they must sum to 1 within this. */
export const SHARE_TOLERANCE = 0.0001

/** n equal shares that sum to exactly 1 at 4 decimals: the remainder goes to the first. */
export function equalShares<K extends string>(ids: readonly K[]): Share<K>[] {
  if (!ids.length) return []
  const each = Math.floor(10000 / ids.length)
  return ids.map((id, i) => ({ id, share: (i === 0 ? 10000 - each * (ids.length - 1) : each) / 10000 }))
}

/** Refuses empty lists, duplicates, shares outside (0, 1] and shares not summing to 1. */
export function checkShares(shares: readonly Share[], label: string, field: string): void {
  if (!shares.length) throw new InvalidError(`请至少署名一位${label}`, field)
  if (new Set(shares.map((s) => s.id)).size !== shares.length) throw new InvalidError(`${label}重复署名`, field)
  if (shares.some((s) => !(s.share > 0 && s.share <= 1))) throw new InvalidError(`${label}的分配比例须大于 0、不超过 1`, field)
  const sum = shares.reduce((a, s) => a + s.share, 0)
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) throw new InvalidError(`${label}的分配比例之和须为 1（当前 ${Math.round(sum * 10000) / 10000}）`, field)
}

/**
 * Splits a piece's points by share, to 2 decimals, so the parts add up to the whole exactly:
 * every credit after the first gets its share rounded DOWN to the cent, and the first gets what
 * is left (so it is never negative and the sum is never off by a cent). Negative points (a
 * deduction) split the same way on their absolute value.
 */
export function splitPoints<K extends string>(points: number, shares: readonly Share<K>[]): { id: K; share: number; points: number }[] {
  const sign = points < 0 ? -1 : 1
  const cents = Math.round(Math.abs(points) * 100)
  const parts = shares.map((s, i) => (i === 0 ? 0 : Math.floor(cents * s.share + 1e-9)))
  parts[0] = cents - parts.reduce((a, b) => a + b, 0)
  return shares.map((s, i) => ({ id: s.id, share: s.share, points: (sign * parts[i]!) / 100 || 0 }))
}
