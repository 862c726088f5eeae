import { View } from '@tarojs/components'
import './progress-bar.scss'

/** A thin bar, 0..1, for photo uploads (officers' and citizens'); light enough for nine photos at once. */
export function ProgressBar({ value, failed }: { value: number; failed?: boolean }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <View className={`zb-progress ${failed ? 'zb-progress--failed' : ''}`} data-progress={pct}>
      <View className='zb-progress__fill' style={{ width: `${pct}%` }} />
    </View>
  )
}
ProgressBar.displayName = 'ProgressBar'
