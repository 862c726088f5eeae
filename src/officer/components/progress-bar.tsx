import { View } from '@tarojs/components'

/** A thin bar, 0..1; light enough for nine photos at once. */
export function ProgressBar({ value, failed }: { value: number; failed?: boolean }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <View className={`officer-progress ${failed ? 'officer-progress--failed' : ''}`} data-progress={pct}>
      <View className='officer-progress__fill' style={{ width: `${pct}%` }} />
    </View>
  )
}
ProgressBar.displayName = 'ProgressBar'
