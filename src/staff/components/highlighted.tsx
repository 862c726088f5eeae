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

/** Text with the search words marked, so a person sees why a row matched. */
export function Highlighted({ text, q }: { text: string; q: string }) {
  return (
    <Text className='zb-highlighted'>
      {splitMatches(text, q).map((part, i) =>
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
