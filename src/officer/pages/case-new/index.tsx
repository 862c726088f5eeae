// 报送事例: a new case goes into the officer's outbox (sent when the network allows);
// with ?edit=<id>, a returned case is edited and resubmitted directly.
import { useCallback, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { officerMayEdit, type DeviceEvidence, type MyCaseView } from '@/domain'
import { PageShell } from '@/components/page-shell'
import { Button } from '@/components/ui'
import { useSessionUser } from '@/components/use-session-user'
import { LoadError, useLoaded } from '@/components/use-loaded'
import { showError, uploadMedia } from '@/services/api'
import { officerApi } from '@/services/officer-api'
import { caseDraftStore } from '@/services/case-draft'
import { photoExists } from '@/services/photo'
import { MY_CASES_PAGE } from '@/services/officer-routes'
import { CaseForm } from '../../components/case-form'
import { OutboxList } from '../../components/outbox-list'
import { useOutbox } from '../../components/use-outbox'
import { emptyCaseValues, toCaseDraft, toResubmitBody, type CaseFormValues } from '../../components/case-values'
import './index.scss'

/** Photos of a saved draft are local paths the system may have cleaned up since: keep the readable ones. */
function restoreDraft(saved: CaseFormValues | null): CaseFormValues {
  if (!saved) return emptyCaseValues()
  const photos = saved.photos.filter((p) => !p.path || photoExists(p.path))
  if (photos.length < saved.photos.length) {
    Taro.showToast({ title: '草稿中有照片已失效，请重新添加', icon: 'none' })
  }
  return { ...saved, photos: photos.map((p) => ({ ...p, uploading: false, progress: 0, error: undefined })) }
}

function NewCase({ userId, departmentName }: { userId: string; departmentName: string | null }) {
  const drafts = useMemo(() => caseDraftStore<CaseFormValues>(userId), [userId])
  const [initial, setInitial] = useState(() => restoreDraft(drafts.load()))
  const [formKey, setFormKey] = useState(0)
  const { outbox, entries } = useOutbox()

  const submit = async (values: CaseFormValues) => {
    if (!outbox) return
    try {
      await outbox.enqueue(
        toCaseDraft(values),
        values.photos.flatMap((p) => (p.path ? [{ path: p.path, device: p.device }] : []))
      )
    } catch {
      Taro.showToast({ title: '保存失败，请检查手机存储空间后重试', icon: 'none' })
      return
    }
    drafts.clear()
    setInitial(emptyCaseValues())
    setFormKey((k) => k + 1)
    Taro.showToast({ title: '已保存，联网后自动发送', icon: 'none' })
    // The outbox entry, with its progress, is at the top of the page.
    Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  return (
    <>
      <OutboxList outbox={outbox} entries={entries} />
      <CaseForm key={formKey} mode='new' initial={initial} departmentName={departmentName} onChange={drafts.save} onSubmit={submit} />
      {entries.length ? (
        <Button className='case-new__to-mine' fill='none' block onClick={() => void Taro.navigateTo({ url: MY_CASES_PAGE })}>
          查看我的事例
        </Button>
      ) : null}
    </>
  )
}

function fromCase(c: MyCaseView): CaseFormValues {
  return {
    title: c.title,
    body: c.body,
    occurredAt: c.occurredAt,
    address: c.place?.address ?? '',
    ...(c.place?.lat !== undefined && c.place?.lng !== undefined ? { lat: c.place.lat, lng: c.place.lng } : {}),
    photos: c.photos.map((p) => ({ key: p.id, mediaId: p.id, thumbUrl: p.thumbUrl, progress: 1 }))
  }
}

function EditCase({ id, departmentName }: { id: string; departmentName: string | null }) {
  const fetchCase = useCallback(async () => {
    const c = (await officerApi.myCases()).items.find((item) => item.id === id)
    if (!c) throw new LoadError('找不到这条事例')
    if (!officerMayEdit(c.status)) throw new LoadError('这条事例现在不需要修改')
    return c
  }, [id])
  const { data: found, error, reload } = useLoaded<MyCaseView | null>(fetchCase, null)

  const upload = async (path: string, onProgress: (f: number) => void, device?: DeviceEvidence) => {
    const media = await uploadMedia(path, onProgress, device)
    return { id: media.id, thumbUrl: media.thumbUrl }
  }
  const submit = async (values: CaseFormValues) => {
    if (!found) return
    try {
      await officerApi.resubmitCase(found.id, toResubmitBody(values, found.topics))
      Taro.showToast({ title: '已重新提交', icon: 'success' })
      // Back to 我的事例, which reloads when shown; opened some other way, go there.
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: MY_CASES_PAGE }))
    } catch (e) {
      showError(e)
    }
  }

  if (error) {
    return (
      <View className='zb-card'>
        <Text className='zb-error'>{error}</Text>
        <Button block onClick={() => void reload()}>
          重试
        </Button>
      </View>
    )
  }
  if (!found) return <View className='zb-hint'>加载中…</View>
  return (
    <>
      {found.staffComment ? (
        <View className='zb-card case-new__comment'>
          <Text className='zb-label'>宣传人员反馈</Text>
          <Text className='case-new__comment-body'>{found.staffComment}</Text>
        </View>
      ) : null}
      <CaseForm mode='edit' initial={fromCase(found)} departmentName={departmentName} upload={upload} onSubmit={submit} />
    </>
  )
}

export default function CaseNew() {
  const user = useSessionUser()
  // Optional chaining: a page mounted outside Taro's router (component tests) has no router.
  const editId = useRouter()?.params?.edit
  const isOfficer = Boolean(user?.roles.includes('officer'))
  return (
    <PageShell className='case-new'>
      {!user ? <View className='zb-hint'>正在登录…</View> : null}
      {user && !isOfficer ? (
        <View className='zb-card'>
          <Text className='zb-hint'>报送典型事例需要基层干部身份，请在首页兑换邀请码。</Text>
        </View>
      ) : null}
      {user && isOfficer && editId ? <EditCase id={editId} departmentName={user.departmentName ?? null} /> : null}
      {user && isOfficer && !editId ? <NewCase userId={user.id} departmentName={user.departmentName ?? null} /> : null}
    </PageShell>
  )
}
