import { useCallback, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { beijingDay, yearOf } from '../../../domain/deadlines/day'
import { adminApi, type CalendarStatus, type CalendarYearView } from '../services/admin-api'
import { calendarLines, parseCalendarLines } from '../forms'
import { FieldError, SectionCard, errorText, YearStepper } from './parts'

const SOURCE_LABELS: Record<CalendarYearView['source'], string> = { admin: '管理员录入', builtin: '内置数据（国务院办公厅通知）', missing: '尚未录入：按周一至周五计算，期限可能不准' }

function YearEditor({ year, view, onSaved }: { year: number; view: CalendarYearView; onSaved: (v: CalendarYearView) => void }) {
  const [holidays, setHolidays] = useState(calendarLines(view.holidays))
  const [workdays, setWorkdays] = useState(calendarLines(view.workdays))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const save = async () => {
    setDone(false)
    const h = parseCalendarLines(holidays, year)
    if ('error' in h) return setError(`放假日期：${h.error}`)
    if (!h.days.length) return setError('放假日期：请至少填写一天')
    const w = parseCalendarLines(workdays, year)
    if ('error' in w) return setError(`调休上班日期：${w.error}`)
    setError(null)
    setBusy(true)
    try {
      onSaved(await adminApi.putCalendarYear(year, { holidays: h.days, workdays: w.days }))
      setDone(true)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='admin-calendar'>
      <Text className='admin-label'>放假日期（每行一天：{year}-01-01 元旦）</Text>
      <Textarea className='zb-field admin-calendar__days' value={holidays} maxlength={4000} onInput={(e) => setHolidays(e.detail.value)} aria-label='放假日期' />
      <Text className='admin-label'>调休上班日期（周末上班的日子，每行一天）</Text>
      <Textarea className='zb-field admin-calendar__days' value={workdays} maxlength={2000} onInput={(e) => setWorkdays(e.detail.value)} aria-label='调休上班日期' />
      <FieldError text={error} />
      {done ? <Text className='admin-ok'>已保存 {year} 年的安排</Text> : null}
      <Button type='primary' loading={busy} onClick={save}>
        保存 {year} 年安排（整年替换）
      </Button>
    </View>
  )
}

export function CalendarSection() {
  const [year, setYear] = useState(() => yearOf(beijingDay(new Date())))
  const fetch = useCallback(async () => {
    const [status, view] = await Promise.all([adminApi.calendarStatus(), adminApi.calendarYear(year)])
    return { status, view }
  }, [year])
  const loaded = useLoaded<{ status: CalendarStatus | null; view: CalendarYearView | null }>(fetch, { status: null, view: null })
  const { status, view } = loaded.data
  return (
    <SectionCard title='节假日' hint='按国务院办公厅每年的放假通知录入全年的放假日期和调休上班日期；录入的年份替换内置数据。'>
      {status?.missingYears.length ? (
        <View className='admin-warning' role='alert'>
          <Text>{status.warning ?? `${status.missingYears.join('、')} 年的节假日尚未录入`}</Text>
          <View className='admin-chips'>
            {status.missingYears.map((y) => (
              <View key={y} className='admin-chip' onClick={() => setYear(y)}>
                录入 {y} 年
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <YearStepper year={year} onChange={setYear} />
      {loaded.error ? <FieldError text={loaded.error} /> : null}
      {loaded.loading && !view ? <Text className='zb-hint'>加载中…</Text> : null}
      {view && view.year === year ? (
        <>
          <Text className={`admin-source admin-source--${view.source}`}>{SOURCE_LABELS[view.source]}</Text>
          <YearEditor key={`${year}:${view.source}:${view.holidays.length}`} year={year} view={view} onSaved={(v) => loaded.setData({ status, view: v })} />
        </>
      ) : null}
      {loaded.error && loaded.retryable ? (
        <Button onClick={() => void loaded.reload().catch(errorText)}>重试</Button>
      ) : null}
    </SectionCard>
  )
}
