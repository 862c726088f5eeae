import { useEffect, useState } from 'react'
import type { UserView } from '@/domain'
import { session } from '@/services/session'

/** The signed-in user, kept current across sign-in (which may finish after the page shows) and sign-out. */
export function useSessionUser(): UserView | null {
  const [user, setUser] = useState(session.user)
  useEffect(() => {
    const unsubscribe = session.subscribe(() => setUser(session.user()))
    // A sign-in that finished between the first render and this effect fired its event before
    // anyone listened (a busy machine widens that gap to seconds): read the session again now.
    setUser(session.user())
    return unsubscribe
  }, [])
  return user
}
