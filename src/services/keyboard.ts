// Keyboard shortcuts for the desk. Taro picks keyboard.h5.ts in the browser; the mini-program has
// no keyboard, so here nothing is ever pressed.

export interface KeyPress {
  key: string
  /** The key went to a text field (typing, not a shortcut), except for Escape. */
  inField: boolean
  /** Ctrl, Alt or Meta held: the browser's or the system's shortcut, not ours. */
  modified: boolean
}

/** `handler` returns true when it used the key (the browser's default is then prevented). */
export function onKeyPress(_handler: (press: KeyPress) => boolean): () => void {
  return () => undefined
}

/** Puts the caret in the text field inside the element with this class. */
export function focusFieldIn(_className: string): void {}

/** Takes the caret out of whatever field has it. */
export function blurField(): void {}

/** Scrolls the element with this class into view, if it is out of view. */
export function revealIn(_className: string): void {}
