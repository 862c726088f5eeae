import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** The bureau works in Beijing time (UTC+8, no daylight saving); show every time in it, whatever the device's zone. */
export const BEIJING_OFFSET_MINUTES = 8 * 60

/** Date and time as people read it: 2025-11-26 09:30 (Beijing time). */
export function formatTime(iso: string): string {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm')
}
