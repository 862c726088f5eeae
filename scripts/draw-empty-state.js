// Draws the empty-state pictures (src/assets/empty-state/*.png) as SVG and renders them to PNG,
// the format the mini-program's <image> shows most reliably. Run by hand: node scripts/draw-empty-state.js
const sharp = require('sharp')
const base = (inner) => `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" viewBox="0 0 160 120">
<ellipse cx="80" cy="106" rx="54" ry="7" fill="#e6ebf2"/>${inner}</svg>`
const tray = `<path d="M38 62 L52 36 H108 L122 62 V94 a6 6 0 0 1 -6 6 H44 a6 6 0 0 1 -6 -6 Z" fill="#f3f6fa" stroke="#a9b8cc" stroke-width="2.5" stroke-linejoin="round"/>
<path d="M38 62 H64 a16 10 0 0 0 32 0 H122" fill="none" stroke="#a9b8cc" stroke-width="2.5" stroke-linejoin="round"/>`
const pics = {
  empty: base(`${tray}<path d="M62 24 l4 6 M80 18 v8 M98 24 l-4 6" stroke="#c4d0de" stroke-width="2.5" stroke-linecap="round"/>`),
  error: base(`${tray}<circle cx="112" cy="34" r="16" fill="#c01c28"/><path d="M112 25 v11" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/><circle cx="112" cy="42.5" r="2.2" fill="#fff"/>`),
  network: base(`<path d="M40 58 a56 56 0 0 1 80 0 M52 70 a38 38 0 0 1 56 0 M64 82 a20 20 0 0 1 32 0" fill="none" stroke="#a9b8cc" stroke-width="5" stroke-linecap="round"/><circle cx="80" cy="94" r="5" fill="#a9b8cc"/><path d="M46 36 L114 100" stroke="#c01c28" stroke-width="5" stroke-linecap="round"/>`)
}
;(async () => {
  for (const [name, svg] of Object.entries(pics)) {
    await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(require('node:path').join(__dirname, '../src/assets/empty-state', `${name}.png`))
  }
})()
