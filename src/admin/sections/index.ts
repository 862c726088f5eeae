import type { ComponentType } from 'react'
import { PeopleSection } from './people'
import { DepartmentsSection } from './departments'
import { TopicsSection } from './topics'
import { CannedRepliesSection } from './canned-replies'
import { DeadlineRulesSection } from './deadline-rules'
import { CalendarSection } from './calendar'
import { DraftReviewersSection } from './draft-reviewers'
import { OutletsSection } from './outlets'
import { ScoringRulesSection } from './scoring-rules'
import { TargetsSection } from './targets'

/** The admin area's sections, in the sidebar's order. */
export const ADMIN_SECTIONS = [
  { id: 'people', label: '人员', component: PeopleSection },
  { id: 'departments', label: '部门', component: DepartmentsSection },
  { id: 'topics', label: '重点主题', component: TopicsSection },
  { id: 'canned', label: '答复模板', component: CannedRepliesSection },
  { id: 'deadlines', label: '办理时限', component: DeadlineRulesSection },
  { id: 'calendar', label: '节假日', component: CalendarSection },
  { id: 'reviewers', label: '三审审核人', component: DraftReviewersSection },
  { id: 'outlets', label: '媒体名录', component: OutletsSection },
  { id: 'scoring', label: '计分规则', component: ScoringRulesSection },
  { id: 'targets', label: '年度目标', component: TargetsSection }
] as const satisfies readonly { id: string; label: string; component: ComponentType }[]

export type SectionId = (typeof ADMIN_SECTIONS)[number]['id']
export const isSectionId = (id: string): id is SectionId => ADMIN_SECTIONS.some((s) => s.id === id)
