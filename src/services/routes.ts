/** Page paths, written once. Subpackage roots are in app.config.ts. */
export const HOME_PAGE = '/pages/index/index'
export const LOGIN_PAGE = '/pages/login/index'
export const MESSAGE_NEW_PAGE = '/citizen/pages/message-new/index'
export const MY_MESSAGES_PAGE = '/citizen/pages/my-messages/index'
export const INBOX_PAGE = '/staff/pages/inbox/index'
export const itemPage = (id: string) => `/staff/pages/item/index?id=${encodeURIComponent(id)}`
/** The admin area (issue 6 §6), its own subpackage; `section` opens one of its sections. */
export const ADMIN_PAGE: string | null = '/admin/pages/index/index'
/** 待审核内容: what the content check held, for staff to approve or refuse (issue 8). */
export const MODERATION_PAGE = '/staff/pages/moderation/index'
