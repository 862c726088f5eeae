import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import type { Paged } from './use-paged'

/** A section's card: its title, what it is for, and the load / error / empty states before its rows. */
export function SectionCard(props: { title: string; hint?: string; children?: ReactNode; className?: string }) {
  return (
    <View className={`zb-card admin-card ${props.className ?? ''}`}>
      <Text className='zb-title'>{props.title}</Text>
      {props.hint ? <Text className='zb-hint admin-card__hint'>{props.hint}</Text> : null}
      {props.children}
    </View>
  )
}

export function ListState(props: { loading: boolean; error: string | null; empty: boolean; emptyText: string; retryable: boolean; reload: () => void }) {
  return <LoadState loading={props.loading} error={props.error} empty={props.empty} emptyText={props.emptyText} onRetry={props.retryable ? props.reload : undefined} />
}

/**
 * The end of a paged list: 加载更多 while there is more (how many are shown beside it), the next
 * page's failure with 重试 (or 从第一页重新加载 when the server no longer takes the cursor), and
 * 没有更多了 at the end.
 */
export function LoadMore({ list, count }: { list: Pick<Paged<unknown>, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore' | 'reload'>; count: string }) {
  if (list.moreError) {
    return (
      <View className='admin-more'>
        <FieldError text={list.moreError.message} />
        <Button block onClick={() => void (list.moreError?.restart ? list.reload() : list.loadMore())}>
          {list.moreError.restart ? '从第一页重新加载' : '重试'}
        </Button>
      </View>
    )
  }
  return (
    <View className='admin-more'>
      <Text className='zb-hint'>{list.hasMore ? count : `${count}，没有更多了`}</Text>
      {list.hasMore ? (
        <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : null}
    </View>
  )
}

/** A field's error, read by screen readers with the field. */
export function FieldError({ text }: { text?: string | null }) {
  return text ? <View className='admin-field-error' role='alert'>{text}</View> : null
}

/** A choice among a few options: tappable chips, 44 px high on a phone. */
export function Chips<T extends string>(props: { options: readonly { value: T; label: string }[]; selected: readonly T[]; onToggle: (value: T) => void; label: string }) {
  return (
    <View className='admin-chips' aria-label={props.label}>
      {props.options.map((o) => (
        <View
          key={o.value}
          className={`admin-chip ${props.selected.includes(o.value) ? 'admin-chip--on' : ''}`}
          aria-pressed={props.selected.includes(o.value)}
          onClick={() => props.onToggle(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}

export const errorText = (e: unknown) => (e instanceof Error && e.message ? e.message : '出错了，请稍后重试')

/**
 * A form's or row's save: busy while it runs, the server's words when it fails (the fields keep
 * what was typed). `run` answers whether it worked, for what follows (closing the editor).
 */
export function useSave() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await call()
      return true
    } catch (e) {
      setError(errorText(e))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, run }
}

/** ‹ 上一年 · 2026 年 · 下一年 ›: the sections that hold one year's settings (topics, the holiday calendar). */
export function YearStepper({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  return (
    <View className='admin-year'>
      <Button size='small' onClick={() => onChange(year - 1)} aria-label='上一年'>
        ‹ {year - 1}
      </Button>
      <Text className='admin-year__label'>{year} 年</Text>
      <Button size='small' onClick={() => onChange(year + 1)} aria-label='下一年'>
        {year + 1} ›
      </Button>
    </View>
  )
}
