// One line of the ledger as a card: where and when it appeared, its points and who they went to,
// and its proof (the link, or the screenshot opened full-size on a tap).
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { BONUSES, BONUS_LABELS, CHANNEL_LABELS, DEDUCTION_LABELS, LEDGER_TYPE_LABELS, OUTLET_LEVEL_LABELS, PLACEMENT_LABELS } from '../../../domain/ledger/vocabulary'
import type { PublicationView } from '../services/publications-api'
import { absoluteUrl } from '@/services/api-base'
import { draftPage } from '@/services/routes'
import './publication-card.scss'

const points = (n: number) => `${n} 分`

export function PublicationCard({ p, linkToDraft = false }: { p: PublicationView; linkToDraft?: boolean }) {
  const authors = p.credits.filter((c) => c.kind === 'author')
  const departments = p.credits.filter((c) => c.kind === 'department')
  const credit = (cs: typeof p.credits) => cs.map((c) => `${c.name} ${points(c.points)}`).join('、')
  const bonuses = BONUSES.filter((b) => p[b]).map((b) => BONUS_LABELS[b])
  return (
    <View className='zb-card publication-card' data-publication={p.id}>
      <View className='zb-card__head'>
        {linkToDraft ? (
          <Text className='zb-card__heading publication-card__title publication-card__link' onClick={() => void Taro.navigateTo({ url: draftPage(p.draftId) })}>
            {p.title}
          </Text>
        ) : (
          <Text className='zb-card__heading publication-card__title'>{p.title}</Text>
        )}
        <Text className='publication-card__points'>{points(p.points)}</Text>
      </View>
      <Text className='publication-card__where'>
        {p.outlet.name}（{OUTLET_LEVEL_LABELS[p.outlet.level]}）· {CHANNEL_LABELS[p.channel]} · {PLACEMENT_LABELS[p.placement]}
      </Text>
      <Text className='zb-hint'>
        {LEDGER_TYPE_LABELS[p.type]} · {p.publishedOn} 发表 · 按 {p.ruleYear} 年计分规则
        {bonuses.length ? ` · ${bonuses.join('、')}` : ''}
        {p.deductions.length ? ` · 扣分：${p.deductions.map((d) => DEDUCTION_LABELS[d]).join('、')}` : ''}
      </Text>
      {authors.length ? <Text className='zb-hint publication-card__credits'>作者：{credit(authors)}</Text> : null}
      {departments.length ? <Text className='zb-hint publication-card__credits'>部门：{credit(departments)}</Text> : null}
      <View className='publication-card__proof'>
        {p.link ? (
          <Text className='publication-card__url' selectable>
            {p.link}
          </Text>
        ) : null}
        {p.proof ? (
          <Image
            className='publication-card__thumb'
            src={absoluteUrl(p.proof.thumbUrl)}
            mode='aspectFill'
            aria-label='发表截图，点击查看大图'
            onClick={() => void Taro.previewImage({ urls: [absoluteUrl(p.proof!.url)] })}
          />
        ) : null}
      </View>
    </View>
  )
}
PublicationCard.displayName = 'PublicationCard'
