import type { WechatClient } from '../wechat/client'

/** media_check_async's media_type: 1 audio, 2 image. */
const MEDIA_TYPE_IMAGE = 2
/** Scene 3 (论坛): a message's photos are posted for others to read, as on a forum. */
const SCENE_FORUM = 3

/**
 * Asks WeChat to check an image asynchronously (wxa/media_check_async v2). WeChat fetches the
 * image from `mediaUrl` (a signed, expiring link of ours) and later pushes the `wxa_media_check`
 * event to the callback route with the trace id answered here. Null when WeChat did not take it
 * (an errcode, or unreachable): the caller holds the image for staff.
 */
export async function requestImageCheck(client: WechatClient, mediaUrl: string, openid: string, log: (msg: string) => void): Promise<string | null> {
  try {
    const body = await client.postWithToken<{ trace_id?: string }>('/wxa/media_check_async', { media_url: mediaUrl, media_type: MEDIA_TYPE_IMAGE, version: 2, scene: SCENE_FORUM, openid })
    if (body.errcode || typeof body.trace_id !== 'string' || !body.trace_id) {
      log(`media_check_async answered errcode ${body.errcode ?? 'none'} (${body.errmsg ?? ''}): the image is held for staff`)
      return null
    }
    return body.trace_id
  } catch (err) {
    log(`media_check_async failed (${err instanceof Error ? err.message : String(err)}): the image is held for staff`)
    return null
  }
}
