import { View } from '@tarojs/components'
import { Button } from './ui'
import { Empty } from './ui-sub'

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
      <View className='zb-load-state'>
        <Empty status='error' title='加载失败' description={error} />
        {onRetry ? (
          <Button type='primary' block onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    )
  }
  if (loading && empty) return <View className='zb-load-state zb-hint'>加载中…</View>
  if (empty) return <Empty className='zb-load-state' status='empty' title={emptyText} />
  return null
}
LoadState.displayName = 'LoadState'
