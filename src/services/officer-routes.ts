/** The officer subpackage's page paths (root `officer` in app.config.ts). */
export const CASE_NEW_PAGE = '/officer/pages/case-new/index'
export const MY_CASES_PAGE = '/officer/pages/my-cases/index'
export const caseEditPage = (id: string) => `${CASE_NEW_PAGE}?edit=${encodeURIComponent(id)}`
