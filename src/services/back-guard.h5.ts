// The browser. Signing in ends with Taro's reLaunch, which *replaces* the login page in the
// history, so the entry before the desk is whatever site came before: Back left the app. Here the
// desk's first page adds one entry of its own (the same address and router state, marked), so
// Back lands on it instead; arriving there, the mark is set again for the next Back.
const MARK = 'zbDeskGuard'

export function guardBack(): () => void {
  const here = window.location.href
  const arm = () => {
    if ((window.history.state as Record<string, unknown> | null)?.[MARK]) return
    window.history.pushState({ ...(window.history.state ?? {}), [MARK]: true }, '', here)
  }
  const onPop = () => {
    // Only on the desk's own address: Back from an item page to the desk is Taro's to handle.
    if (window.location.href === here) arm()
  }
  arm()
  window.addEventListener('popstate', onPop)
  return () => window.removeEventListener('popstate', onPop)
}
