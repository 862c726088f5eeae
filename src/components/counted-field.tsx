import { View, Text, Input, Textarea } from '@tarojs/components'
import { charCount } from './char-count'
import './counted-field.scss'

export interface CountedFieldProps {
  label: string
  value: string
  max: number
  placeholder?: string
  /** `textarea` grows with the text; `input` is one line. */
  kind?: 'input' | 'textarea'
  /** Extra class on the field, e.g. for tests and page styles. */
  className?: string
  error?: string
  onInput: (value: string) => void
}

/**
 * A labelled text field with a live `count/max` counter that turns red past the limit, and the
 * field's error. Typing past the limit is allowed, so a pasted text is not cut silently.
 */
export function CountedField({ label, value, max, placeholder, kind = 'input', className, error, onInput }: CountedFieldProps) {
  const count = charCount(value)
  const fieldClass = ['zb-field', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className='zb-card zb-counted'>
      <Text className='zb-label'>{label}</Text>
      {kind === 'textarea' ? (
        <Textarea className={`${fieldClass} zb-counted__textarea`} placeholder={placeholder} value={value} maxlength={-1} autoHeight onInput={(e) => onInput(e.detail.value)} />
      ) : (
        <Input className={fieldClass} placeholder={placeholder} value={value} maxlength={-1} onInput={(e) => onInput(e.detail.value)} />
      )}
      <Text className={`zb-counted__counter ${count > max ? 'zb-counted__counter--over' : ''}`}>
        {count}/{max}
      </Text>
      {error ? <Text className='zb-error'>{error}</Text> : null}
    </View>
  )
}
CountedField.displayName = 'CountedField'
