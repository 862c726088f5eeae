// Browser (the staff desk): there is no WeChat identity, so people sign in on the login page;
// desk roles land straight in the shared inbox.
import type { SessionView, UserView } from '@/domain'
import { INBOX_ROLES, hasAnyRole } from '../../domain/roles'
import { HOME_PAGE, INBOX_PAGE } from './routes'

export const DESK_LOGIN = true
export const SILENT_LOGIN = false

export async function silentLogin(): Promise<SessionView | null> {
  return null
}

export function landingPage(user: UserView): string {
  return hasAnyRole(user.roles, INBOX_ROLES) ? INBOX_PAGE : HOME_PAGE
}
