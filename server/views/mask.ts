/** 13812345678 → 138****5678: enough for staff to recognise a caller, not to copy the number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4) : '*'.repeat(phone.length)
}
