import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { DraftDiff, DraftVersionList } from '@/domain'
import { ApiError } from '@/services/api'
import { formatTime } from '@/components/format'
import { editorialApi } from '../services/editorial-api'
import './versions-panel.scss'

const CHANGE_LABEL = { added: '新增', removed: '删除', changed: '修改', same: '' } as const

/** 历史版本: every save, and the differences between two of them (the newest against the one picked). */
export function VersionsPanel({ draftId, current }: { draftId: string; current: number }) {
  const [versions, setVersions] = useState<DraftVersionList['versions']>([])
  const [from, setFrom] = useState<number | null>(null)
  const [diff, setDiff] = useState<DraftDiff | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    editorialApi.versions(draftId).then((v) => setVersions(v.versions), (e) => setError(e instanceof ApiError ? e.message : '版本加载失败'))
  }, [draftId, current])
  const compare = useCallback(
    async (n: number) => {
      setFrom(n)
      try {
        setDiff(await editorialApi.diff(draftId, n, current))
        setError(null)
      } catch (e) {
        setError(e instanceof ApiError ? e.message : '比较失败')
      }
    },
    [draftId, current]
  )
  return (
    <View className='zb-card versions-panel'>
      <Text className='zb-label'>历史版本（共 {versions.length} 版）</Text>
      {versions.map((v) => (
        <View key={v.number} className={`versions-panel__row ${from === v.number ? 'versions-panel__row--active' : ''}`} onClick={v.number === current ? undefined : () => void compare(v.number)}>
          <Text>第 {v.number} 版</Text>
          <Text className='zb-hint'>
            {v.author.name} · {formatTime(v.createdAt)}
          </Text>
          <Text className='versions-panel__compare'>{v.number === current ? '当前' : '与当前比较'}</Text>
        </View>
      ))}
      {error ? <Text className='zb-error'>{error}</Text> : null}
      {diff ? (
        <View className='versions-panel__diff' data-from={diff.from} data-to={diff.to}>
          <Text className='zb-label'>
            第 {diff.from} 版 → 第 {diff.to} 版
          </Text>
          {diff.blocks
            .filter((b) => b.change !== 'same')
            .map((b) => (
              <View key={b.anchor} className={`versions-panel__block versions-panel__block--${b.change}`}>
                <Text className='versions-panel__change'>{CHANGE_LABEL[b.change]}</Text>
                <View>
                  {b.parts.map((p, i) => (
                    <Text key={i} className={p.added ? 'versions-panel__ins' : p.removed ? 'versions-panel__del' : ''}>
                      {p.value}
                    </Text>
                  ))}
                </View>
              </View>
            ))}
          {diff.blocks.every((b) => b.change === 'same') ? <Text className='zb-hint'>正文没有变化。</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
VersionsPanel.displayName = 'VersionsPanel'
