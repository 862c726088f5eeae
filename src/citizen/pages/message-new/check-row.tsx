import { View, Text } from '@tarojs/components'

export interface CheckRowProps {
  checked: boolean
  label: string
  className?: string
  onChange: (checked: boolean) => void
}

/** A checkbox row the whole width of its card: one tap anywhere on it, 44 px high at least, grows with 大字模式. */
export function CheckRow({ checked, label, className, onChange }: CheckRowProps) {
  return (
    <View
      className={['message-new__check', checked ? 'message-new__check--on' : '', className ?? ''].filter(Boolean).join(' ')}
      role='checkbox'
      aria-checked={checked}
      onClick={() => onChange(!checked)}
    >
      <View className='message-new__box'>{checked ? '✓' : ''}</View>
      <Text className='message-new__check-label'>{label}</Text>
    </View>
  )
}
CheckRow.displayName = 'CheckRow'
