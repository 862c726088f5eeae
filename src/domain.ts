// The app's one door to the shared domain: runtime tables from domain/index.ts, and only *types*
// from domain/schemas (those import the ESM-only `typebox`, which must never enter the bundle).
export * from '../domain'
export type { SessionView, UserView, RedeemedInvitation } from '../domain/schemas/auth'
export type {
  CreateMessageBody,
  CreatedMessage,
  MyMessageView,
  MyMessagesPage,
  ItemDetail,
  TimelineEvent,
  ActionBody,
  MergedIntoView,
  MergedFromView
} from '../domain/schemas/item'
export type { BatchBody, BatchAnswer, BatchResult, ItemChangeView, DuplicateCandidate, DuplicatesAnswer, MergeBody } from '../domain/schemas/triage'
export type { InboxItem, InboxPage, InboxQuery, InboxCounts, InboxViewQuery, SavedViewBody, SavedViewView, SavedViewList, SearchMatch } from '../domain/schemas/inbox'
export type { ErrorBody } from '../domain/schemas/common'
export type { TrackView, RatingBody, SubscriptionsView, SubscribeTemplatesView, SatisfactionReport, ProgressView } from '../domain/schemas/follow-up'
export type {
  CreateCaseBody,
  ResubmitCaseBody,
  MediaView,
  MyCaseView,
  MyCasesPage,
  Place
} from '../domain/schemas/case'
export type { CalendarStatus } from '../domain/schemas/deadlines'
export type { NotificationPage, NotificationView } from '../domain/schemas/notifications'
export type { PhoneCodeBody, PhoneNumberView } from '../domain/schemas/contact'
export type {
  DraftSummary,
  DraftList,
  DraftDetail,
  DraftDiff,
  DraftVersionList,
  DraftVersionView,
  DraftCaseView,
  DraftFlagView,
  DraftCommentView,
  DraftEventView,
  CreateDraftBody,
  UpdateDraftBody,
  DraftActionBody,
  CaseDraftList,
  ReviewerConfigList
} from '../domain/schemas/draft'
