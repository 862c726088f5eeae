import Taro from '@tarojs/taro'

/**
 * wx.requestSubscribeMessage: WeChat answers per template id with accept / reject / ban /
 * filter; only `accept` is a grant (one message per acceptance for one-time templates).
 * Called from the tap itself: WeChat shows the dialog only on a user's gesture.
 */
export async function askSubscribe(tmplIds: readonly string[]): Promise<string[]> {
  if (!tmplIds.length) return []
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [...tmplIds] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    return tmplIds.filter((id) => res[id] === 'accept')
  } catch {
    // Closed, switched off in settings, or too old a WeChat: go on without notifications.
    return []
  }
}

export const CAN_SUBSCRIBE = true
