import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { MESSAGE_CATEGORY_LABELS, REPLY_ACTION, type TrackView } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { Button } from '@/components/ui'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { EmptyState } from '@/components/empty-state'
import { formatTime } from '@/components/format'
import { ApiError, NETWORK_ERROR_MESSAGE } from '@/services/api'
import { citizenApi } from '@/services/citizen-api'
import './index.scss'

/** The readable code alphabet (no 0/O, 1/I/L) is the server's; here only its shape is checked. */
const CODE_SHAPE = /^[0-9A-Za-z]{6,12}$/

function Result({ view }: { view: TrackView }) {
  const reply = [...view.timeline].reverse().find((e) => e.action === REPLY_ACTION && e.body)
  return (
    <View className='zb-card track__result'>
      <View className='zb-card__head'>
        <Text className='zb-card__heading'>{MESSAGE_CATEGORY_LABELS[view.category]}</Text>
        <StatusTag status={view.status} />
      </View>
      <Text className='zb-hint'>
        留言码 {view.trackingCode} · 提交于 {formatTime(view.createdAt)}
      </Text>
      {reply ? (
        <View className='zb-quote'>
          <Text className='zb-label'>答复</Text>
          <Text className='zb-quote__body'>{reply.body}</Text>
          <Text className='zb-hint'>{formatTime(reply.at)}</Text>
        </View>
      ) : null}
      {view.mergedInto ? (
        <View className='zb-quote'>
          <Text className='zb-label'>已与同一事项的留言合并办理</Text>
          <Text className='zb-hint'>
            合并到留言码 {view.mergedInto.trackingCode}，当前状态：
          </Text>
          <StatusTag status={view.mergedInto.status} />
          <Timeline events={view.mergedInto.timeline} />
        </View>
      ) : null}
      <Timeline events={view.timeline} />
      <Text className='zb-hint track__privacy'>为保护隐私，这里不显示留言内容和联系方式；留言人本人可在“我的留言”查看全部。</Text>
    </View>
  )
}

/** 查询留言: anyone with a 留言码 follows the message without signing in. */
export default function Track() {
  const [code, setCode] = useState('')
  const [view, setView] = useState<TrackView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const search = async () => {
    const typed = code.trim()
    if (!CODE_SHAPE.test(typed)) {
      setError('请输入 8 位留言码（字母和数字），可在提交成功页或“我的留言”中找到')
      return
    }
    setLoading(true)
    setError(null)
    try {
      setView(await citizenApi.track(typed))
    } catch (e) {
      setView(null)
      setError(e instanceof ApiError ? e.message : NETWORK_ERROR_MESSAGE)
    } finally {
      setLoading(false)
    }
  }

  return (
    <PageShell className='track'>
      <View className='zb-card'>
        <Text className='zb-label'>留言码</Text>
        <Input
          className='zb-field track__code'
          placeholder='请输入 8 位留言码'
          value={code}
          maxlength={12}
          confirmType='search'
          onInput={(e) => setCode(e.detail.value.toUpperCase())}
          onConfirm={() => void search()}
        />
        {error ? <Text className='zb-error track__error'>{error}</Text> : null}
        <View className='zb-actions'>
          <Button className='track__submit' type='primary' block loading={loading} onClick={() => void search()}>
            查询
          </Button>
        </View>
        <Text className='zb-hint'>无需登录。凭留言码可查看办理状态和答复。</Text>
      </View>
      {view ? <Result view={view} /> : error ? null : <EmptyState kind='empty' title='输入留言码查询办理进度' />}
    </PageShell>
  )
}
