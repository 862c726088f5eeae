import type { PrivacySpan } from './types'

/*
 * People's names, found by what is said around them, never by guessing which two characters
 * look like a name:
 * - after a label that always precedes a name (姓名：, 名字叫) the next two to four Chinese
 *   characters are taken;
 * - after words that usually do (我叫, 我是, 本人, 联系人, 投诉人, 法定代表人, 店主…) only a name
 *   that starts with a common surname is taken;
 * - a full name before 先生/女士/同志 (张三先生) is taken, but a surname alone with an honorific
 *   (张先生, 李女士) is kept: it is how replies address people on public boards and identifies
 *   nobody.
 * The name is masked to its surname and 某 for each given-name character (王小明 → 王某某).
 */

// The most common surnames (they cover ~90% of people), without the few that are also everyday
// function words (和, 于, 向, 从, 时…) and would turn "和张女士" into a name.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤易常温康施文牛樊葛邢安齐伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
const COMPOUND = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木', '轩辕', '申屠', '西门', '独孤', '南宫']
const AMBIGUOUS = new Set([...'和于时向从成文明全商师车'])
const SURNAME_SET = new Set([...SURNAMES].filter((c) => !AMBIGUOUS.has(c)))

// A character that ends a name: the start of the next word more often than a given-name character.
const STOP = new Set([
  ...'的了是在和与及跟同向对把被给让说称讲问要想会能已也都就还又再才很太电手先女同老师傅经理总局科所队长主任等反投举诉住家门店到来去打买卖做用看找叫姓名号楼栋室路街村镇区县市省年月日天点分元个位次某者民员人户方客友商'
])

const HAN = /\p{Script=Han}/u
const STRONG = /(?:姓名|名字叫|名叫|真名|签名)[为是：:\s]{0,2}$/u
const WEAK = /(?:我叫|我是|本人|联系人|投诉人|举报人|申请人|当事人|被投诉人|负责人|法定代表人|法人代表|经营者|经营户|店主|老板|户主|业主|收件人|收货人|签收人|家属|患者|消费者|驾驶员|司机|工作人员|经办人)[为是：:\s]{0,2}$/u
const HONORIFIC = /^(?:先生|女士|同志|小姐)/u

function surnameAt(text: string, i: number, strong: boolean): number {
  const two = text.slice(i, i + 2)
  if (COMPOUND.includes(two)) return 2
  const c = text[i]
  if (c === undefined || !HAN.test(c)) return 0
  return strong || SURNAME_SET.has(c) ? 1 : 0
}

/** The name starting at i, or 0: a surname then one or two given-name characters. */
function nameAt(text: string, i: number, strong: boolean): { length: number; surname: number } | null {
  const surname = surnameAt(text, i, strong)
  if (!surname) return null
  let given = 0
  while (given < 2) {
    const c = text[i + surname + given]
    if (c === undefined || !HAN.test(c) || STOP.has(c)) break
    given++
  }
  // After a weak label a name must end there: "我是本地居民" is not a person called 本地居.
  if (!given) return null
  return { length: surname + given, surname }
}

function span(text: string, start: number, found: { length: number; surname: number }): PrivacySpan {
  const name = text.slice(start, start + found.length)
  return { start, end: start + found.length, kind: 'name', text: name, replacement: name.slice(0, found.surname) + '某'.repeat(found.length - found.surname) }
}

export function findNames(text: string): PrivacySpan[] {
  const out: PrivacySpan[] = []
  for (let i = 0; i < text.length; i++) {
    if (!HAN.test(text[i]!)) continue
    const before = text.slice(Math.max(0, i - 8), i)
    const strong = STRONG.test(before)
    if (strong || WEAK.test(before)) {
      const found = nameAt(text, i, strong)
      if (found) {
        // After a weak label the name must be followed by something that ends a name, not more text
        // ("我是本地居民": 本地 then 居 — a word goes on).
        const next = text[i + found.length]
        if (strong || next === undefined || !HAN.test(next) || STOP.has(next) || HONORIFIC.test(text.slice(i + found.length))) {
          out.push(span(text, i, found))
          i += found.length - 1
          continue
        }
      }
    }
    // 张三先生: a surname, one or two characters, an honorific; 张先生 alone is kept.
    const surname = surnameAt(text, i, false)
    if (surname) {
      for (const given of [2, 1]) {
        const g = text.slice(i + surname, i + surname + given)
        if (g.length === given && [...g].every((c) => HAN.test(c) && !STOP.has(c)) && HONORIFIC.test(text.slice(i + surname + given))) {
          out.push(span(text, i, { length: surname + given, surname }))
          i += surname + given - 1
          break
        }
      }
    }
  }
  return out
}
