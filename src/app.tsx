import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { session } from './services/session'
import { silentLogin } from './services/login'
import { ApiError, setSilentSignIn, showError } from './services/api'
import { installPrivacyHandler } from './services/privacy'
import './app.scss'

// Where the platform signs in silently (WeChat), an ended refresh token is replaced the same way.
setSilentSignIn(silentLogin)
// Before any page asks for a phone number or a location: WeChat asks through it (weapp only).
installPrivacyHandler()

/**
 * Signs in on launch where the platform can do it silently (WeChat). Never navigates: a page
 * change started here races the router's first page, which is still loading its code, and on a
 * slow phone the later one wins (the home page drawn under the login URL, or a second login page
 * replacing the one someone is typing into). Without silent login (H5), the home page sends a
 * signed-out visitor to the login page once it is shown (pages/index).
 */
async function signIn(): Promise<void> {
  if (session.token()) return
  try {
    const s = await silentLogin()
    if (s) session.save(s)
  } catch (e) {
    // A server in dev mode has no WeChat (it says so with this code): its login page offers dev login.
    if (!(e instanceof ApiError && e.code === 'wechat_dev_mode')) showError(e)
  }
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void signIn()
  })
  // children is the page being shown
  return children
}

export default App
