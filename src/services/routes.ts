/** Page paths, written once. Subpackage roots are in app.config.ts. */
export const HOME_PAGE = '/pages/index/index'
export const LOGIN_PAGE = '/pages/login/index'
export const MESSAGE_NEW_PAGE = '/citizen/pages/message-new/index'
export const MY_MESSAGES_PAGE = '/citizen/pages/my-messages/index'
export const INBOX_PAGE = '/staff/pages/inbox/index'
export const itemPage = (id: string) => `/staff/pages/item/index?id=${encodeURIComponent(id)}`
/** The admin area (issue 6 §6), its own subpackage; `section` opens one of its sections. */
export const ADMIN_PAGE: string | null = '/admin/pages/index/index'
/** The editorial subpackage (drafts, 三审; the publication ledger adds its pages there). */
export const DRAFTS_PAGE = '/editorial/pages/drafts/index'
/** `view`: mine, review (待我审核) or all. */
export const draftsPage = (view: 'mine' | 'review' | 'all') => `${DRAFTS_PAGE}?view=${view}`
export const draftPage = (id: string) => `/editorial/pages/draft/index?id=${encodeURIComponent(id)}`
export const draftSheetPage = (id: string) => `/editorial/pages/sheet/index?id=${encodeURIComponent(id)}`
