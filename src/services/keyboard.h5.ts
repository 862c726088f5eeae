// The browser: one document-level listener per subscriber.
import type { KeyPress } from './keyboard'

export type { KeyPress } from './keyboard'

const isField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))

export function onKeyPress(handler: (press: KeyPress) => boolean): () => void {
  const listener = (e: KeyboardEvent) => {
    // Taro's <Input> re-emits its own `keydown` as a CustomEvent without a key: not a key press.
    if (typeof e.key !== 'string') return
    const press = { key: e.key, inField: isField(e.target), modified: e.ctrlKey || e.altKey || e.metaKey }
    if (handler(press)) e.preventDefault()
  }
  document.addEventListener('keydown', listener)
  return () => document.removeEventListener('keydown', listener)
}

export function focusFieldIn(className: string): void {
  document.querySelector<HTMLElement>(`.${className} input, .${className} textarea`)?.focus()
}

export function blurField(): void {
  if (isField(document.activeElement)) (document.activeElement as HTMLElement).blur()
}

export function revealIn(className: string): void {
  document.querySelector(`.${className}`)?.scrollIntoView?.({ block: 'nearest' })
}
