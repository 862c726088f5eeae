import { checkPublication, emptyPublication, type PublicationValues } from '../../src/editorial/pages/publish/publication-values'

const ctx = { draftId: 'd1', today: '2026-12-05', clientId: 'pub-form-0001', bonuses: true }
const filled = (over: Partial<PublicationValues> = {}): PublicationValues => ({ ...emptyPublication('2026-12-05'), outletId: 'o1', channel: 'wechat', placement: 'front_page', link: 'https://example.cn/a', ...over })

describe('the 登记发表 form before sending', () => {
  it('says what is missing, field by field, and sends nothing', () => {
    const { errors, body } = checkPublication(emptyPublication('2026-12-05'), ctx)
    expect(body).toBeNull()
    expect(errors).toEqual({ outletId: '请选择发表媒体', channel: '请选择发表渠道', placement: '请选择版面位置', link: '请填写发表链接，或上传截图、扫描件作为发表凭证' })
  })

  it('refuses a day after today, a link that is not http(s), and a screenshot still uploading or failed', () => {
    expect(checkPublication(filled({ publishedOn: '2026-12-06' }), ctx).errors).toEqual({ publishedOn: '发表日期不能晚于今天' })
    expect(checkPublication(filled({ link: 'javascript:alert(1)' }), ctx).errors).toEqual({ link: '链接应以 http:// 或 https:// 开头' })
    expect(checkPublication(filled({ link: `https://${'a'.repeat(500)}` }), ctx).errors.link).toMatch(/不能超过 500/)
    expect(checkPublication(filled({ link: '', proof: { path: 'p', progress: 0.4, uploading: true } }), ctx).errors).toEqual({ proof: '截图还在上传，请稍候' })
    expect(checkPublication(filled({ link: '', proof: { path: 'p', progress: 0, uploading: false, error: '网络' } }), ctx).errors.proof).toMatch(/重试/)
  })

  it('a screenshot alone is proof enough; the body carries the client id, and bonuses only where the type has them', () => {
    const v = filled({ link: ' ', proof: { path: 'p', progress: 1, uploading: false, mediaId: 'm1' }, leaderComment: true, deductions: ['correction'] })
    expect(checkPublication(v, ctx).body).toEqual({ draftId: 'd1', outletId: 'o1', channel: 'wechat', placement: 'front_page', publishedOn: '2026-12-05', proofMediaId: 'm1', leaderComment: true, adopted: false, deductions: ['correction'], clientId: 'pub-form-0001' })
    expect(checkPublication(v, { ...ctx, bonuses: false }).body).not.toHaveProperty('leaderComment')
  })
})
