// Client ids are made on the phone, before any network call, so that every retry of the same
// submission (a message, a case) carries the same id and the server can de-duplicate on it.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** Time prefix (sorts by creation) + 16 random base-36 characters (~82 bits). */
export function randomClientId(random: () => number = Math.random, now: number = Date.now()): string {
  let tail = ''
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length]
  return `${now.toString(36)}-${tail}`
}
