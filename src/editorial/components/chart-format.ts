/** A figure as people read it: whole numbers plain, shares (0.5 篇) with at most 2 decimals. */
export function formatFigure(n: number): string {
  return String(Math.round(n * 100) / 100)
}

/** A projection or an expected pace: an estimate of pieces, so whole (预计年底约 318 篇, not 318.57). */
export function formatEstimate(n: number): string {
  return String(Math.round(n))
}

/** How many pieces short: any part of a piece still to write counts as one. */
export function formatShortfall(n: number): string {
  return String(Math.ceil(n - 1e-9))
}

/** A long name cut for an axis; the table beneath has it whole. */
export function axisName(name: string, max = 6): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name
}
