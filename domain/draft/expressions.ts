/**
 * Banned or error-prone expressions for government media, shipped as the default list; a bureau
 * adds its own (editorial_expression, admin). Agency names follow the 2018 institutional reform
 * (国务院机构改革方案): the old names are wrong in a piece written today.
 */
export interface EditorialExpressionRule {
  phrase: string
  suggestion: string | null
  note: string | null
}

export const DEFAULT_EXPRESSIONS: readonly EditorialExpressionRule[] = [
  { phrase: '工商局', suggestion: '市场监管局', note: '2018 年机构改革后，工商、质监、食药监职责并入市场监督管理局' },
  { phrase: '工商行政管理局', suggestion: '市场监督管理局', note: '2018 年机构改革后已不存在' },
  { phrase: '工商所', suggestion: '市场监管所', note: '基层工商所已改为市场监管所' },
  { phrase: '质监局', suggestion: '市场监管局', note: '质量技术监督职责已并入市场监督管理局' },
  { phrase: '食药监局', suggestion: '市场监管局', note: '食品药品监管职责已并入市场监督管理局（药品另有药监局）' },
  { phrase: '国土局', suggestion: '自然资源局', note: '2018 年机构改革后更名' },
  { phrase: '环保局', suggestion: '生态环境局', note: '2018 年机构改革后更名' },
  { phrase: '卫计委', suggestion: '卫生健康委', note: '2018 年机构改革后更名' },
  { phrase: '安监局', suggestion: '应急管理局', note: '2018 年机构改革后职责并入应急管理局' },
  { phrase: '一把手', suggestion: '主要负责同志', note: '公文和政务稿件中不用口语称谓' },
  { phrase: '局座', suggestion: '局长', note: '不规范称谓' },
  { phrase: '视察', suggestion: '调研 / 检查', note: '“视察”仅用于上级领导，按实际用“调研”“检查指导”' },
  { phrase: '截止目前', suggestion: '截至目前', note: '“截至”表示到某时为止' },
  { phrase: '截止到', suggestion: '截至', note: '“截至”表示到某时为止' },
  { phrase: '做为', suggestion: '作为', note: '常见错别字' },
  { phrase: '按排', suggestion: '安排', note: '常见错别字' },
  { phrase: '既使', suggestion: '即使', note: '常见错别字' },
  { phrase: '不径而走', suggestion: '不胫而走', note: '常见错别字' },
  { phrase: '再接再励', suggestion: '再接再厉', note: '常见错别字' },
  { phrase: '首当其冲', suggestion: null, note: '意为最先受到冲击，常被误用为“首先、带头”，请核对用法' }
]
