import {
  customSpan,
  detectPersonalData,
  isValidIdCard,
  luhnValid,
  maskedSegments,
  maskText,
  type PrivacyKind
} from '../../domain/privacy'

// [text, what the public sees, the kinds found in order]. Numbers below are made up but valid
// where they must be: the ID numbers carry a correct GB 11643 check digit, the cards pass Luhn.
const FOUND: Array<[string, string, PrivacyKind[]]> = [
  // names by context
  ['姓名：张三，电话138 1234 5678', '姓名：张某，电话138****5678', ['name', 'mobile']],
  ['我叫李四，住在文三路128号3幢2单元501室', '我叫李某，住在文三路**号**幢**单元**室', ['name', 'address']],
  ['联系人王五电话0571-88123456', '联系人王某电话0571-******56', ['name', 'landline']],
  ['我叫欧阳娜娜，想咨询退费', '我叫欧阳某某，想咨询退费', ['name']],
  ['本人刘德华，于本月5日购买', '本人刘某某，于本月5日购买', ['name']],
  ['投诉人：赵六', '投诉人：赵某', ['name']],
  ['被投诉人周七，经营一家面馆', '被投诉人周某，经营一家面馆', ['name']],
  ['居民王小明女士来电', '居民王某某女士来电', ['name']],
  ['姓名 司马光', '姓名 司马某', ['name']],
  // mobiles
  ['电话13812345678', '电话138****5678', ['mobile']],
  ['手机：139-1234-5678。', '手机：139****5678。', ['mobile']],
  ['+86 13912345678', '139****5678', ['mobile']],
  ['打８６１５８１２３４５６７８找我', '打158****5678找我', ['mobile']],
  // landlines
  ['联系电话：(0571)8812 3456', '联系电话：(0571)******56', ['landline']],
  ['座机010-62345678', '座机010-******78', ['landline']],
  ['电话：88123456', '电话：******56', ['landline']],
  // ID cards
  ['身份证号330106199003071236', '身份证号3****************6', ['idCard']],
  ['身份证 330106 19900307 1236 丢了', '身份证 3****************6 丢了', ['idCard']],
  ['证件号码11010519851123006x', '证件号码1****************x', ['idCard']],
  // bank cards
  ['银行卡号：4367421234567896', '银行卡号：************7896', ['bankCard']],
  ['卡号 6222 0212 3456 7890 128', '卡号 ***************0128', ['bankCard']],
  ['退到6217001234567893这张卡', '退到************7893这张卡', ['bankCard']],
  // plates
  ['车牌浙A12345', '车牌浙A****5', ['plate']],
  ['新能源车浙A·D12345', '新能源车浙A*****5', ['plate']],
  ['京AF0236违停', '京A****6违停', ['plate']],
  ['冀A1234学', '冀A****学', ['plate']],
  ['粤B12345挂车', '粤B****5挂车', ['plate']],
  // addresses down to the door
  ['阳光小区3栋502', '阳光小区**栋**', ['address']],
  ['幸福家园5-2-301', '幸福家园**-**-**', ['address']],
  ['建设路12号院3号楼2单元', '建设路**号院**号楼**单元', ['address']],
  ['城关镇红星村3组15号', '城关镇红星村**组**号', ['address']],
  ['住３号楼５０１室', '住**号楼**室', ['address']]
]

// Look like personal data and are not: nothing may be masked.
const NOT_FOUND: string[] = [
  '订单号13812345678',
  '订单号：202612051381234567',
  '运单号SF1402345678901',
  '快递单号 YT7788990011223',
  '中通75312345678901',
  '统一社会信用代码91330106MA27XYZ12B',
  '统一社会信用代码913301066793812345',
  '营业执照注册号330106000123456',
  '身份证号330106199003071234', // 18 digits, wrong check digit
  '编号440304200102295613', // right check digit, but 2001-02-29 never was
  '123456789012345678',
  '卡号6222021234567890125', // fails Luhn
  '订单号6217001234567893', // passes Luhn, but an order number
  '金额13800000000元',
  '价格1399元，共2台，合计2798.00元',
  '日期20231205，时间2026-12-05 14:30',
  '２０２６年１２月５日',
  '2026年12月12号下午',
  '投诉热线12315，客服400-820-8820，95588',
  '张先生反映',
  '向张先生和李女士致谢',
  '消费者王女士',
  '网友李女士反映',
  '经营者陈某',
  '店主老李说',
  '我是本地居民',
  '我是李村的村民',
  '我叫王者荣耀',
  '西湖区文一路1号的超市',
  '商场5楼',
  '两室一厅，三层楼',
  '第3组',
  '苏AHELLO',
  '发票号码04400123456789'
]

describe('personal-data detectors', () => {
  it.each(FOUND)('masks %s', (text, masked, kinds) => {
    const spans = detectPersonalData(text)
    expect(spans.map((s) => s.kind)).toEqual(kinds)
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text)
    expect(maskText(text, spans)).toBe(masked)
  })

  it.each(NOT_FOUND)('leaves %s alone', (text) => {
    expect(detectPersonalData(text)).toEqual([])
  })

  it('never lets a phone number through in a longer message', () => {
    const text = '我叫张三，手机13812345678，家住幸福家园5-2-301，车牌浙A12345，订单号202612051381234567，请尽快处理。'
    const masked = maskText(text, detectPersonalData(text))
    expect(masked).not.toContain('13812345678')
    expect(masked).not.toContain('张三')
    expect(masked).not.toContain('浙A12345')
    expect(masked).toContain('订单号202612051381234567')
  })

  it('checks ID numbers by GB 11643 and cards by Luhn', () => {
    expect(isValidIdCard('330106199003071236')).toBe(true)
    expect(isValidIdCard('11010519851123006X')).toBe(true)
    expect(isValidIdCard('330106199003071234')).toBe(false)
    expect(isValidIdCard('990106199003071236')).toBe(false)
    expect(luhnValid('4367421234567896')).toBe(true)
    expect(luhnValid('4367421234567897')).toBe(false)
  })

  it('staff spans: a hand-marked span masks; a span that no longer matches the text or overlaps is ignored', () => {
    const text = '烧烤店老板老刘很凶'
    const mine = customSpan(text, 5, 7)
    expect(maskText(text, [mine])).toBe('烧烤店老板**很凶')
    expect(maskText('烧烤店老板老王很凶', [mine])).toBe('烧烤店老板老王很凶')
    expect(maskText(text, [mine, customSpan(text, 6, 8)])).toBe('烧烤店老板**很凶')
    expect(maskedSegments(text, [mine]).map((s) => [s.text, s.span?.kind])).toEqual([
      ['烧烤店老板', undefined],
      ['**', 'custom'],
      ['很凶', undefined]
    ])
  })
})
