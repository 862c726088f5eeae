// NutUI components that only subpackage pages use (status tags): kept apart from
// ui.ts so the main package does not carry them. Never import this from pages/index or pages/login.
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'

export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag'
