import { View } from '@tarojs/components'

/**
 * One (or several) of a few options as tappable chips (zb-chip: 44 px high, enlarged with the
 * font): faster on a phone than a picker wheel when the options fit on two lines.
 */
export function ChoiceChips<T extends string>(props: { label: string; options: readonly { value: T; label: string }[]; selected: readonly T[]; onToggle: (value: T) => void; className?: string }) {
  return (
    <View className={`zb-row ${props.className ?? ''}`} role='group' aria-label={props.label}>
      {props.options.map((o) => {
        const on = props.selected.includes(o.value)
        return (
          <View key={o.value} className={`zb-chip ${on ? 'zb-chip--active' : ''}`} role='button' aria-pressed={on} data-value={o.value} onClick={() => props.onToggle(o.value)}>
            {o.label}
          </View>
        )
      })}
    </View>
  )
}
ChoiceChips.displayName = 'ChoiceChips'
