// NutUI-React-Taro, imported per component with its stylesheet (what babel-plugin-import would
// generate), so each package carries only the components its pages use. The main package's pages
// use only these; components that only subpackage pages show are in ui-sub.ts, so their code and
// styles stay out of the main package (WeChat counts every byte there against the launch size).
// Not NutUI's Empty: it loads its pictures from a JD CDN; use components/empty-state.tsx.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button'
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup'
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch'
