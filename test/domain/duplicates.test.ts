import { bigramSimilarity, placeTerms, scoreDuplicate, textBigrams, type DuplicateSide } from '../../domain/duplicates'

const side = (over: Partial<DuplicateSide>): DuplicateSide => ({
  id: 'a',
  authorId: 'u1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
  text: '',
  phone: null,
  address: null,
  ...over
})

describe('duplicates scoring', () => {
  it('bigrams are distinct lower-cased pairs of letters or digits, as the database pairs them, without punctuation pairs', () => {
    expect(textBigrams('井盖，井盖AB')).toEqual(['井盖', '盖a', 'ab'])
    expect(textBigrams('一')).toEqual([])
    expect(bigramSimilarity(['井盖', '盖缺'], ['井盖', '盖缺'])).toBe(1)
    expect(bigramSimilarity(['井盖'], [])).toBe(0)
  })

  it('finds places named in text and drops filler and bare suffixes', () => {
    expect(placeTerms('东关夜市最里头那几个烧烤摊')).toEqual(['东关夜市'])
    expect(placeTerms('一家超市卖过期面包')).toEqual([])
    expect(placeTerms(null)).toEqual([])
  })

  it('a retelling is similar text at the same place; closeness in time alone is never listed', () => {
    const a = side({ text: '东关夜市最里头那几个烧烤摊，没有营业执照，晚上摆到凌晨两点，占了半条路，油烟直往居民楼里灌。' })
    const b = side({ id: 'b', authorId: 'u2', text: '东关夜市那几个烧烤摊没有营业执照，天天晚上摆到凌晨，油烟熏得居民楼里没法开窗，还占道。' })
    expect(scoreDuplicate(a, b)).toEqual({ score: expect.any(Number), reasons: ['text', 'place', 'time'] })
    expect(scoreDuplicate(a, b)!.score).toBeGreaterThanOrEqual(0.8)
    expect(scoreDuplicate(a, side({ id: 'c', authorId: 'u3', text: '药店不给开发票' }))).toBeNull()
    expect(scoreDuplicate(a, { ...a })).toBeNull()
  })

  it('the same author or phone counts on its own, with its reason', () => {
    const a = side({ text: '超市卖过期面包', phone: '13800001111' })
    expect(scoreDuplicate(a, side({ id: 'b', text: '一直没人管', createdAt: new Date('2026-10-01T00:00:00Z') }))).toEqual({ score: 0.15, reasons: ['author'] })
    expect(scoreDuplicate(a, side({ id: 'c', authorId: 'u9', text: '药店不给开发票', phone: '13800001111' }))).toEqual({ score: 0.2, reasons: ['phone', 'time'] })
  })
})
