import { useEffect, useState } from 'react'
import { fontPreference } from '@/services/font'

/** The 大字模式 preference, live: canvases cannot read the page's --zb-font-* sizes, so they ask here. */
export function useLargeFont(): boolean {
  const [large, setLarge] = useState(fontPreference.isLarge)
  useEffect(() => fontPreference.subscribe(setLarge), [])
  return large
}
