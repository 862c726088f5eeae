// Platform login. Taro picks login.weapp.ts or login.h5.ts at build time (same interface); this
// default is what TypeScript reads and what any other platform gets: no silent login, desk forms on.
import type { SessionView, UserView } from '@/domain'
import { HOME_PAGE } from './routes'

/** Whether the login page offers the desk forms (password, and dev login when the server is in dev mode). */
export const DESK_LOGIN = true

/** Whether `silentLogin` can sign people in at launch; without it a signed-out home page shows the login page. */
export const SILENT_LOGIN = false

/** Signs in without asking the user, where the platform can. Null when it cannot. */
export async function silentLogin(): Promise<SessionView | null> {
  return null
}

/** Where a freshly signed-in user lands. */
export function landingPage(_user: UserView): string {
  return HOME_PAGE
}
