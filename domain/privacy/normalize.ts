/**
 * Full-width digits, letters, plus, dash and the ideographic space become their ASCII forms one
 * code unit for one, so the detectors' patterns see "１３８" as "138" while every offset still
 * points into the original text.
 */
export function normalizeWidth(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.charCodeAt(0)
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (ch === '\u3000') out += ' '
    else out += ch
  }
  return out
}

/** Characters that are part of a longer number or code: a match touching one is not a match. */
export const CODE_CHAR = /[0-9A-Za-z]/

export const isCodeChar = (c: string | undefined) => c !== undefined && CODE_CHAR.test(c)

/**
 * Words that say the number that follows is not a person's: an order, a waybill, an invoice, a
 * business's registration code. Looked for just before a number (see `hasLabelBefore`).
 */
export const NOT_PERSONAL_LABELS = /(?:订单|单号|运单|快递|物流|编号|流水|发票|批号|批次|条码|条形码|信用代码|注册号|许可证|证书|合同|工单|案号|文号|序列号|型号|货号|金额|价格|价款|货款|元|账单|券码|验证码|交易号)[号码]?[为是：:\s#№]*$/u

/** True when the few characters before `start` (no more than `window`) end in such a label. */
export function hasLabelBefore(text: string, start: number, label: RegExp, window = 10): boolean {
  return label.test(text.slice(Math.max(0, start - window), start))
}
