import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { session } from './services/session'
import { silentLogin } from './services/login'
import { ApiError, setSilentSignIn, showError } from './services/api'
import { LOGIN_PAGE } from './services/routes'
import './app.scss'

// Where the platform signs in silently (WeChat), an ended refresh token is replaced the same way.
setSilentSignIn(silentLogin)

/** Signs in on launch: silently where the platform can (WeChat), else on the login page. */
async function signIn(): Promise<void> {
  if (session.token()) return
  try {
    const s = await silentLogin()
    if (s) {
      session.save(s)
      return
    }
  } catch (e) {
    // A server in dev mode has no WeChat: its login page offers dev login instead.
    if (!(e instanceof ApiError && e.code === 'wechat_dev_mode')) {
      showError(e)
      return
    }
  }
  await Taro.reLaunch({ url: LOGIN_PAGE })
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void signIn()
  })
  // children is the page being shown
  return children
}

export default App
