/** Characters as the server counts them (code points, not UTF-16 units). */
export const charCount = (s: string): number => Array.from(s).length
