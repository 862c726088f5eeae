import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { deskApi, type CalendarStatus } from '@/services/desk-api'
import './calendar-banner.scss'

/**
 * When the holiday calendar lacks this or the coming year (GET /api/calendar/status), deadlines
 * reaching into it are counted Monday–Friday: the desk says so until an admin enters the year.
 */
export function CalendarBanner() {
  const [status, setStatus] = useState<CalendarStatus | null>(null)
  useEffect(() => {
    deskApi.calendarStatus().then(setStatus, () => setStatus(null))
  }, [])
  if (!status || status.missingYears.length === 0) return null
  return (
    <View className='calendar-banner' role='alert'>
      <Text className='calendar-banner__title'>节假日日历缺少 {status.missingYears.join('、')} 年</Text>
      <Text className='calendar-banner__text'>
        {status.warning ?? '截止日期暂按周一至周五计算，可能不准。请管理员按国务院办公厅的放假通知录入。'}
      </Text>
    </View>
  )
}
CalendarBanner.displayName = 'CalendarBanner'
