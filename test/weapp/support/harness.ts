// Runs Taro's built mini-program pages inside miniprogram-simulate (DESIGN.md, "Known pitfalls"):
// WeChat's official template compiler, App/getApp/getCurrentPages globals, Page → Component, and
// `wx` mocks that exist before app.js loads (Taro records the wx API list at start-up).
import path from 'node:path'

export const DIST = path.resolve(__dirname, '../../../dist/weapp')

export interface WxRequest {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
}

export interface WxResponse {
  statusCode: number
  data: unknown
}

export interface FakeWx {
  requests: WxRequest[]
  toasts: { title: string }[]
  navigations: { api: string; url: string }[]
  storage: Map<string, unknown>
}

/** The fake server's answer; a Promise holds the request open until the test settles it. */
type Answer = (req: WxRequest) => WxResponse | Promise<WxResponse>

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: unknown) => void; complete?: () => void }

/** Calls back as WeChat does (asynchronously), or returns a Promise when no callback is given. */
function reply<T>(opts: Callbacks<T> | undefined, res: T): Promise<T> | undefined {
  if (opts && (opts.success || opts.fail || opts.complete)) {
    setTimeout(() => {
      opts.success?.(res)
      opts.complete?.()
    })
    return undefined
  }
  return Promise.resolve(res)
}

/** Installs the `wx` mocks. Call before requiring miniprogram-simulate and app.js. */
export function installWx(answer: Answer): FakeWx {
  const fake: FakeWx = { requests: [], toasts: [], navigations: [], storage: new Map() }
  const navigate = (api: string) => (opts: { url: string } & Callbacks<{ errMsg: string }>) => {
    fake.navigations.push({ api, url: opts.url })
    return reply(opts, { errMsg: `${api}:ok` })
  }
  const wx = {
    request(opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> } & Callbacks<unknown>) {
      const req: WxRequest = { url: opts.url, method: opts.method ?? 'GET', data: opts.data, header: opts.header ?? {} }
      fake.requests.push(req)
      const deliver = (res: WxResponse) =>
        setTimeout(() => {
          opts.success?.({ ...res, header: {}, cookies: [], errMsg: 'request:ok' })
          opts.complete?.()
        })
      const res = answer(req)
      if (res instanceof Promise) void res.then(deliver)
      else deliver(res)
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} }
    },
    login: (opts?: Callbacks<{ code: string; errMsg: string }>) => reply(opts, { code: 'wx-test-code', errMsg: 'login:ok' }),
    getStorageSync: (key: string) => (fake.storage.has(key) ? fake.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void fake.storage.set(key, value),
    removeStorageSync: (key: string) => void fake.storage.delete(key),
    showToast: (opts: { title: string } & Callbacks<{ errMsg: string }>) => {
      fake.toasts.push({ title: opts.title })
      return reply(opts, { errMsg: 'showToast:ok' })
    },
    hideToast: (opts?: Callbacks<{ errMsg: string }>) => reply(opts, { errMsg: 'hideToast:ok' }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    stopPullDownRefresh: (opts?: Callbacks<{ errMsg: string }>) => reply(opts, { errMsg: 'stopPullDownRefresh:ok' })
  }
  ;(globalThis as unknown as { wx: typeof wx }).wx = wx
  return fake
}

type Cfg = Record<string, unknown> & { data?: Record<string, unknown> }
/** `this` in a Taro page's lifecycle: its methods plus what WeChat sets (route, options). */
type PageSelf = { onLoad?: (q: unknown) => void; onShow?: () => void; onReady?: () => void; onHide?: () => void }
interface PageInstance {
  data: { root?: { cn?: unknown[] } }
  [k: string]: unknown
}

/** Defines App/getApp/getCurrentPages/Page so Taro's app.js and pages run under j-component. */
function installGlobals(route: string, query: Record<string, string>) {
  const g = globalThis as unknown as Record<string, unknown>
  let app: Cfg | undefined
  const pages: unknown[] = []
  g.App = (cfg: Cfg) => {
    app = cfg
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.Page = (cfg: Cfg) => {
    const methods: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v
    const Component = g.Component as (def: unknown) => void
    Component({
      data: cfg.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageSelf) {
          Object.assign(this, { route, __route__: route, options: query })
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
          this.onReady?.()
        }
      }
    })
  }
  return () => app
}

/**
 * What WeChat does to the page on screen when another page covers it (navigateTo) or the app goes
 * to the background, and when it comes back: its onHide, then its onShow. j-component never calls
 * them on its own.
 */
export function hidePage(): void {
  currentPage().onHide?.()
}
export function showPage(): void {
  currentPage().onShow?.()
}
function currentPage(): PageSelf {
  const pages = (globalThis as unknown as { getCurrentPages?: () => PageSelf[] }).getCurrentPages?.() ?? []
  const page = pages[pages.length - 1]
  if (!page) throw new Error('no page is launched (launchPage first)')
  return page
}

export async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * WeChat's template runtime warns about Taro's deepest recursive templates (`tmpl_0_i` …), which
 * base.wxml declares for nesting levels this page never reaches; it then dumps the whole bundle.
 */
function quietTemplateWarnings() {
  const warn = console.warn.bind(console)
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('WXMLRT_')) return
    warn(...args)
  })
}

/**
 * Launches the built app and renders one page (path without extension, e.g.
 * 'citizen/pages/message-new/index'). One page per test file: jest caches modules per file.
 */
export async function launchPage(route: string, query: Record<string, string> = {}) {
  quietTemplateWarnings()
  const getAppCfg = installGlobals(route, query)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate')
  require(path.join(DIST, 'app.js'))
  const app = getAppCfg() as Record<string, (o: unknown) => void> | undefined
  if (!app) throw new Error('app.js did not call App()')
  app.onLaunch?.call(app, { path: route, query, scene: 1001 })
  app.onShow?.call(app, { path: route, query, scene: 1001 })

  const id = simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  await waitFor(() => (page.data as PageInstance['data']).root?.cn?.length, 'the page to render')
  return { page, simulate }
}

interface TaroNode {
  cn?: TaroNode[]
}
/** How many element levels deep a rendered page's tree goes (Taro's `root.cn` data). */
export function treeDepth(node: TaroNode | undefined): number {
  if (!node?.cn?.length) return 0
  return 1 + Math.max(...node.cn.map(treeDepth))
}

/**
 * The template levels Taro wrote into base.wxml (config `mini.baseLevel`): a tree deeper than this
 * still renders, but through the recursive `comp` component, one extra component per 10 levels.
 */
export function templateLevels(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxml: string = require('node:fs').readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
  const levels = Array.from(wxml.matchAll(/<template name="tmpl_(\d+)_/g), (m) => Number(m[1]))
  return Math.max(...levels) + 1
}
