import fp from 'fastify-plugin'
import type { Config } from '../../config'
import { localChecker, wechatChecker, type ContentChecker } from '../../content/checker'
import { loadWordList } from '../../content/word-list'

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks every citizen's and officer's text before anyone else sees it (issue 8). */
    contentChecker: ContentChecker
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
  },
  { dependencies: [] }
)
