// 导出年度考核表 / 导出月度报表, and for admins 提醒进度落后的部门 with what it did.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import { ApiError } from '@/services/api'
import { downloadExport } from '../services/download'
import { exportPaths, ledgerApi, type ExportRequest } from '../services/ledger-api'

export interface LedgerActionsProps {
  year: number
  /** The month the monthly report covers. */
  month: number
  isAdmin: boolean
  /** Whether the summary's month chips are shown to choose the monthly report's month. */
  monthPicker: boolean
}

type Busy = 'annual' | 'monthly' | 'warn' | null
const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请稍后重试')

export function LedgerActions({ year, month, isAdmin, monthPicker }: LedgerActionsProps) {
  const [busy, setBusy] = useState<Busy>(null)
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null)

  const run = async (what: Exclude<Busy, null>, task: () => Promise<string>) => {
    setBusy(what)
    setNote(null)
    try {
      setNote({ text: await task(), error: false })
    } catch (e) {
      setNote({ text: message(e), error: true })
    } finally {
      setBusy(null)
    }
  }
  const save = (what: 'annual' | 'monthly', req: ExportRequest) =>
    run(what, async () => {
      await downloadExport(req)
      return `已导出：${req.fileName}`
    })
  const warn = async () => {
    const asked = await Taro.showModal({ title: '提醒进度落后的部门', content: `将按 ${year} 年目前进度，向预计完不成年度目标的部门发送提醒（同一天不会重复提醒）。确定发送吗？` })
    if (!asked.confirm) return
    await run('warn', async () => {
      const r = await ledgerApi.warnShortfalls(year)
      return r.departmentsBehind ? `进度落后的部门 ${r.departmentsBehind} 个，本次已提醒 ${r.notified} 个${r.notified < r.departmentsBehind ? '（其余今天已提醒过）' : ''}` : '目前没有进度落后的部门'
    })
  }

  return (
    <View className='zb-card dashboard__actions'>
      <Text className='zb-card__heading'>导出与提醒</Text>
      <View className='dashboard__action-buttons'>
        <Button type='primary' loading={busy === 'annual'} disabled={busy !== null} onClick={() => void save('annual', exportPaths.annual(year))}>
          导出年度考核表
        </Button>
        <Button loading={busy === 'monthly'} disabled={busy !== null} onClick={() => void save('monthly', exportPaths.monthly(year, month))} aria-label={`导出月度报表（${year} 年 ${month} 月）`}>
          导出月度报表
        </Button>
        {isAdmin ? (
          <Button loading={busy === 'warn'} disabled={busy !== null} onClick={() => void warn()}>
            提醒进度落后的部门
          </Button>
        ) : null}
      </View>
      <Text className='zb-hint'>
        年度考核表为 {year} 年全年；月度报表为 {year} 年 {month} 月{monthPicker ? '（在「定期总结分析」选择月份）' : ''}
      </Text>
      {note ? (
        <View className={note.error ? 'zb-error' : 'dashboard__done'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </View>
      ) : null}
    </View>
  )
}
LedgerActions.displayName = 'LedgerActions'
