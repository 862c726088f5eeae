/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V), the last one a check character over the
 * first 17 (weights 3^i mod 31). A typo in a business's code is caught here, before staff look
 * the business up and find nothing.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const CREDIT_CODE_LENGTH = 18
/** The format alone (what the schema and the database CHECK test); the check digit is `isCreditCode`. */
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{18}$'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** The check character the first 17 characters call for, or null if one of them is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) return null
  let sum = 0
  for (let i = 0; i < first17.length; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!)
    if (v < 0) return null
    sum += v * WEIGHTS[i]!
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

/** Format and check character (uppercase only, as printed on the licence; the form uppercases what is typed). */
export function isCreditCode(code: string): boolean {
  if (!new RegExp(CREDIT_CODE_PATTERN).test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}
