import crypto from 'node:crypto'

// No 0/O, 1/I/L: citizens read these codes aloud on the phone and type them by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** 留言码 and 邀请码: 8 characters, ~39 bits; uniqueness is enforced by the database. */
export function newReadableCode(): string {
  const bytes = crypto.randomBytes(8)
  let code = ''
  for (const b of bytes) code += ALPHABET[b % ALPHABET.length]
  return code
}
