import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'
import { rootFontScript } from './h5-root-font'

const root = path.resolve(__dirname, '..')
// Shared TypeScript outside src/: Taro's script rule only covers src/ unless told.
const domainDir = path.join(root, 'domain')

/** The server's origin. H5 is served by our own server, so same origin (''); a mini-program needs a full URL. */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE
  if (fromEnv !== undefined) return fromEnv
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000'
}

// https://docs.taro.zone/docs/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibao',
    date: '2025-11-26',
    // NutUI-React-Taro is drawn at 375; so are our own styles.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Mini-program: no base.wxml templates for default components no page uses (see the plugin).
    plugins: [path.join(__dirname, 'plugins/used-components-only.ts')],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase())
    },
    // The mini-program's theme.json (darkmode variables, app.config.ts) sits beside app.json.
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/theme.json', to: 'dist/weapp/theme.json' }] : [],
      options: {}
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Mini-program only: levels of WXML templates Taro writes into base.wxml (default 16, about
    // 2.7 KB each, all counted in the main package). Our deepest page is 8 levels (the weapp case
    // test checks, so 8 has no spare level); deeper trees still render, through Taro's recursive
    // comp component, a little slower.
    baseLevel: 8,
    cache: { enable: false },
    sass: {
      resource: [path.join(root, 'src/styles/variables.scss')]
    },
    mini: {
      compile: { include: [domainDir] },
      // Pictures up to 8 KB become data URLs inside the JS that shows them. Only the empty and
      // error states (subpackage pages) have pictures: as files they sat in the main package's
      // assets/ folder (10 KB every user downloads before the first screen); inlined, they travel
      // in the subpackages that show them.
      imageUrlLoaderOption: { limit: 8 * 1024 },
      postcss: {
        pxtransform: { enable: true, config: {} },
        [path.join(__dirname, 'postcss/drop-unused-icon-animations.js')]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Our own root-font rule in place of Taro's (which drew a desk at twice phone size).
      htmlPluginOption: { script: rootFontScript() },
      compile: { include: [domainDir] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
