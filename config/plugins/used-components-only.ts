// Taro writes a WXML template into the mini-program's base.wxml (main package, downloaded before
// the first screen) for every component in its component list, at every template level. The list
// starts with a few defaults, and Taro adds each component the code imports from
// @tarojs/components (TaroComponentsExportsPlugin, TaroLoadChunksPlugin). scroll-view is one of
// those defaults although no page uses it: 4 levels of its template cost about 9 KB of the main
// package. Dropping it from the defaults only: a page that imports ScrollView puts it back.
interface ComponentConfig {
  includes: Set<string>
}
interface PluginContext {
  modifyComponentConfig(fn: (args: { componentConfig: ComponentConfig }) => void): void
}

const UNUSED_DEFAULTS = ['scroll-view']

export default function usedComponentsOnly(ctx: PluginContext): void {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    for (const name of UNUSED_DEFAULTS) componentConfig.includes.delete(name)
  })
}
