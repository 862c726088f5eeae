import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { session } from './services/session'
import { silentLogin } from './services/login'
import { showError } from './services/api'
import { LOGIN_PAGE } from './services/routes'
import './app.scss'

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
    showError(e)
    return
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
