import fc from 'fast-check'
import { draftSkeleton, figuresIn, markupFromRuns, runsFromMarkup, scanDraft, DEFAULT_EXPRESSIONS } from '../../domain/draft'

describe('editor markup', () => {
  it('reads **bold** and *italic* into runs and writes them back', () => {
    expect(runsFromMarkup('导语：**今日**检查*城关*')).toEqual([{ text: '导语：' }, { text: '今日', marks: ['bold'] }, { text: '检查' }, { text: '城关', marks: ['italic'] }])
    expect(runsFromMarkup('<b>x</b>')).toEqual([{ text: '<b>x</b>' }])
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '字', ' ', '<', '>') }), (s) => expect(markupFromRuns(runsFromMarkup(s))).toBe(s)))
  })
})

const kase = {
  title: '城关市场开展节前食品安全检查',
  body: '对 32 户经营户开展检查，发现 2 户未索证索票。',
  occurredAt: new Date('2026-11-25T02:00:00Z'),
  place: null,
  reporterName: '李干部',
  departmentName: null,
  photos: [{ mediaId: 'm1', takenAt: null, gps: null }]
}

describe('skeleton', () => {
  it('uses only the case facts and asks for what the case does not say', () => {
    const { content } = draftSkeleton('news', [kase])
    const text = JSON.stringify(content)
    expect(text).toContain('2026年11月25日')
    expect(text).toContain('【请补充：地点】')
    expect(text).toContain('【请补充：单位】')
    expect(text).toContain('【请补充：拍摄时间】')
    // No figure in the skeleton that the case does not state.
    const flags = scanDraft({ content, title: '', sourceTexts: [`${kase.title}\n${kase.body}`], expressions: DEFAULT_EXPRESSIONS })
    expect(flags.filter((f) => f.kind === 'figure')).toEqual([])
  })
})

describe('scan', () => {
  it('flags outdated agency names and figures that differ from the case', () => {
    const content = { blocks: [{ id: 'p1', type: 'paragraph' as const, runs: [{ text: '县工商局检查 1,200 户，罚款 3 万元，32 户合格。' }] }] }
    const flags = scanDraft({ content, title: '', sourceTexts: ['检查 32 户'], expressions: DEFAULT_EXPRESSIONS })
    expect(flags.map((f) => `${f.kind}:${f.excerpt}`)).toEqual(['expression:工商局', 'figure:1,200 户', 'figure:3 万元'])
    expect(figuresIn('增长 5％，共 12 人次')).toEqual([
      { raw: '5％', key: '5%' },
      { raw: '12 人次', key: '12人次' }
    ])
  })
})

describe('scan with the privacy detectors', () => {
  it('flags an ID-card number with a valid check digit and a mobile number as personal data', async () => {
    const { detectPersonalData, PRIVACY_KIND_LABELS } = await import('../../domain/privacy')
    const personalData = (text: string) => detectPersonalData(text).map((s) => ({ excerpt: s.text, message: PRIVACY_KIND_LABELS[s.kind] }))
    const content = { blocks: [{ id: 'p1', type: 'paragraph' as const, runs: [{ text: '当事人身份证号 11010519491231002X，电话 13812345678。' }] }] }
    const flags = scanDraft({ content, title: '', sourceTexts: [], expressions: [], personalData }).filter((f) => f.kind === 'personal_data')
    expect(flags.map((f) => f.message)).toEqual(expect.arrayContaining(['身份证号', '手机号']))
  })
})
