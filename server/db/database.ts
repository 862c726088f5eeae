import type { Kysely, Transaction } from 'kysely'
import type { OrgTable } from './tables/org'
import type { DepartmentTable } from './tables/department'
import type { AppUserTable } from './tables/app-user'
import type { InvitationTable } from './tables/invitation'
import type { ItemTable } from './tables/item'
import type { MessageTable } from './tables/message'
import type { ItemEventTable } from './tables/item-event'
import type { MediaTable } from './tables/media'
import type { CaseReportTable } from './tables/case-report'
import type { ItemMediaTable } from './tables/item-media'
import type { ItemMentionTable } from './tables/item-mention'
import type { SessionTable, RefreshTokenTable } from './tables/session'
import type { DeadlineRuleTable } from './tables/deadline-rule'
import type { CalendarOverrideTable } from './tables/calendar-override'
import type { NotificationTable } from './tables/notification'
import type { SavedViewTable } from './tables/saved-view'
import type { TopicTable } from './tables/topic'
import type { CannedReplyTable } from './tables/canned-reply'
import type { ItemPresenceTable } from './tables/item-presence'
import type { DraftTable } from './tables/draft'
import type { DraftVersionTable } from './tables/draft-version'
import type { DraftCaseTable } from './tables/draft-case'
import type { DraftCreditTable } from './tables/draft-credit'
import type { DraftEventTable } from './tables/draft-event'
import type { DraftCommentTable } from './tables/draft-comment'
import type { DraftReviewerTable } from './tables/draft-reviewer'
import type { DraftFlagTable } from './tables/draft-flag'
import type { EditorialExpressionTable } from './tables/editorial-expression'
import type { BoardEntryTable } from './tables/board-entry'
import type { WechatTokenTable } from './tables/wechat-token'
import type { SubscribeGrantTable } from './tables/subscribe-grant'
import type { OutletTable } from './tables/outlet'
import type { ScoringRuleTable } from './tables/scoring-rule'
import type { LedgerTargetTable } from './tables/ledger-target'
import type { PublicationTable } from './tables/publication'
import type { PublicationCreditTable } from './tables/publication-credit'
import type { LedgerRecalculationTable } from './tables/ledger-recalculation'

export interface Database {
  org: OrgTable
  department: DepartmentTable
  app_user: AppUserTable
  invitation: InvitationTable
  item: ItemTable
  message: MessageTable
  item_event: ItemEventTable
  media: MediaTable
  case_report: CaseReportTable
  item_media: ItemMediaTable
  item_mention: ItemMentionTable
  session: SessionTable
  refresh_token: RefreshTokenTable
  deadline_rule: DeadlineRuleTable
  calendar_override: CalendarOverrideTable
  notification: NotificationTable
  saved_view: SavedViewTable
  topic: TopicTable
  canned_reply: CannedReplyTable
  item_presence: ItemPresenceTable
  draft: DraftTable
  draft_version: DraftVersionTable
  draft_case: DraftCaseTable
  draft_credit: DraftCreditTable
  draft_event: DraftEventTable
  draft_comment: DraftCommentTable
  draft_reviewer: DraftReviewerTable
  draft_flag: DraftFlagTable
  editorial_expression: EditorialExpressionTable
  board_entry: BoardEntryTable
  wechat_token: WechatTokenTable
  subscribe_grant: SubscribeGrantTable
  outlet: OutletTable
  scoring_rule: ScoringRuleTable
  ledger_target: LedgerTargetTable
  publication: PublicationTable
  publication_credit: PublicationCreditTable
  ledger_recalculation: LedgerRecalculationTable
}

export type Db = Kysely<Database>
/** Query functions accept either, so the caller decides the transaction. */
export type DbOrTx = Kysely<Database> | Transaction<Database>
