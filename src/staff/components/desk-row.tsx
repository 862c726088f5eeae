import { View, Text } from '@tarojs/components'
import { StatusTag } from '@/components/status-tag'
import { ThumbStrip } from '@/components/thumb-strip'
import { formatTime } from '@/components/format'
import type { DeskInboxItem } from '@/services/desk-api'
import { dueText, headline, kindLabel, priorityLabel } from './desk-format'
import { Highlighted } from './highlighted'

export interface DeskRowProps {
  item: DeskInboxItem
  /** The keyboard's cursor (j/k) is on this row. */
  cursor: boolean
  /** Shown in the detail beside the list. */
  open: boolean
  checked: boolean
  /** The search words, marked in the excerpt. */
  q: string
  now: Date
  onOpen: () => void
  onToggle: () => void
}

/**
 * One inbox entry. On a phone a card (kind and headline, excerpt, photos, who and when); on a desk
 * the same elements line up as the columns of a dense list (CSS grid, desk-list.scss).
 */
export function DeskRow({ item, cursor, open, checked, q, now, onOpen, onToggle }: DeskRowProps) {
  const due = dueText(item.dueAt, now)
  const priority = priorityLabel(item.priority)
  const classes = [
    'zb-card desk-row',
    `desk-row--${item.kind}`,
    cursor ? 'desk-row--cursor' : '',
    open ? 'desk-row--open' : '',
    checked ? 'desk-row--checked' : '',
    due ? `desk-row--due-${due.tone}` : ''
  ]
  return (
    <View className={classes.filter(Boolean).join(' ')} onClick={onOpen}>
      <View
        className={`desk-row__check ${checked ? 'desk-row__check--on' : ''}`}
        // The row itself opens the item; the box beside it only selects.
        onClick={(e) => {
          e.stopPropagation()
          onToggle()
        }}
      >
        <Text className='desk-row__box'>{checked ? '✓' : ''}</Text>
      </View>
      <Text className='desk-row__kind'>{kindLabel(item.kind)}</Text>
      <Text className='desk-row__headline'>{headline(item)}</Text>
      <View className='desk-row__excerpt'>
        {/* With a search, the server's snippet around the match (it may be in a reply or a note). */}
        {item.match ? <Highlighted text={item.match.snippet} ranges={item.match.ranges} /> : <Highlighted text={item.excerpt} q={q} />}
      </View>
      <Text className={`desk-row__dept ${item.departmentName ? '' : 'desk-row__blank'}`}>{item.departmentName ?? '—'}</Text>
      <Text className='desk-row__assignee'>{item.assigneeName ?? '未分派'}</Text>
      <Text className={`desk-row__due ${due ? `desk-row__due--${due.tone}` : 'desk-row__blank'}`}>{due?.text ?? '—'}</Text>
      <View className='desk-row__status'>
        <StatusTag status={item.status} kind={item.kind} />
      </View>
      <Text className={`desk-row__priority ${priority ? 'desk-row__priority--set' : 'desk-row__blank'}`}>{priority ?? '—'}</Text>
      {item.kind === 'case' ? (
        <View className='desk-row__thumbs'>
          <ThumbStrip urls={item.thumbUrls} total={item.photoCount} />
        </View>
      ) : null}
      <Text className='zb-hint desk-row__meta'>
        {item.authorName ? `${item.authorName} · ` : ''}
        {formatTime(item.createdAt)}
      </Text>
    </View>
  )
}
DeskRow.displayName = 'DeskRow'
