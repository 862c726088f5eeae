/**
 * The timeline event that records the erasure of a closed message's contact details by the
 * retention job (internal: staff see when and why the phone number is gone).
 */
export const CONTACT_ERASED_EVENT = 'contact_erased'
export const CONTACT_ERASED_LABEL = '联系方式已按保存期限删除'
