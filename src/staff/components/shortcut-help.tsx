import { View, Text } from '@tarojs/components'
import { SHORTCUTS } from './shortcuts'
import './shortcut-help.scss'

/** The ? overlay: every desk shortcut and what it does. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <View className='shortcut-help' onClick={onClose}>
      <View className='shortcut-help__panel' onClick={(e) => e.stopPropagation()}>
        <Text className='zb-title'>快捷键</Text>
        {SHORTCUTS.map((s) => (
          <View key={s.key} className='shortcut-help__row'>
            <Text className='shortcut-help__key'>{s.shows}</Text>
            <Text>{s.label}</Text>
          </View>
        ))}
        <Text className='zb-hint'>在输入框中打字时快捷键不生效；按 Esc 离开输入框。</Text>
      </View>
    </View>
  )
}
ShortcutHelp.displayName = 'ShortcutHelp'
