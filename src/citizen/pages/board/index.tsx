import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { MESSAGE_CATEGORIES, MESSAGE_CATEGORY_LABELS, type MessageCategory } from '../../../../domain/message/categories'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { useLoaded } from '@/components/use-loaded'
import { ApiError } from '@/services/api'
import { boardApi, type PublicBoardEntry } from '@/services/board-api'
import { boardEntryPage } from '@/services/routes'
import './index.scss'

interface Page {
  items: PublicBoardEntry[]
  nextCursor: string | null
}
const EMPTY: Page = { items: [], nextCursor: null }

/** 留言选登: replied messages published with their authors' consent, personal data masked. No sign-in needed. */
export default function Board() {
  const [category, setCategory] = useState<MessageCategory | undefined>(undefined)
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [more, setMore] = useState(false)
  const fetchPage = useCallback(() => boardApi.list({ category, q: q || undefined }), [category, q])
  const { data, loading, error, retryable, reload, setData } = useLoaded<Page>(fetchPage, EMPTY)

  const loadMore = async () => {
    if (!data.nextCursor) return
    setMore(true)
    try {
      const next = await boardApi.list({ category, q: q || undefined, cursor: data.nextCursor })
      setData({ items: [...data.items, ...next.items], nextCursor: next.nextCursor })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '加载失败', icon: 'none' })
    } finally {
      setMore(false)
    }
  }
  const search = () => setQ(typed.trim())

  return (
    <PageShell className='board'>
      <Text className='zb-hint board__intro'>以下留言经留言人同意后选登，姓名、电话、证件号、门牌等个人信息已隐去。</Text>
      <View className='board__search'>
        <Input
          className='zb-field board__search-input'
          value={typed}
          placeholder='搜索留言和答复'
          confirmType='search'
          maxlength={40}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <Button type='primary' className='board__search-button' onClick={search}>
          搜索
        </Button>
      </View>
      <View className='board__chips' role='tablist'>
        {[undefined, ...MESSAGE_CATEGORIES].map((c) => (
          <View
            key={c ?? 'all'}
            role='tab'
            aria-selected={c === category}
            className={`zb-chip board__chip ${c === category ? 'zb-chip--active' : ''}`}
            onClick={() => setCategory(c)}
          >
            {c ? MESSAGE_CATEGORY_LABELS[c] : '全部'}
          </View>
        ))}
      </View>
      <LoadState
        loading={loading}
        error={error}
        empty={data.items.length === 0}
        emptyText={q || category ? '没有找到相符的选登留言' : '还没有选登的留言'}
        onRetry={retryable ? () => void reload() : undefined}
      />
      {error
        ? null
        : data.items.map((e) => (
            <View key={e.id} className='zb-card board__item' onClick={() => void Taro.navigateTo({ url: boardEntryPage(e.id) })}>
              <View className='zb-card__head'>
                <Text className='board__category'>{MESSAGE_CATEGORY_LABELS[e.category]}</Text>
                <Text className='zb-hint'>{formatTime(e.publishedAt).slice(0, 10)}</Text>
              </View>
              <Text className='zb-card__text board__question'>{e.question}</Text>
              <View className='zb-quote'>
                <Text className='zb-label'>答复</Text>
                <Text className='board__answer'>{e.answer}</Text>
              </View>
            </View>
          ))}
      {data.nextCursor && !error ? (
        <Button block loading={more} disabled={more} onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : null}
    </PageShell>
  )
}
