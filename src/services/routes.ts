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
