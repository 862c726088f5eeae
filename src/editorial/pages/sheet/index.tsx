// 稿件审批表: one A4 page per draft with the three stages' signatures, dates and comments, the
// acknowledged pre-publication flags and the approved text; the browser prints it to PDF.
import { useCallback, useMemo } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DraftDetail } from '@/domain'
import { DRAFT_TYPE_LABELS } from '../../../../domain/draft/types'
import { DRAFT_FLAG_KIND_LABELS } from '../../../../domain/draft/flags'
import { DRAFT_STATUS_LABELS } from '../../../../domain/draft/state-machine'
import type { DraftContent } from '../../../../domain/draft/content'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { Button } from '@/components/ui'
import { formatTime } from '@/components/format'
import { useLoaded, LoadError } from '@/components/use-loaded'
import { absoluteUrl } from '@/services/api-base'
import { editorialApi } from '../../services/editorial-api'
import { canPrint, printPage } from '../../services/print'
import { DraftContentView } from '../../components/draft-content'
import './index.scss'

const dateOf = (iso: string | null) => (iso ? formatTime(iso) : '')

export default function Sheet() {
  const id = useRouter().params.id ?? ''
  const fetch = useCallback(async () => {
    if (!id) throw new LoadError('缺少稿件编号')
    return editorialApi.draft(id)
  }, [id])
  const { data: d, loading, error, retryable, reload } = useLoaded<DraftDetail | null>(fetch, null)
  const photoUrls = useMemo(() => new Map((d?.cases ?? []).flatMap((c) => c.photos.map((p) => [p.id, absoluteUrl(p.url)] as const))), [d])
  if (!d) {
    return (
      <PageShell className='sheet'>
        <LoadState loading={loading} error={error} empty emptyText='稿件不存在' onRetry={retryable ? () => void reload() : undefined} />
      </PageShell>
    )
  }
  return (
    <PageShell className='sheet'>
      <View className='sheet__tools'>
        {canPrint ? (
          <Button type='primary' className='sheet__print' onClick={printPage}>
            打印 / 存为 PDF
          </Button>
        ) : (
          <Text className='zb-hint'>请在电脑端打开本页打印。</Text>
        )}
      </View>
      <View className='sheet__paper'>
        <Text className='sheet__heading'>稿件审批表</Text>
        <View className='sheet__table' role='table'>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>稿件标题</Text>
            <Text className='sheet__td sheet__td--wide'>{d.title}</Text>
          </View>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>稿件类型</Text>
            <Text className='sheet__td'>{DRAFT_TYPE_LABELS[d.type]}</Text>
            <Text className='sheet__th'>当前状态</Text>
            <Text className='sheet__td'>{DRAFT_STATUS_LABELS[d.status]}</Text>
          </View>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>撰稿人</Text>
            <Text className='sheet__td'>{d.author.name}</Text>
            <Text className='sheet__th'>所属部门</Text>
            <Text className='sheet__td'>{d.department.name}</Text>
          </View>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>署名</Text>
            <Text className='sheet__td sheet__td--wide'>{d.credits.map((c) => `${c.name}（${c.sharePercent}%）`).join('、')}</Text>
          </View>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>素材来源</Text>
            <Text className='sheet__td sheet__td--wide'>{d.cases.map((c) => `${c.title}（${c.reporterName ?? ''} ${formatTime(c.occurredAt)}）`).join('；')}</Text>
          </View>
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>提交审核</Text>
            <Text className='sheet__td'>{dateOf(d.submittedAt)}</Text>
            <Text className='sheet__th'>审定时间</Text>
            <Text className='sheet__td'>{dateOf(d.approvedAt)}</Text>
          </View>
          {d.signatures.map((s) => (
            <View key={s.stage} className='sheet__row sheet__row--stage' role='row' data-stage={s.stage}>
              <Text className='sheet__th'>{s.label}意见</Text>
              <View className='sheet__td sheet__td--wide sheet__stage'>
                <Text className='sheet__opinion'>{s.signer ? s.comment || '同意' : ''}</Text>
                <Text className='sheet__sign'>
                  签字：{s.signer?.name ?? ''}　　日期：{dateOf(s.at)}
                </Text>
              </View>
            </View>
          ))}
          <View className='sheet__row' role='row'>
            <Text className='sheet__th'>发布前检查</Text>
            <View className='sheet__td sheet__td--wide'>
              {d.flags.length === 0 ? <Text>无提示</Text> : null}
              {d.flags.map((f) => (
                <Text key={f.id} className='sheet__flag'>
                  【{DRAFT_FLAG_KIND_LABELS[f.kind]}】{f.excerpt}：{f.acknowledged ? `${f.acknowledged.by.name}确认（${f.acknowledged.note}）` : '未处理'}
                </Text>
              ))}
            </View>
          </View>
        </View>
        <Text className='sheet__subheading'>稿件正文（第 {d.version} 版）</Text>
        <Text className='sheet__title'>{d.title}</Text>
        <DraftContentView content={d.content as DraftContent} photoUrls={photoUrls} />
      </View>
    </PageShell>
  )
}
