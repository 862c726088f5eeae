import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { useWide } from '@/components/use-wide'
import { ApiError, showError } from '@/services/api'
import { BUILTIN_VIEWS, SHORTCUT_ACTIONS, type InboxViewQuery } from '@/domain'
import {
  deskApi,
  FALLBACK_VIEWS,
  type BatchFilter,
  type BatchResult,
  type DeskInboxItem,
  type DeskInboxQuery,
  type DeskItemDetail,
  type DeskView,
  type SavedView
} from '@/services/desk-api'
import { blurField, focusFieldIn, onKeyPress, revealIn } from '@/services/keyboard'
import { itemPage } from '@/services/routes'
import { guardBack } from '@/services/back-guard'
import { DeskShell } from '../../components/desk-shell'
import { DeskRow } from '../../components/desk-row'
import { BatchBar } from '../../components/batch-bar'
import { ItemPanel, type PanelCommand } from '../../components/item-panel'
import { ShortcutHelp } from '../../components/shortcut-help'
import { ViewTools } from '../../components/view-tools'
import { NotificationBell } from '../../components/notification-bell'
import { CalendarBanner } from '../../components/calendar-banner'
import { commandFor, type DeskCommand } from '../../components/shortcuts'
import { useLiveChanges } from '../../services/use-live'
import { emptyText, statusFilters, type StatusFilter } from './filters'
import './index.scss'

const PAGE_SIZE = 20
/** The built-in view a desk opens on (domain/inbox-views.ts). */
const DEFAULT_VIEW = 'open'

interface Filter {
  viewId: string
  status: StatusFilter
  q: string
}

function query(views: readonly DeskView[], f: Filter, cursor?: string): DeskInboxQuery {
  const view = views.find((v) => v.id === f.viewId)
  // A view the app made up carries its filters; a server view is asked for by its id.
  const base: DeskInboxQuery = view?.query ? { ...view.query } : { view: f.viewId }
  // The chips offer only the statuses of the view's kind (filters.ts).
  if (f.status !== 'all') base.status = f.status as DeskInboxQuery['status']
  if (f.q.trim()) base.q = f.q.trim()
  return { ...base, limit: PAGE_SIZE, cursor }
}

/**
 * What the list shows, as filters a saved view (or a batch on "all that match") can hold: the
 * view's own filters (built-in ones from domain/inbox-views.ts, saved ones as the server keeps
 * them) with the status chip and the search on top.
 */
export function currentFilter(views: readonly DeskView[], saved: readonly SavedView[], f: Filter): InboxViewQuery {
  const view = views.find((v) => v.id === f.viewId)
  const base: InboxViewQuery = { ...(view?.query ?? saved.find((v) => v.id === f.viewId)?.query ?? BUILTIN_VIEWS.find((v) => v.id === f.viewId)?.query ?? {}) }
  if (f.status !== 'all') base.status = f.status as InboxViewQuery['status']
  if (f.q.trim()) base.q = f.q.trim()
  else delete base.q
  return base
}

export default function Inbox() {
  const wide = useWide()
  const [views, setViews] = useState<readonly DeskView[]>(FALLBACK_VIEWS)
  const [filter, setFilter] = useState<Filter>({ viewId: FALLBACK_VIEWS[0].id, status: 'all', q: '' })
  const [typed, setTyped] = useState('')
  const [items, setItems] = useState<DeskInboxItem[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [cursor, setCursor] = useState(0)
  const [openId, setOpenId] = useState<string | null>(null)
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set())
  const [command, setCommand] = useState<PanelCommand | null>(null)
  const [help, setHelp] = useState(false)
  const [now, setNow] = useState(() => new Date())
  // Ignores answers to a request that a newer one (another view, a search, a refresh) has replaced.
  const generation = useRef(0)
  const serverViews = useRef(false)
  const [saved, setSaved] = useState<SavedView[]>([])

  // The list waits for the first answer about views, so it is not loaded twice (made-up, then the server's).
  const [viewsReady, setViewsReady] = useState(false)
  // Live: items changed that the list does not show (有 N 条新事项), or "reload to be sure" (resync).
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set())
  const [stale, setStale] = useState(false)

  const reloadCounts = useCallback(async () => {
    try {
      const counted = await deskApi.counts()
      if (!counted || counted.length === 0) return
      setViews(counted)
      if (!serverViews.current) {
        serverViews.current = true
        // A new desk opens on everything still to do (全部待处理), not on an empty 我的待办.
        const first = counted.find((v) => v.id === DEFAULT_VIEW) ?? counted[0]
        setFilter((f) => (counted.some((v) => v.id === f.viewId) ? f : { ...f, viewId: first.id }))
      }
    } catch {
      // Counts are a help, not the work: the list still loads without them.
    } finally {
      setViewsReady(true)
    }
  }, [])

  const reload = useCallback(async (f: Filter, vs: readonly DeskView[]) => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    // The first page is read again: what the live bar announced is in it (or not in this view).
    setFresh(new Set())
    setStale(false)
    try {
      const page = await deskApi.inbox(query(vs, f))
      if (mine !== generation.current) return
      setItems(page.items)
      setNextCursor(page.nextCursor)
      setNow(new Date())
      setCursor((c) => Math.min(c, Math.max(0, page.items.length - 1)))
    } catch (e) {
      if (mine === generation.current) setError(e instanceof ApiError ? e.message : '加载失败')
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  const loadMore = async () => {
    if (loading || !nextCursor) return
    const mine = generation.current
    setLoading(true)
    try {
      const page = await deskApi.inbox(query(views, filter, nextCursor))
      if (mine !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (e) {
      showError(e)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }

  const reloadSaved = useCallback(async () => {
    try {
      setSaved(await deskApi.savedViews())
    } catch {
      // Without their filters, saved views still list (by id); only saving "what they show" needs them.
    }
  }, [])
  useEffect(() => {
    void reloadCounts()
    void reloadSaved()
  }, [reloadCounts, reloadSaved])
  // The browser's Back stays in the desk (H5; nothing to do in the mini-program).
  useEffect(() => guardBack(), [])
  // The list follows the filter (and the views, once the server has named them).
  const viewIds = views.map((v) => v.id).join()
  useEffect(() => {
    if (viewsReady) void reload(filter, views)
    // `views` changes with every count; the list depends only on which views exist.
  }, [reload, filter, viewIds, viewsReady])
  // Also on coming back from an item's page, whose status may have changed (the first show is
  // the mount, which the effect above already loads for).
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void Promise.all([reload(filter, views), reloadCounts()])
    shown.current = true
  })
  usePullDownRefresh(() => {
    void Promise.all([reload(filter, views), reloadCounts()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  const choose = (f: Filter) => {
    setFilter(f)
    setItems([])
    setNextCursor(null)
    setCursor(0)
    setChecked(new Set())
  }

  const open = (index: number) => {
    const item = items[index]
    if (!item) return
    setCursor(index)
    if (wide) setOpenId(item.id)
    else void Taro.navigateTo({ url: itemPage(item.id) })
  }
  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const onChanged = (d: DeskItemDetail) => {
    setItems((prev) =>
      prev.map((i) =>
        i.id === d.id
          ? {
              ...i,
              status: d.status,
              version: d.version ?? i.version,
              priority: d.priority ?? i.priority,
              topics: d.topics ?? i.topics,
              assigneeId: d.assignee === undefined ? i.assigneeId : (d.assignee?.id ?? null),
              assigneeName: d.assignee === undefined ? i.assigneeName : (d.assignee?.name ?? null)
            }
          : i
      )
    )
    void reloadCounts()
  }
  const openItem = (id: string) => {
    if (wide) setOpenId(id)
    else void Taro.navigateTo({ url: itemPage(id) })
  }
  const onMerged = (id: string) => {
    setOpenId(id)
    void reload(filter, views)
  }
  const saveView = async (label: string) => {
    const view = await deskApi.saveView(label, currentFilter(views, saved, filter))
    await Promise.all([reloadSaved(), reloadCounts()])
    setTyped('')
    choose({ viewId: view.id, status: 'all', q: '' })
    Taro.showToast({ title: '已保存视图', icon: 'success' })
  }
  const renameView = async (id: string, label: string) => {
    const old = saved.find((v) => v.id === id)
    await deskApi.updateView(id, label, old?.query ?? currentFilter(views, saved, filter))
    await Promise.all([reloadSaved(), reloadCounts()])
  }
  const deleteView = async (id: string) => {
    await deskApi.deleteView(id)
    setViews((vs) => vs.filter((v) => v.id !== id))
    choose({ viewId: DEFAULT_VIEW, status: 'all', q: '' })
    await Promise.all([reloadSaved(), reloadCounts()])
  }
  const onBatchDone = (_results: BatchResult[]) => {
    setChecked(new Set())
    void reload(filter, views)
    void reloadCounts()
  }

  // Live updates: a row on screen is patched in place (status, version); an item not on screen is
  // counted for the 有 N 条新事项 bar, so the list never jumps under the reader's eyes.
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (countsTimer.current) clearTimeout(countsTimer.current)
    },
    []
  )
  useLiveChanges((e) => {
    if (e.type === 'presence') return
    // The sidebar's counts follow, at most every 2 s however many changes arrive.
    if (!countsTimer.current) {
      countsTimer.current = setTimeout(() => {
        countsTimer.current = null
        void reloadCounts()
      }, 2000)
    }
    if (e.type === 'resync') return setStale(true)
    const { id, version, status } = e.change
    if (items.some((i) => i.id === id)) setItems((prev) => prev.map((i) => (i.id === id && version > (i.version ?? 0) ? { ...i, status, version } : i)))
    else setFresh((prev) => new Set(prev).add(id))
  })
  const showFresh = () => void reload(filter, views)
  useEffect(() => {
    setFresh(new Set())
    setStale(false)
  }, [filter])

  // Keyboard shortcuts (H5). The handler reads the newest state through a ref.
  const keyHandler = useRef<(c: DeskCommand) => boolean>(() => false)
  keyHandler.current = (c) => {
    if (help && c !== 'escape' && c !== 'help') return false
    switch (c) {
      case 'next':
      case 'prev': {
        const next = Math.max(0, Math.min(items.length - 1, cursor + (c === 'next' ? 1 : -1)))
        setCursor(next)
        setTimeout(() => revealIn('desk-row--cursor'))
        return true
      }
      case 'open':
        open(cursor)
        return true
      case 'toggle':
        if (items[cursor]) toggle(items[cursor].id)
        return true
      case SHORTCUT_ACTIONS.e:
      case SHORTCUT_ACTIONS.r:
      case 'assign': {
        const item = items[cursor]
        if (!item) return false
        if (!wide) {
          void Taro.navigateTo({ url: itemPage(item.id) })
          return true
        }
        if (openId !== item.id) setOpenId(item.id)
        setCommand((prev) => ({ name: c, seq: (prev?.seq ?? 0) + 1 }))
        return true
      }
      case 'search':
        focusFieldIn('desk__search')
        return true
      case 'help':
        setHelp(!help)
        return true
      case 'escape':
        if (help) setHelp(false)
        else if (checked.size > 0) setChecked(new Set())
        else blurField()
        return true
    }
  }
  useEffect(
    () =>
      onKeyPress((press) => {
        const c = commandFor(press)
        return c ? keyHandler.current(c) : false
      }),
    []
  )

  const activeView = views.find((v) => v.id === filter.viewId)
  const kind = activeView?.query?.kind ?? saved.find((v) => v.id === filter.viewId)?.query.kind ?? 'all'
  const selected = items.filter((i) => checked.has(i.id))
  // "All that match": the same filters the list was asked with, as the batch route takes them.
  const { limit: _limit, cursor: _cursor, ...batchFilter } = query(views, filter) as DeskInboxQuery & BatchFilter

  return (
    <PageShell className='desk'>
      <DeskShell
        views={views}
        activeViewId={filter.viewId}
        onView={(viewId) => choose({ ...filter, viewId, status: 'all' })}
        bell={<NotificationBell onOpenItem={openItem} />}
        banner={<CalendarBanner />}
        viewTools={<ViewTools active={activeView} onSave={saveView} onRename={renameView} onDelete={deleteView} />}
      >
        <View className='desk__list'>
          <View className='desk__tools'>
            <View className='desk__search'>
              <Input
                className='zb-field desk__search-input'
                // The key hint only where there is a keyboard: on a phone in 大字模式 it cut the placeholder off.
                placeholder={wide ? '搜索留言、事例、答复（按 / 开始）' : '搜索留言、事例、答复'}
                value={typed}
                confirmType='search'
                maxlength={50}
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={() => choose({ ...filter, q: typed })}
              />
              <Button size='small' type='primary' onClick={() => choose({ ...filter, q: typed })}>
                搜索
              </Button>
              {filter.q ? (
                <Button
                  size='small'
                  fill='none'
                  onClick={() => {
                    setTyped('')
                    choose({ ...filter, q: '' })
                  }}
                >
                  清除
                </Button>
              ) : null}
            </View>
            <View className='desk__filters'>
              {statusFilters(kind).map(({ status, label }) => (
                <View
                  key={status}
                  className={`zb-chip desk__filter ${status === filter.status ? 'zb-chip--active' : ''}`}
                  onClick={() => choose({ ...filter, status })}
                >
                  {label}
                </View>
              ))}
            </View>
            {wide ? <Text className='zb-hint desk__keys'>快捷键：j / k 上下，Enter 打开，x 选中，e 受理，r 答复，a 分派，? 帮助</Text> : null}
          </View>
          {fresh.size > 0 || stale ? (
            <View className='desk__fresh' onClick={showFresh}>
              <Text>{fresh.size > 0 ? `有 ${fresh.size} 条新事项，点击查看` : '列表有更新，点击刷新'}</Text>
            </View>
          ) : null}
          <BatchBar
            selected={selected}
            listed={items.length}
            allListedSelected={items.length > 0 && selected.length === items.length}
            more={nextCursor !== null}
            filter={batchFilter}
            onSelectAll={() => setChecked(new Set(items.map((i) => i.id)))}
            onClear={() => setChecked(new Set())}
            onDone={onBatchDone}
          />
          {wide && items.length > 0 ? (
            <View className='desk__columns'>
              <Text className='desk__col-check' />
              <Text>类型</Text>
              <Text>类别 / 标题</Text>
              <Text>摘要</Text>
              <Text>部门</Text>
              <Text>承办人</Text>
              <Text>期限</Text>
              <Text>状态</Text>
              <Text>优先级</Text>
            </View>
          ) : null}
          <LoadState loading={loading} error={error} empty={items.length === 0} emptyText={emptyText(kind)} onRetry={() => void reload(filter, views)} />
          {error
            ? null
            : items.map((item, i) => (
                <DeskRow
                  key={item.id}
                  item={item}
                  cursor={i === cursor}
                  open={item.id === openId}
                  checked={checked.has(item.id)}
                  q={filter.q}
                  now={now}
                  onOpen={() => open(i)}
                  onToggle={() => toggle(item.id)}
                />
              ))}
          {items.length > 0 ? (
            nextCursor ? (
              <Button className='desk__more' block fill='none' loading={loading} onClick={() => void loadMore()}>
                加载更多
              </Button>
            ) : (
              <Text className='zb-hint desk__more'>没有更多了</Text>
            )
          ) : null}
        </View>
        {wide ? (
          <View className='desk__detail'>
            {openId ? (
              <ItemPanel id={openId} command={command} onChanged={onChanged} onMerged={onMerged} />
            ) : (
              <View className='desk__detail-empty zb-hint'>在左侧选择一条留言或事例（j / k 移动，Enter 打开）</View>
            )}
          </View>
        ) : null}
      </DeskShell>
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </PageShell>
  )
}
