import type { PrivacySpan } from './types'
import { NOT_PERSONAL_LABELS, hasLabelBefore, isCodeChar } from './normalize'

/*
 * Numbers that identify a person: mobile and landline phones, resident ID cards, bank cards.
 * Each pattern runs over the width-normalised text and is rejected when it touches a longer
 * code (a letter or digit right before or after it) or follows a label that says it is an
 * order, waybill, invoice or registration number.
 */

const stars = (n: number) => '*'.repeat(Math.max(n, 0))
const digitsOf = (s: string) => s.replace(/\D/g, '')

function* matches(norm: string, pattern: RegExp) {
  for (const m of norm.matchAll(pattern)) {
    const start = m.index!
    const end = start + m[0].length
    if (isCodeChar(norm[start - 1]) || isCodeChar(norm[end])) continue
    yield { start, end, m }
  }
}

// 1[3-9] then nine digits, optionally grouped 3-4-4 by spaces or dashes, optionally +86 / 86.
const MOBILE = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}/g

export function findMobiles(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const { start, end } of matches(norm, MOBILE)) {
    if (hasLabelBefore(norm, start, NOT_PERSONAL_LABELS)) continue
    const d = digitsOf(norm.slice(start, end)).slice(-11)
    out.push({ start, end, kind: 'mobile', text: text.slice(start, end), replacement: `${d.slice(0, 3)}****${d.slice(7)}` })
  }
  return out
}

// Area code (010, 02x, 0[3-9]xx) with an optional bracket and separator, then a 7- or 8-digit
// local number that starts with 2-9 (local numbers never start with 0 or 1).
const LANDLINE = /(?:\(0(?:10|2\d|[3-9]\d{2})\)|0(?:10|2\d|[3-9]\d{2}))[\s-]?[2-9]\d{2,3}[\s-]?\d{4}/g
// Without an area code, only when a word says it is a phone number.
const LOCAL = /(?<=(?:电话|座机|固话|联系方式|致电|拨打|热线|tel|Tel|TEL)[：:\s是为]{0,3})[2-9]\d{2,3}[\s-]?\d{4}/g

export function findLandlines(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const pattern of [LANDLINE, LOCAL]) {
    for (const { start, end } of matches(norm, pattern)) {
      if (hasLabelBefore(norm, start, NOT_PERSONAL_LABELS)) continue
      const raw = norm.slice(start, end)
      const area = pattern === LANDLINE ? /^\(?0(?:10|2\d|[3-9]\d{2})\)?/.exec(raw)![0] : ''
      const local = digitsOf(raw.slice(area.length))
      out.push({ start, end, kind: 'landline', text: text.slice(start, end), replacement: `${area}${area && !area.endsWith(')') ? '-' : ''}${stars(local.length - 2)}${local.slice(-2)}` })
    }
  }
  return out
}

// Province-level codes of GB/T 2260 (first two digits of a resident ID number).
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83])
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** GB 11643: a plausible region, a real birth date (1900 to 2099) and a check digit that adds up. */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false
  const y = Number(id.slice(6, 10))
  const mo = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (y < 1900 || y > 2099) return false
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase()
}

// 18 characters, written together or grouped 6-8-4 by single spaces.
const ID_CARD = /\d{6}\s?\d{8}\s?\d{3}[\dXx]/g

export function findIdCards(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const { start, end } of matches(norm, ID_CARD)) {
    const id = norm.slice(start, end).replace(/\s/g, '')
    if (!isValidIdCard(id)) continue
    out.push({ start, end, kind: 'idCard', text: text.slice(start, end), replacement: `${id[0]}${stars(16)}${id[17]}` })
  }
  return out
}

/** The Luhn check every bank card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return digits.length > 0 && sum % 10 === 0
}

// 16 to 19 digits, optionally grouped by single spaces or dashes; issuers start with 3-6
// (American Express/JCB, Visa, Mastercard, UnionPay 62), which also leaves out date-led order
// numbers (2026…) and 9-led registration codes.
const BANK_CARD = /[3-6]\d{3}(?:[\s-]?\d){12,15}/g
const ID_LABEL = /(?:身份证|证件)[号码]*[为是：:\s]*$/u
const CARD_LABEL = /(?:卡号|银行卡|储蓄卡|信用卡|借记卡|账号|帐号|账户|帐户)[为是：:\s]*$/u

export function findBankCards(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const { start, end } of matches(norm, BANK_CARD)) {
    const raw = norm.slice(start, end)
    const digits = digitsOf(raw)
    if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) continue
    // One in ten random numbers passes Luhn: an order label outweighs it unless a card label is there too.
    if (hasLabelBefore(norm, start, NOT_PERSONAL_LABELS) && !hasLabelBefore(norm, start, CARD_LABEL)) continue
    // An ID number with a typo is still not a bank card (and an 18-digit card is rare).
    if (hasLabelBefore(norm, start, ID_LABEL)) continue
    out.push({ start, end, kind: 'bankCard', text: text.slice(start, end), replacement: `${stars(digits.length - 4)}${digits.slice(-4)}` })
  }
  return out
}
