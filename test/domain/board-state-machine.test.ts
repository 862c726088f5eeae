import { BOARD_PROPOSE_EVENT, boardMachine } from '../../domain/board/state-machine'
import type { Role } from '../../domain/roles'
import { buildPublicText, unmaskedFindings } from '../../domain/board/public-text'

const history = [{ action: BOARD_PROPOSE_EVENT, actorId: 'u-proposer' }]
const check = (status: (typeof boardMachine.statuses)[number], action: string, roles: Role[], actorId = 'u-other', inputs = {}) =>
  boardMachine.check({ status, action, roles, inputs, context: { actorId, history } })

describe('the board entry table', () => {
  it('proposed → published by a reviewer or admin other than the proposer', () => {
    expect(check('proposed', 'approve', ['reviewer'])).toEqual({ to: 'published' })
    expect(check('proposed', 'approve', ['admin'])).toEqual({ to: 'published' })
    expect(check('proposed', 'approve', ['staff'])).toMatchObject({ error: { kind: 'forbidden' } })
    expect(check('proposed', 'approve', ['staff', 'reviewer'], 'u-proposer')).toMatchObject({ error: { code: 'own_proposal' } })
  })

  it('decline and withdraw need a reason; nothing leaves declined or withdrawn', () => {
    expect(check('proposed', 'decline', ['reviewer'])).toMatchObject({ error: { kind: 'invalid', field: 'reason' } })
    expect(check('proposed', 'decline', ['reviewer'], 'u-other', { reason: '重复' })).toEqual({ to: 'declined' })
    expect(check('published', 'withdraw', ['admin'], 'u-other', { reason: '当事人要求' })).toEqual({ to: 'withdrawn' })
    expect(boardMachine.allowed('declined')).toEqual([])
    expect(boardMachine.allowed('withdrawn')).toEqual([])
    expect(boardMachine.allowed('published')).toEqual(['withdraw'])
    expect(check('published', 'edit', ['staff'])).toMatchObject({ error: { kind: 'conflict' } })
  })
})

describe('public text from staff choices', () => {
  const text = '我叫张三，电话13812345678，老刘烧烤'
  it('keeps the masker’s replacement for its own findings and stars for hand-marked spans', () => {
    const t = buildPublicText(text, [{ start: 2, end: 4, kind: 'name' }, { start: 7, end: 18, kind: 'mobile' }, { start: 19, end: 21, kind: 'custom' }], 'question')
    expect(t.public).toBe('我叫张某，电话138****5678，**烧烤')
    // A span the masker did not find, whatever kind it claims, is stars: staff cannot make it show other text.
    expect(buildPublicText(text, [{ start: 19, end: 21, kind: 'mobile' }], 'q').public).toBe('我叫张三，电话13812345678，**烧烤')
    expect(unmaskedFindings(text, t.spans)).toEqual([])
    expect(unmaskedFindings(text, []).map((s) => s.kind)).toEqual(['name', 'mobile'])
  })
  it('refuses spans outside the text or overlapping', () => {
    expect(() => buildPublicText(text, [{ start: 20, end: 40, kind: 'custom' }], 'q')).toThrow(/超出/)
    expect(() => buildPublicText(text, [{ start: 2, end: 5, kind: 'custom' }, { start: 4, end: 6, kind: 'custom' }], 'q')).toThrow(/重叠/)
  })
})
