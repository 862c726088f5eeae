import { SHORTCUT_ACTIONS, type ShortcutAction } from '@/domain'
import type { KeyPress } from '@/services/keyboard'

/** What a key asks the desk to do: move, select, take a transition of the item's table, … */
export type DeskCommand = 'next' | 'prev' | 'open' | 'toggle' | ShortcutAction | 'assign' | 'search' | 'help' | 'escape'

/** The desk's shortcuts, as the help (?) lists them. */
export const SHORTCUTS: readonly { key: string; shows: string; command: DeskCommand; label: string }[] = [
  { key: 'j', shows: 'j', command: 'next', label: '下一条' },
  { key: 'k', shows: 'k', command: 'prev', label: '上一条' },
  { key: 'Enter', shows: 'Enter', command: 'open', label: '打开' },
  { key: 'x', shows: 'x', command: 'toggle', label: '选中 / 取消选中' },
  { key: 'e', shows: 'e', command: SHORTCUT_ACTIONS.e, label: '受理（事例：采用）' },
  { key: 'r', shows: 'r', command: SHORTCUT_ACTIONS.r, label: '答复' },
  { key: 'a', shows: 'a', command: 'assign', label: '分派' },
  { key: '/', shows: '/', command: 'search', label: '搜索' },
  { key: '?', shows: '?', command: 'help', label: '快捷键帮助' },
  { key: 'Escape', shows: 'Esc', command: 'escape', label: '关闭帮助 / 清除选择 / 离开输入框' }
]

const BY_KEY = new Map(SHORTCUTS.map((s) => [s.key, s.command]))

/** The command a key press means, or null: typing in a field is never a shortcut, except Esc. */
export function commandFor(press: KeyPress): DeskCommand | null {
  if (press.modified) return null
  if (press.inField) return press.key === 'Escape' ? 'escape' : null
  // Shift+/ is how most keyboards type ?, and caps lock should not turn shortcuts off.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  return BY_KEY.get(key === '？' ? '?' : key) ?? null
}
