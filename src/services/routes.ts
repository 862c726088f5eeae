/** Page paths, written once. Subpackage roots are in app.config.ts. */
export const HOME_PAGE = '/pages/index/index'
export const LOGIN_PAGE = '/pages/login/index'
export const MESSAGE_NEW_PAGE = '/citizen/pages/message-new/index'
export const MY_MESSAGES_PAGE = '/citizen/pages/my-messages/index'
export const INBOX_PAGE = '/staff/pages/inbox/index'
export const itemPage = (id: string) => `/staff/pages/item/index?id=${encodeURIComponent(id)}`
/** The admin area (issue 6 §6), its own subpackage; `section` opens one of its sections. */
export const ADMIN_PAGE: string | null = '/admin/pages/index/index'
/** The public board (选登), read without a sign-in; one entry; the reviewers' queue. */
export const BOARD_PAGE = '/citizen/pages/board/index'
export const boardEntryPage = (id: string) => `/citizen/pages/board-entry/index?id=${encodeURIComponent(id)}`
export const BOARD_REVIEW_PAGE = '/staff/pages/board-review/index'
/** 待审核内容: what the content check held, for staff to approve or refuse (issue 8). */
export const MODERATION_PAGE = '/staff/pages/moderation/index'
/** 查询留言 by 留言码: works without signing in. */
export const TRACK_PAGE = '/citizen/pages/track/index'
/** 隐私说明: what is kept, why, for how long, who sees it, how to ask for deletion. */
export const PRIVACY_NOTICE_PAGE = '/citizen/pages/privacy/index'
/** WeChat's privacy authorisation (onNeedPrivacyAuthorization opens it). */
export const PRIVACY_AUTH_PAGE = '/citizen/pages/privacy-auth/index'
/** 满意度统计 for everyone who works the inbox. */
export const SATISFACTION_PAGE = '/staff/pages/satisfaction/index'
/** The editorial subpackage (drafts, 三审; the publication ledger adds its pages there). */
export const DRAFTS_PAGE = '/editorial/pages/drafts/index'
/** `view`: mine, review (待我审核) or all. */
export const draftsPage = (view: 'mine' | 'review' | 'all') => `${DRAFTS_PAGE}?view=${view}`
export const draftPage = (id: string) => `/editorial/pages/draft/index?id=${encodeURIComponent(id)}`
/** 进度看板: the ledger's progress against the year's targets, summaries and xlsx exports (issue 9). */
export const LEDGER_DASHBOARD_PAGE = '/editorial/pages/dashboard/index'
export const draftSheetPage = (id: string) => `/editorial/pages/sheet/index?id=${encodeURIComponent(id)}`
/** 登记发表 for one approved (or already published) draft. */
export const publishPage = (draftId: string) => `/editorial/pages/publish/index?draftId=${encodeURIComponent(draftId)}`
/** 发表台账: the year's publications, month by month. */
export const LEDGER_PAGE = '/editorial/pages/ledger/index'
