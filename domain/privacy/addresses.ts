import type { PrivacySpan } from './types'
import { isCodeChar } from './normalize'

/*
 * Addresses down to a home: the district, road, village or estate stays (it says where the
 * problem is), the numbers that lead to one door go. A run of numbered parts is masked when it
 * reaches a building or a room:
 *   文三路128号3幢2单元501室 → 文三路**号**幢**单元**室
 *   阳光小区3栋502 → 阳光小区**栋**        红星村3组15号 → 红星村**组**号
 *   阳光花园3-2-501 (building-unit-room right after an estate's name) → 阳光花园**-**-**
 * A road number alone (人民路88号) is a shop's or an office's door, public on its sign: kept;
 * so is a lone floor (商场5楼) or a lone building (两栋楼).
 */
const NUM = '(?:[0-9]{1,5}[A-Za-z]?|[A-Za-z][0-9]{0,4}|[一二三四五六七八九十两零〇]{1,3})'
const UNIT = '(?:号院|号楼|号|弄|栋|幢|座|单元|楼|层|室|户|组)'
const RUN = new RegExp(`${NUM}${UNIT}(?:[-－之]?${NUM}${UNIT})*(?:[-－]?[0-9]{3,4}(?![0-9]))?`, 'gu')
const ESTATE = '(?:小区|花园|苑|家园|公寓|新村|大厦|广场|城|府|庭|湾|里|宿舍)'
const DASHED = new RegExp(`(?<=${ESTATE})[0-9]{1,3}-[0-9]{1,2}-[0-9]{3,4}(?![0-9])`, 'gu')

const BUILDING = /(?:栋|幢|座|号楼|单元|室|户)/u
const ROOM = /(?:室|户)$/u

function maskRun(run: string): string {
  return run.replace(new RegExp(NUM, 'gu'), '**').replace(/\*\*[-－]?[0-9]{3,4}$/u, '**')
}

export function findAddresses(text: string, norm: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (const m of norm.matchAll(RUN)) {
    const start = m.index!
    const end = start + m[0].length
    if (isCodeChar(norm[start - 1])) continue
    const parts = m[0].match(new RegExp(`${NUM}${UNIT}`, 'gu')) ?? []
    const units = parts.map((p) => p.replace(new RegExp(`^${NUM}`, 'u'), ''))
    // A room needs digits (一室一厅 is a flat's layout, not a door).
    const digitRoom = parts.some((p) => /^[0-9]/.test(p) && ROOM.test(p))
    const trailing = parts.join('').length < m[0].length
    const reachesDoor = units.some((u) => BUILDING.test(u)) && (parts.length >= 2 || digitRoom || trailing)
    const rural = units.includes('组') && units.some((u) => u === '号')
    if (!reachesDoor && !rural) continue
    // Layouts and quantities: 两室一厅, 三层楼 — Chinese numerals only and no digit at all.
    if (!/[0-9]/.test(m[0])) continue
    out.push({ start, end, kind: 'address', text: text.slice(start, end), replacement: maskRun(m[0]) })
  }
  for (const m of norm.matchAll(DASHED)) {
    const start = m.index!
    out.push({ start, end: start + m[0].length, kind: 'address', text: text.slice(start, start + m[0].length), replacement: '**-**-**' })
  }
  return out
}
