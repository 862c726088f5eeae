// Subscribe messages (订阅消息) exist only in the mini-program: in the browser nothing is asked
// and nothing accepted. Taro picks subscribe.weapp.ts in the mini-program.

/**
 * Asks the citizen which of `tmplIds` they accept; resolves with the accepted ids. Must be
 * called from a tap handler before anything is awaited there (WeChat refuses otherwise).
 */
export async function askSubscribe(_tmplIds: readonly string[]): Promise<string[]> {
  return []
}

/** Whether the platform can send subscribe messages at all (the app hides the button if not). */
export const CAN_SUBSCRIBE = false
