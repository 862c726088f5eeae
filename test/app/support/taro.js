// `@tarojs/taro` as the H5 build sees it. The build rewrites `Taro.request` into named imports from
// @tarojs/taro-h5 (babel-plugin-transform-taroapi) and attaches the React hooks (api-loader);
// here the default export simply carries all of them, so `jest.spyOn(Taro, 'request')` intercepts
// the network boundary for every caller.
const taroH5 = require('@tarojs/taro-h5')
const hooks = require('@tarojs/plugin-framework-react/dist/runtime')

const api = taroH5.default
for (const [name, value] of Object.entries(taroH5)) {
  if (name !== 'default' && !(name in api)) api[name] = value
}
for (const [name, value] of Object.entries(hooks)) {
  if (/^use[A-Z]/.test(name)) api[name] = value
}

module.exports = { ...api, default: api, __esModule: true }
