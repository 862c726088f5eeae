/**
 * What a content check says about a text or an image: WeChat's `result.suggest` of
 * msg_sec_check / media_check_async v2, or the local word list's verdict in dev mode.
 * pass: show it; review: keep it but hold it for staff; risky: refuse it.
 */
export const VERDICTS = ['pass', 'review', 'risky'] as const
export type Verdict = (typeof VERDICTS)[number]

export const isVerdict = (v: unknown): v is Verdict => typeof v === 'string' && (VERDICTS as readonly string[]).includes(v)

/** The stronger of two verdicts: one risky part makes the whole submission risky. */
export function worst(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) >= VERDICTS.indexOf(b) ? a : b
}

/** WeChat's `result.label` codes (msg_sec_check v2 documentation), for the moderators' note. */
export const WECHAT_LABELS: Readonly<Record<number, string>> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他'
}
export const labelText = (label: number | null | undefined) => (label == null ? '未知' : (WECHAT_LABELS[label] ?? `类别 ${label}`))
