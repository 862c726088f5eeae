// One draft: its text (or the editor while it is being written), the cases it uses, the 三审
// with the pre-publication flags, comments on paragraphs, the history and the versions' diff.
import { useCallback, useMemo, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { DRAFT_TYPE_LABELS, type DraftType } from '../../../../domain/draft/types'
import { awaitsFirstPublication } from '../../../../domain/draft/state-machine'
import type { DraftContent } from '../../../../domain/draft/content'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { useLoaded, LoadError } from '@/components/use-loaded'
import { useWide } from '@/components/use-wide'
import { ApiError } from '@/services/api'
import { draftSheetPage, itemPage, publishPage } from '@/services/routes'
import { absoluteUrl } from '@/services/api-base'
import { editorialApi } from '../../services/editorial-api'
import { DraftContentView } from '../../components/draft-content'
import { DraftEditor } from '../../components/draft-editor'
import { DraftStatusTag } from '../../components/draft-status-tag'
import { ReviewPanel } from '../../components/review-panel'
import { VersionsPanel } from '../../components/versions-panel'
import { CommentsCard } from '../../components/comments-card'
import './index.scss'

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试')

export default function DraftPage() {
  const id = useRouter().params.id ?? ''
  const fetch = useCallback(async () => {
    if (!id) throw new LoadError('缺少稿件编号')
    const d = await editorialApi.draft(id)
    void Taro.setNavigationBarTitle({ title: DRAFT_TYPE_LABELS[d.type] })
    return d
  }, [id])
  const { data: draft, loading, error, retryable, reload, setData } = useLoaded<DraftDetail | null>(fetch, null)
  const wide = useWide()
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [anchor, setAnchor] = useState<string | null>(null)
  const [showVersions, setShowVersions] = useState(false)

  // Back from 登记发表: the draft is published now, and shows it.
  useDidShow(() => {
    if (draft?.recordable && !editing) void reload()
  })

  const photoUrls = useMemo(() => new Map((draft?.cases ?? []).flatMap((c) => c.photos.map((p) => [p.id, absoluteUrl(p.url)] as const))), [draft])
  const marked = useMemo(() => new Set([...(draft?.comments ?? []).filter((c) => !c.resolvedAt && c.version === draft?.version).map((c) => c.anchor ?? ''), ...(draft?.flags ?? []).filter((f) => !f.acknowledged).map((f) => f.anchor ?? '')]), [draft])

  const run = async (call: () => Promise<DraftDetail>, after?: () => void) => {
    setBusy(true)
    setActionError(null)
    try {
      setData(await call())
      after?.()
    } catch (e) {
      setActionError(message(e))
      // A stale version or a move by someone else: show what is there now.
      if (e instanceof ApiError && e.status === 409) void reload()
    } finally {
      setBusy(false)
    }
  }

  if (!draft) {
    return (
      <PageShell className='draft-page'>
        <LoadState loading={loading} error={error} empty emptyText='稿件不存在' onRetry={retryable ? () => void reload() : undefined} />
      </PageShell>
    )
  }

  const save = (v: { title: string; type: DraftType; content: DraftContent; topics: string[]; credits: { userId?: string; departmentId?: string; sharePercent: number }[] }) =>
    void run(() => editorialApi.save(draft.id, { version: draft.version, ...v }), () => setEditing(false))

  const main = editing ? (
    <DraftEditor draft={draft} photoUrls={photoUrls} saving={busy} error={actionError} onSave={save} onCancel={() => setEditing(false)} />
  ) : (
    <View className='zb-card draft-page__text'>
      <Text className='draft-page__title'>{draft.title}</Text>
      <DraftContentView content={draft.content as DraftContent} photoUrls={photoUrls} marked={marked} selected={anchor} onSelect={(b) => setAnchor(b === anchor ? null : b)} />
      {draft.editable ? (
        <Button className='draft-page__edit' type='primary' block onClick={() => setEditing(true)}>
          修改稿件
        </Button>
      ) : null}
    </View>
  )

  const side = (
    <View className='draft-page__side'>
      <View className='zb-card draft-page__meta'>
        <View className='zb-card__head'>
          <Text className='zb-card__heading'>{DRAFT_TYPE_LABELS[draft.type]}</Text>
          <DraftStatusTag status={draft.status} />
        </View>
        <Text className='zb-hint'>
          {draft.author.name} · {draft.department.name} · 第 {draft.version} 版 · {formatTime(draft.updatedAt)}
        </Text>
        <Text className='zb-hint draft-page__credits'>署名：{draft.credits.map((c) => `${c.name}（${c.sharePercent}%）`).join('、')}</Text>
        {draft.topics.length ? <Text className='zb-hint'>重点主题：{draft.topics.join('、')}</Text> : null}
        <Text className='zb-label draft-page__cases-label'>使用的事例</Text>
        {draft.recordable ? (
          <Button className='draft-page__publish' type='primary' block onClick={() => void Taro.navigateTo({ url: publishPage(draft.id) })}>
            {awaitsFirstPublication(draft.status) ? '登记发表' : '登记在其他媒体的发表'}
          </Button>
        ) : null}
        {draft.cases.map((c) => (
          <Text key={c.id} className='draft-page__link draft-page__case' onClick={() => void Taro.navigateTo({ url: itemPage(c.id) })}>
            {c.title}（{formatTime(c.occurredAt)}
            {c.place ? ` · ${c.place}` : ''}）
          </Text>
        ))}
      </View>
      <ReviewPanel
        draft={draft}
        busy={busy}
        error={editing ? null : actionError}
        onAction={(action, inputs) => void run(() => editorialApi.act(draft.id, { action, version: draft.version, ...inputs }))}
        onAcknowledge={(flagId, note) => void run(() => editorialApi.acknowledge(draft.id, flagId, note))}
        onSheet={() => void Taro.navigateTo({ url: draftSheetPage(draft.id) })}
      />
      <CommentsCard
        draft={draft}
        anchor={anchor}
        busy={busy}
        onClearAnchor={() => setAnchor(null)}
        onComment={(body) => void run(() => editorialApi.comment(draft.id, { version: draft.version, ...(anchor ? { anchor } : {}), body }))}
        onResolve={(cid) => void run(() => editorialApi.resolveComment(draft.id, cid))}
      />
      <View className='zb-card draft-page__history'>
        <Text className='zb-label'>流转记录</Text>
        {draft.events.map((e) => (
          <View key={e.id} className='draft-page__event'>
            <Text>
              {e.label}
              {e.actor ? ` · ${e.actor.name}` : ''}
            </Text>
            <Text className='zb-hint'>
              {' '}
              {formatTime(e.at)} · 第 {e.version} 版
            </Text>
            {e.comment || e.reason ? <Text className='zb-hint draft-page__event-comment'>{e.comment ?? e.reason}</Text> : null}
          </View>
        ))}
        <Text className='draft-page__link' onClick={() => setShowVersions(!showVersions)}>
          {showVersions ? '收起历史版本' : '历史版本与修改对比'}
        </Text>
      </View>
      {showVersions ? <VersionsPanel draftId={draft.id} current={draft.version} /> : null}
    </View>
  )

  return (
    <PageShell className={`draft-page ${wide ? 'draft-page--wide' : ''}`}>
      <View className='draft-page__columns'>
        <View className='draft-page__main'>{main}</View>
        {side}
      </View>
    </PageShell>
  )
}
