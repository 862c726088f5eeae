// PostCSS plugin (mini-program build only): NutUI's icon package brings style_icon.css with the
// first component that shows an icon (Button's loading spinner), so it lands in the main package's
// common.wxss. Most of it is the opt-in animation classes (.nut-icon-am-jump, -blink, -bounce …)
// and their keyframes, which only a className on an icon turns on: neither our code nor NutUI's
// components use them (test/weapp/ci-quality.test.ts checks the source). The spinner's own
// rotation (.nut-icon-loading, @keyframes rotation) and the base .nut-icon rules stay.
const ICON_CSS = /@nutui[\\/]icons-react-taro[\\/]dist[\\/]style_icon\.css$/
const OPT_IN_CLASS = /\.nut-icon-am-[\w-]+/
const KEPT_KEYFRAMES = new Set(['rotation'])

module.exports = () => ({
  postcssPlugin: 'drop-unused-icon-animations',
  Once(root) {
    const file = root.source && root.source.input && root.source.input.file
    if (!file || !ICON_CSS.test(file)) return
    root.walkRules((rule) => {
      if (rule.selectors.every((s) => OPT_IN_CLASS.test(s))) rule.remove()
    })
    root.walkAtRules(/keyframes$/, (at) => {
      if (!KEPT_KEYFRAMES.has(at.params.trim())) at.remove()
    })
  }
})
module.exports.postcss = true
