/**
 * Personal data found in a text: where it is (UTF-16 offsets, as `String.prototype.slice`
 * counts, so the app and the server cut the same characters), what kind it is, the text found
 * and what the public sees instead.
 */
export const PRIVACY_KINDS = ['name', 'mobile', 'landline', 'idCard', 'bankCard', 'plate', 'address', 'custom'] as const
export type PrivacyKind = (typeof PRIVACY_KINDS)[number]

export const PRIVACY_KIND_LABELS: Record<PrivacyKind, string> = {
  name: '姓名',
  mobile: '手机号',
  landline: '固定电话',
  idCard: '身份证号',
  bankCard: '银行卡号',
  plate: '车牌号',
  address: '门牌地址',
  custom: '人工隐去'
}

export interface PrivacySpan {
  start: number
  end: number
  kind: PrivacyKind
  text: string
  replacement: string
}
