import { View } from '@tarojs/components'
import { Button } from './ui'
import { EmptyState } from './empty-state'

export interface LoadStateProps {
  loading: boolean
  error: string | null
  empty: boolean
  emptyText: string
  /** Offers 重试 when given; leave it out when asking again cannot help (a 403 or 404). */
  onRetry?: () => void
}

/** The loading / error (with 重试) / empty states a list shows instead of its rows. Null when there are rows. */
export function LoadState({ loading, error, empty, emptyText, onRetry }: LoadStateProps) {
  if (error) {
    return (
      <EmptyState className='zb-load-state' kind='error' title='加载失败' description={error}>
        {onRetry ? (
          <Button type='primary' block onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </EmptyState>
    )
  }
  if (loading && empty) return <View className='zb-load-state zb-hint'>加载中…</View>
  if (empty) return <EmptyState className='zb-load-state' kind='empty' title={emptyText} />
  return null
}
LoadState.displayName = 'LoadState'
