import fc from 'fast-check'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, isCreditCode } from '../../domain/message/credit-code'
import { CATEGORY_RULES, messageRuleProblems } from '../../domain/message/rules'
import { MESSAGE_CATEGORIES } from '../../domain/message/categories'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '911100001000079554', '9144030071526726XG'])('accepts the published code %s', (code) => {
    expect(isCreditCode(code)).toBe(true)
  })

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100m000100y43', 'lower case'],
    ['91350100M000100O43', 'O is not in the alphabet'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['110101199003077777', 'an ID-card-like number']
  ])('refuses %s (%s)', (code) => {
    expect(isCreditCode(code)).toBe(false)
  })

  const char = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''))
  const prefix = fc.array(char, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''))

  it('any 17 characters with their check character make a valid code', () => {
    fc.assert(fc.property(prefix, (p) => isCreditCode(p + creditCodeCheckChar(p)!)))
  })

  it('changing any one character of a valid code is always caught (31 is prime, no weight is 0)', () => {
    fc.assert(
      fc.property(prefix, fc.integer({ min: 0, max: 17 }), char, (p, at, replacement) => {
        const code = p + creditCodeCheckChar(p)!
        fc.pre(code[at] !== replacement)
        return !isCreditCode(code.slice(0, at) + replacement + code.slice(at + 1))
      })
    )
  })
})

describe('the category table', () => {
  it('explains every category in one line', () => {
    for (const c of MESSAGE_CATEGORIES) expect(CATEGORY_RULES[c].explanation).toMatch(/^[^\n]{4,40}$/)
  })

  it('a question with nothing else is fine; a complaint lists both things it lacks', () => {
    expect(messageRuleProblems({ category: 'question' })).toEqual([])
    expect(messageRuleProblems({ category: 'complaint' }).map((p) => p.field)).toEqual(['contactPhone', 'businessName'])
  })

  it('only the tip-off may be anonymous', () => {
    for (const c of MESSAGE_CATEGORIES) {
      const refused = messageRuleProblems({ category: c, anonymous: true, ...(c === 'complaint' ? { business: { name: '店' } } : {}), ...(c === 'praise' ? { praised: '人' } : {}) })
      expect(refused.some((p) => p.field === 'anonymous')).toBe(c !== 'tipoff')
    }
  })
})
