import { useEffect, useState } from 'react'
import type { Outbox, OutboxEntry } from '@/services/outbox'
import { getOutbox } from '@/services/officer-outbox'
import { useSessionUser } from '@/components/use-session-user'

/** The signed-in officer's outbox and its entries, kept current. Null outbox for non-officers. */
export function useOutbox(): { outbox: Outbox | null; entries: readonly OutboxEntry[] } {
  const user = useSessionUser()
  const [outbox, setOutbox] = useState<Outbox | null>(null)
  const [entries, setEntries] = useState<readonly OutboxEntry[]>([])
  useEffect(() => {
    const box = getOutbox()
    setOutbox(box)
    if (!box) {
      setEntries([])
      return undefined
    }
    return box.subscribe(setEntries)
  }, [user?.id, user?.roles.join(',')])
  return { outbox, entries }
}
