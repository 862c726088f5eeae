import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import emptyPicture from '@/assets/empty-state/empty.png'
import errorPicture from '@/assets/empty-state/error.png'
import networkPicture from '@/assets/empty-state/network.png'
import './empty-state.scss'

export type EmptyStateKind = 'empty' | 'error' | 'network'

const PICTURES: Record<EmptyStateKind, string> = { empty: emptyPicture, error: errorPicture, network: networkPicture }

export interface EmptyStateProps {
  kind?: EmptyStateKind
  title: string
  description?: string
  className?: string
  /** Actions under the text, such as 重试. */
  children?: ReactNode
}

/**
 * What a list or page shows when it has nothing to show, or could not load. Its pictures ship
 * with the app (NutUI's Empty loads its own from a JD CDN: a broken image offline, a request
 * to a third party, and a CSP violation).
 */
export function EmptyState({ kind = 'empty', title, description, className, children }: EmptyStateProps) {
  return (
    <View className={`zb-empty-state${className ? ` ${className}` : ''}`} role={kind === 'empty' ? 'status' : 'alert'}>
      <Image className='zb-empty-state__picture' src={PICTURES[kind]} mode='aspectFit' />
      <Text className='zb-empty-state__title'>{title}</Text>
      {description ? <Text className='zb-empty-state__description'>{description}</Text> : null}
      {children ? <View className='zb-empty-state__actions'>{children}</View> : null}
    </View>
  )
}
EmptyState.displayName = 'EmptyState'
