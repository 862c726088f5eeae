import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'

/**
 * Browser security headers on every answer (the H5 app and the API alike). The CSP lets in only
 * the app's own origin: scripts from files, plus the one inline script of Taro's index.html (the
 * root font-size setter), allowed by its hash, read from the built file at start-up, so a changed
 * build is covered by a restart and nothing needs 'unsafe-inline' for scripts.
 */
export default fp<{ h5Dir: string; hsts: boolean }>(async (app, opts) => {
  const scriptHashes = inlineScriptHashes(path.join(opts.h5Dir, 'index.html'))
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptHashes],
        // React and NutUI set element styles at run time and Taro's components add <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Photos preview from blob: before upload; small icons are inlined as data: URLs.
        imgSrc: ["'self'", 'blob:', 'data:'],
        fontSrc: ["'self'", 'data:'],
        // Taro's H5 uploadFile reads the picked photo back from its blob: URL.
        connectSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.hsts ? { upgradeInsecureRequests: [] } : {})
      }
    },
    frameguard: { action: 'deny' },
    // Signed photo links carry their signature in the URL: never hand them on as a referrer.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.hsts ? { maxAge: 180 * 86400, includeSubDomains: true } : false,
    // Same-origin embedding only: the mini-program is not a browser and is unaffected.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false
  })
})

/** 'sha256-…' sources for each inline <script> (one without src) of the built page. */
export function inlineScriptHashes(indexHtml: string): string[] {
  let html: string
  try {
    html = fs.readFileSync(indexHtml, 'utf8')
  } catch {
    return [] // no H5 build: the API alone needs no script
  }
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '') || !m[2]) continue
    hashes.push(`'sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}'`)
  }
  return hashes
}
