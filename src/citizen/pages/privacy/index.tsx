import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { PRIVACY_SECTIONS } from './notice'
import './index.scss'

/** 隐私说明: reachable from the home page and the message form. */
export default function PrivacyNotice() {
  return (
    <PageShell className='privacy'>
      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className='zb-card privacy__section'>
          <Text className='zb-title'>{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className='zb-card__text privacy__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </PageShell>
  )
}
