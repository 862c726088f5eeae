import { Text } from '@tarojs/components'

/** Splits `text` around every occurrence of `q` (case-insensitive): odd parts are the matches. */
export function splitMatches(text: string, q: string): string[] {
  const needle = q.trim().toLowerCase()
  if (!needle) return [text]
  const parts: string[] = []
  const hay = text.toLowerCase()
  let from = 0
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, from)) {
    parts.push(text.slice(from, at), text.slice(at, at + needle.length))
    from = at + needle.length
  }
  parts.push(text.slice(from))
  return parts
}

/** Splits `text` at the server's [start, end) match ranges: odd parts are the matches. */
export function splitRanges(text: string, ranges: readonly (readonly [number, number])[]): string[] {
  const parts: string[] = []
  let from = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < from || end <= start || end > text.length) continue
    parts.push(text.slice(from, start), text.slice(start, end))
    from = end
  }
  parts.push(text.slice(from))
  return parts
}

export interface HighlightedProps {
  text: string
  /** The words to mark, when the server did not say where it matched. */
  q?: string
  /** Where the server's search matched in `text`. */
  ranges?: readonly (readonly [number, number])[]
}

/** Text with the search words marked, so a person sees why a row matched. */
export function Highlighted({ text, q = '', ranges }: HighlightedProps) {
  return (
    <Text className='zb-highlighted'>
      {(ranges ? splitRanges(text, ranges) : splitMatches(text, q)).map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} className='zb-highlighted__match'>
            {part}
          </Text>
        ) : (
          part
        )
      )}
    </Text>
  )
}
Highlighted.displayName = 'Highlighted'
