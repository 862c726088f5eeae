import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { INBOX_PAGE } from '@/services/routes'
import { DeskShell } from '@/staff/components/desk-shell'
import { ADMIN_SECTIONS, isSectionId, type SectionId } from '../../sections'
import '../../admin.scss'

/**
 * The admin area: one page, its sections in the desk shell's sidebar (chips on a phone), so an
 * admin moves between them without losing the desk's frame. `?section=` opens one directly.
 */
export default function AdminHome() {
  const user = useSessionUser()
  const router = useRouter()
  const wanted = router.params.section
  const [section, setSection] = useState<SectionId>(wanted && isSectionId(wanted) ? wanted : 'people')
  const current = ADMIN_SECTIONS.find((s) => s.id === section)!
  const views = ADMIN_SECTIONS.map((s) => ({ id: s.id, label: s.label, count: null }))

  if (user && !user.roles.includes('admin')) {
    return (
      <PageShell className='admin'>
        <EmptyState kind='error' title='只有管理员可以进入管理' description='如需管理权限，请向本局管理员索取管理员邀请码。' />
      </PageShell>
    )
  }
  const Section = current.component
  return (
    <PageShell className='admin'>
      <DeskShell views={views} activeViewId={section} onView={(id) => isSectionId(id) && setSection(id)}>
        <View className='admin__main'>
        <View className='admin__head'>
          <Text className='admin__title'>管理 · {current.label}</Text>
          <Button size='small' onClick={() => void Taro.redirectTo({ url: INBOX_PAGE })}>
            返回工作台
          </Button>
        </View>
        <Section />
        </View>
      </DeskShell>
    </PageShell>
  )
}
