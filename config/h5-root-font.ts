/**
 * The H5 root font size, which every rem in the build scales by (pxtransform turns the 375-px
 * design's 20 px into 1 rem).
 *
 * Taro's own script scales the root with the shorter side of the window up to 40 px, so a
 * 1440×900 desk drew everything at twice phone size (30-px body text, buttons cutting off their
 * labels). Here phones still scale with their width, but only up to a large phone (430 px), and a
 * window at least DESK_MIN_WIDTH wide is drawn at the design's own size: 15-px body text, 13-px
 * small text. The desk layout itself (sidebar, list, detail) comes from CSS media queries.
 */
export const DESIGN_WIDTH = 375
/** Root font size at the design width: 1 rem = 20 design px. */
export const DESIGN_ROOT_PX = 20
/** Keep in step with `$zb-desk-min` in src/styles/variables.scss. */
export const DESK_MIN_WIDTH = 1024
/** Widest phone we scale for (iPhone Pro Max class); tablets draw at that size too. */
export const LARGEST_PHONE_WIDTH = 430

/** The root font size, in px, for a window of `width` × `height` CSS px (pure; tested). */
export function rootFontPx(width: number, height: number): number {
  if (width >= DESK_MIN_WIDTH) return DESIGN_ROOT_PX
  // The shorter side, as Taro does, so turning a phone sideways does not blow the page up.
  // (No spread or arrow functions: this body is copied as is into the page's inline script.)
  const shorter = height > 0 && height < width ? height : width
  const scaled = (DESIGN_ROOT_PX * Math.min(shorter, LARGEST_PHONE_WIDTH)) / DESIGN_WIDTH
  return Math.max(DESIGN_ROOT_PX, scaled)
}

/** The inline script for index.html: the same rule, run before first paint and on every resize. */
export function rootFontScript(): string {
  const fn = rootFontPx.toString()
  return [
    '!function(w){',
    `var DESK_MIN_WIDTH=${DESK_MIN_WIDTH},DESIGN_ROOT_PX=${DESIGN_ROOT_PX},DESIGN_WIDTH=${DESIGN_WIDTH},LARGEST_PHONE_WIDTH=${LARGEST_PHONE_WIDTH};`,
    `var rootFontPx=${fn};`,
    'function f(){var e=w.document.documentElement,r=e.getBoundingClientRect();e.style.fontSize=rootFontPx(r.width,r.height)+"px"}',
    'w.addEventListener("resize",f);f()',
    '}(window);'
  ].join('')
}
