// ‹ 2025 · 2026 年 · 2027 ›: the ledger pages' year. No next year past the current one (a greyed
// NutUI button would read at under 4.5:1), none before the first year the server takes.
import { View, Text } from '@tarojs/components'
import { Button } from '@/components/ui'
import './year-picker.scss'

/** TOPIC_YEAR_MIN in domain/schemas/admin.ts (a schema module, kept out of the bundle). */
const FIRST_YEAR = 2000

export function YearPicker({ year, latest, onChange }: { year: number; latest: number; onChange: (y: number) => void }) {
  return (
    <View className='year-picker' role='group' aria-label='选择年度'>
      {year > FIRST_YEAR ? (
        <Button size='small' onClick={() => onChange(year - 1)} aria-label='上一年'>
          ‹ {year - 1}
        </Button>
      ) : null}
      <Text className='year-picker__label'>{year} 年</Text>
      {year < latest ? (
        <Button size='small' onClick={() => onChange(year + 1)} aria-label='下一年'>
          {year + 1} ›
        </Button>
      ) : null}
    </View>
  )
}
YearPicker.displayName = 'YearPicker'
