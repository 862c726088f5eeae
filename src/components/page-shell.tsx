import { useEffect, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { fontPreference } from '@/services/font'
import './page-shell.scss'

export interface PageShellProps {
  children?: ReactNode
  className?: string
}

/** Every page's root: applies the large-font (适老化) preference to the whole page. */
export function PageShell({ children, className }: PageShellProps) {
  const [large, setLarge] = useState(fontPreference.isLarge)
  useEffect(() => fontPreference.subscribe(setLarge), [])
  const classes = ['zb-page', large ? 'zb-page--large' : '', className ?? ''].filter(Boolean).join(' ')
  return <View className={classes}>{children}</View>
}
PageShell.displayName = 'PageShell'
