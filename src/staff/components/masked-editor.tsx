import { useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { customSpan, detectPersonalData, PRIVACY_KIND_LABELS, type PrivacySpan } from '../../../domain/privacy'
import { Button } from '@/components/ui'
import './masked-editor.scss'

export interface MaskedValue {
  text: string
  spans: PrivacySpan[]
}

interface Piece {
  text: string
  span?: PrivacySpan
  masked?: boolean
}

/** The text cut into plain pieces, masked spans and findings left visible (these two tappable). */
function pieces(text: string, spans: readonly PrivacySpan[]): Piece[] {
  const visible = detectPersonalData(text).filter((d) => !spans.some((s) => s.start < d.end && d.start < s.end))
  const marks = [...spans.map((s) => ({ span: s, masked: true })), ...visible.map((s) => ({ span: s, masked: false }))].sort((a, b) => a.span.start - b.span.start)
  const out: Piece[] = []
  let at = 0
  for (const m of marks) {
    if (m.span.start < at) continue
    if (m.span.start > at) out.push({ text: text.slice(at, m.span.start) })
    out.push({ text: m.masked ? m.span.replacement : m.span.text, span: m.span, masked: m.masked })
    at = m.span.end
  }
  if (at < text.length) out.push({ text: text.slice(at) })
  return out
}

/** Every occurrence of `words` in the text that no span covers yet, as hand-marked spans. */
function markWords(value: MaskedValue, words: string): PrivacySpan[] {
  const added: PrivacySpan[] = []
  if (!words) return added
  for (let at = value.text.indexOf(words); at >= 0; at = value.text.indexOf(words, at + words.length)) {
    const end = at + words.length
    if (![...value.spans, ...added].some((s) => s.start < end && at < s.end)) added.push(customSpan(value.text, at, end))
  }
  return added
}

export interface MaskedEditorProps {
  label: string
  value: MaskedValue
  /** Absent: read only (a reviewer's view of a decided entry). */
  onChange?: (value: MaskedValue) => void
}

/**
 * What the board will show, with every masked piece highlighted. Staff tap a masked piece to
 * show it after all, tap a finding left visible (dashed) to mask it, mark any words by hand,
 * or correct the text itself (the masker then looks again).
 */
export function MaskedEditor({ label, value, onChange }: MaskedEditorProps) {
  const [words, setWords] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const toggle = (p: Piece) => {
    if (!onChange || !p.span) return
    const spans = p.masked ? value.spans.filter((s) => s !== p.span) : [...value.spans, p.span].sort((a, b) => a.start - b.start)
    onChange({ ...value, spans })
  }
  const visibleCount = pieces(value.text, value.spans).filter((p) => p.span && !p.masked).length
  return (
    <View className='masked-editor'>
      <Text className='zb-label'>{label}</Text>
      {editing !== null ? (
        <>
          <Textarea className='zb-field masked-editor__textarea' value={editing} maxlength={-1} autoHeight onInput={(e) => setEditing(e.detail.value)} />
          <View className='zb-row masked-editor__tools'>
            <Button
              type='primary'
              onClick={() => {
                onChange?.({ text: editing, spans: detectPersonalData(editing) })
                setEditing(null)
              }}
            >
              完成修改
            </Button>
            <Button onClick={() => setEditing(null)}>取消</Button>
          </View>
        </>
      ) : (
        <View className='masked-editor__text'>
          {pieces(value.text, value.spans).map((p, i) =>
            p.span ? (
              <Text
                key={i}
                className={`masked-editor__mark ${p.masked ? 'masked-editor__mark--on' : 'masked-editor__mark--off'}`}
                aria-label={`${PRIVACY_KIND_LABELS[p.span.kind]}${p.masked ? '，已隐去' : '，未隐去'}`}
                onClick={() => toggle(p)}
              >
                {p.text}
              </Text>
            ) : (
              <Text key={i}>{p.text}</Text>
            )
          )}
        </View>
      )}
      {editing === null ? (
        <View className='masked-editor__chips'>
          {pieces(value.text, value.spans)
            .filter((p) => p.span)
            .map((p, i) => (
              <View
                key={i}
                className={`zb-chip masked-editor__chip ${p.masked ? 'zb-chip--active' : ''}`}
                aria-pressed={p.masked}
                onClick={() => toggle(p)}
              >
                {PRIVACY_KIND_LABELS[p.span!.kind]} {p.masked ? `${p.span!.text} → ${p.span!.replacement}` : `${p.span!.text}（未隐去）`}
              </View>
            ))}
        </View>
      ) : null}
      {visibleCount ? <Text className='zb-error'>有 {visibleCount} 处疑似个人信息未隐去（虚线标出），请确认</Text> : null}
      {onChange && editing === null ? (
        <>
          {value.spans.length || visibleCount ? <Text className='zb-hint masked-editor__hint'>点按上方各项（或文中黄色、虚线内容）可切换是否隐去</Text> : null}
          <View className='masked-editor__tools'>
            <Input className='zb-field masked-editor__words' value={words} placeholder='输入要隐去的文字' onInput={(e) => setWords(e.detail.value)} />
            <Button
              onClick={() => {
                const added = markWords(value, words)
                if (added.length) onChange({ ...value, spans: [...value.spans, ...added].sort((a, b) => a.start - b.start) })
                setWords('')
              }}
            >
              隐去
            </Button>
            <Button onClick={() => setEditing(value.text)}>修改原文</Button>
          </View>
        </>
      ) : null}
    </View>
  )
}
MaskedEditor.displayName = 'MaskedEditor'
