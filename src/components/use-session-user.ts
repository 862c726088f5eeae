import { useEffect, useState } from 'react'
import type { UserView } from '@/domain'
import { session } from '@/services/session'

/** The signed-in user, kept current across sign-in (which may finish after the page shows) and sign-out. */
export function useSessionUser(): UserView | null {
  const [user, setUser] = useState(session.user)
  useEffect(() => session.subscribe(() => setUser(session.user())), [])
  return user
}
