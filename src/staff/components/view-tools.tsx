import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { LIMITS } from '@/domain'
import { Button } from '@/components/ui'
import { showError } from '@/services/api'
import type { DeskView } from '@/services/desk-api'
import './view-tools.scss'

export interface ViewToolsProps {
  /** The view shown now; a saved one can be renamed and deleted. */
  active: DeskView | undefined
  /** Saves what the list shows now (view, status chip, search) under a name. */
  onSave: (label: string) => Promise<void>
  onRename: (id: string, label: string) => Promise<void>
  onDelete: (id: string) => Promise<void>
}

type Mode = { name: 'idle' } | { name: 'save' } | { name: 'rename'; id: string }

/** Under the views: 保存为视图, and for one's own view 重命名 / 删除. */
export function ViewTools({ active, onSave, onRename, onDelete }: ViewToolsProps) {
  const [mode, setMode] = useState<Mode>({ name: 'idle' })
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (call: () => Promise<void>) => {
    setBusy(true)
    try {
      await call()
      setMode({ name: 'idle' })
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }
  const submit = () => {
    const text = label.trim()
    if (!text) {
      Taro.showToast({ title: '请填写视图名称', icon: 'none' })
      return
    }
    void run(() => (mode.name === 'rename' ? onRename(mode.id, text) : onSave(text)))
  }

  if (mode.name !== 'idle') {
    return (
      <View className='view-tools view-tools--form'>
        <Text className='zb-hint'>{mode.name === 'save' ? '把当前的视图、状态和搜索保存为：' : '新的视图名称：'}</Text>
        <Input
          className='zb-field view-tools__label'
          placeholder='视图名称'
          value={label}
          maxlength={LIMITS.savedViewLabel}
          focus
          onInput={(e) => setLabel(e.detail.value)}
          onConfirm={submit}
        />
        <View className='zb-row'>
          <Button size='small' type='primary' loading={busy} onClick={submit}>
            保存
          </Button>
          <Button size='small' fill='none' onClick={() => setMode({ name: 'idle' })}>
            取消
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='view-tools'>
      <View
        className='view-tools__link'
        onClick={() => {
          setLabel('')
          setMode({ name: 'save' })
        }}
      >
        ＋ 保存为视图
      </View>
      {active?.saved ? (
        <>
          <View
            className='view-tools__link'
            onClick={() => {
              setLabel(active.label)
              setMode({ name: 'rename', id: active.id })
            }}
          >
            重命名“{active.label}”
          </View>
          <View
            className='view-tools__link view-tools__link--danger'
            onClick={async () => {
              const { confirm } = await Taro.showModal({ title: `删除视图“${active.label}”？`, content: '只删除这个视图，不影响其中的留言和事例。', confirmText: '删除' })
              if (confirm) void run(() => onDelete(active.id))
            }}
          >
            删除此视图
          </View>
        </>
      ) : null}
    </View>
  )
}
ViewTools.displayName = 'ViewTools'
