import { useEffect, useState } from 'react'
import { isWide, subscribeWide } from '@/services/viewport'

/** True while the window is desk-wide (≥ 1024 px in a browser; never in the mini-program). */
export function useWide(): boolean {
  const [wide, setWide] = useState(isWide)
  useEffect(() => {
    const unsubscribe = subscribeWide(setWide)
    setWide(isWide())
    return unsubscribe
  }, [])
  return wide
}
