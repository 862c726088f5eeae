/** A figure as people read it: whole numbers plain, shares (0.5 篇) with at most 2 decimals. */
export function formatFigure(n: number): string {
  return String(Math.round(n * 100) / 100)
}

/** A long name cut for an axis; the table beneath has it whole. */
export function axisName(name: string, max = 6): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name
}
