import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'

/**
 * The e2e policy guard: every page the e2e tests open runs in a context that records
 *  - any request to a host other than this machine (the app must ship everything it shows), and
 *    aborts it, so a third-party call can never pass by being slow or offline here;
 *  - every Content-Security-Policy violation (the browser's console report and the
 *    `securitypolicyviolation` event, which also catches report-only cases the console words
 *    differently).
 * Each test fails afterwards if anything was recorded.
 */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])
const violations: string[] = []

export function isLocalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true
  return LOCAL_HOSTS.has(parsed.hostname)
}

export async function guard(context: BrowserContext): Promise<BrowserContext> {
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (isLocalUrl(url)) return route.continue()
    violations.push(`request to a non-local host: ${route.request().method()} ${url}`)
    return route.abort('blockedbyclient')
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp-violation] ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  const watch = (page: import('playwright-core').Page) => {
    page.on('console', (msg) => {
      const text = msg.text()
      if (/\[csp-violation\]|Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) {
        violations.push(`CSP violation on ${page.url()}: ${text}`)
      }
    })
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  return context
}

/** A browser context with the policy guard on: the one way e2e tests should open pages. */
export async function guardedContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return guard(await browser.newContext(options))
}

/** What was recorded since the last call (and forgets it). */
export function takeViolations(): string[] {
  return violations.splice(0)
}

// Registered in every test file that imports the support code: a test that caused a violation fails.
afterEach(() => {
  const found = takeViolations()
  if (found.length) throw new Error(`The e2e policy guard recorded ${found.length} violation(s):\n  ${found.join('\n  ')}`)
})
