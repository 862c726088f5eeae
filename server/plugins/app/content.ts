import fp from 'fastify-plugin'
import type { Config } from '../../config'
import { localChecker, wechatChecker, type ContentChecker } from '../../content/checker'
import { loadWordList } from '../../content/word-list'
import { requestImageCheck } from '../../content/media-check'
import { startImageCheck } from '../../services/moderation'
import type { Media } from '../../db/tables/media'
import type { MediaModeration } from '../../../domain/moderation/media'

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks every citizen's and officer's text before anyone else sees it (issue 8). */
    contentChecker: ContentChecker
    contentConfig: Config['content']
    /**
     * Sends a new upload to WeChat's image check (live mode, uploaders with an openid); returns
     * its moderation state. Dev mode and desk accounts: images are clear on upload (no network).
     */
    checkUploadedImage(media: Media): Promise<MediaModeration>
  }
}

/**
 * Live mode asks WeChat (msg_sec_check); dev and embedded mode, and authors WeChat does not know
 * (desk accounts), use the word list. The list is read once at start-up: a malformed line stops
 * the server with its line number rather than letting texts through unchecked.
 */
export default fp<{ mode: 'dev' | 'live'; content: Config['content'] }>(
  async (app, opts) => {
    const local = localChecker(loadWordList(opts.content.wordListPath))
    const checker = opts.mode === 'live' ? wechatChecker(app.wechat, local, (msg) => app.log.warn(msg)) : local
    app.decorate('contentChecker', checker)
    app.decorate('contentConfig', opts.content)
    app.decorate('checkUploadedImage', async (media: Media) => {
      if (opts.mode !== 'live') return media.moderation
      const owner = await app.db.selectFrom('app_user').select('wechat_openid').where('id', '=', media.owner_id).executeTakeFirst()
      const openid = owner?.wechat_openid
      if (!openid) return media.moderation
      const log = (msg: string) => app.log.warn({ mediaId: media.id }, msg)
      return startImageCheck(app.db, media, async () => {
        if (!opts.content.publicBaseUrl) {
          log('PUBLIC_BASE_URL is not set: WeChat cannot fetch the image, so it is held for staff')
          return null
        }
        // WeChat fetches the image itself, through a signed link that expires (MEDIA_URL_TTL_SECONDS).
        return requestImageCheck(app.wechat, opts.content.publicBaseUrl + app.mediaUrl(media.id, 'full'), openid, log)
      })
    })
  }
)
