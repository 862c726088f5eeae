import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { INVITABLE_ROLES, ROLE_LABELS, type InvitableRole } from '../../../domain/roles'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { useSessionUser } from '@/components/use-session-user'
import { formatTime } from '@/components/format'
import { adminApi, type AdminPersonView, type DepartmentView, type InvitationView } from '../services/admin-api'
import { Chips, FieldError, ListState, SectionCard, errorText, useSave } from './parts'

const ROLE_OPTIONS = INVITABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))
const NO_DEPT = 'none'

/** The QR arrives as SVG text; an <Image> shows it as a data URL (the CSP allows data: images). */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

function InviteCard({ departments }: { departments: DepartmentView[] }) {
  const [role, setRole] = useState<InvitableRole | null>(null)
  const [dept, setDept] = useState<string>(NO_DEPT)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [invitation, setInvitation] = useState<InvitationView | null>(null)
  const create = async () => {
    if (!role) return setError('请选择邀请的角色')
    setError(null)
    setBusy(true)
    try {
      setInvitation(await adminApi.invite({ role, ...(dept !== NO_DEPT ? { departmentId: dept } : {}) }))
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <SectionCard title='邀请新同事' hint='邀请码一次有效、7 天内使用。对方登录后在“兑换邀请码”处输入，或扫描二维码读出邀请码。' className='admin-invite'>
      <Text className='admin-label'>角色</Text>
      <Chips label='邀请的角色' options={ROLE_OPTIONS} selected={role ? [role] : []} onToggle={(r) => setRole(r)} />
      <Text className='admin-label'>部门（可不选）</Text>
      <Chips label='邀请的部门' options={[{ value: NO_DEPT, label: '不指定' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]} selected={[dept]} onToggle={setDept} />
      <FieldError text={error} />
      <Button type='primary' loading={busy} onClick={create}>
        生成邀请码
      </Button>
      {invitation ? (
        <View className='admin-invite__result'>
          <Image className='admin-invite__qr' src={svgDataUrl(invitation.qrSvg)} aria-label={`邀请码 ${invitation.code} 的二维码`} />
          <View className='admin-invite__text'>
            <Text className='admin-invite__code'>{invitation.code}</Text>
            <Text className='zb-hint'>
              {ROLE_LABELS[invitation.role]} · 有效期至 {formatTime(invitation.expiresAt)}
            </Text>
          </View>
        </View>
      ) : null}
    </SectionCard>
  )
}

function PersonRow({ person, departments, me, onSaved }: { person: AdminPersonView; departments: DepartmentView[]; me: string | undefined; onSaved: (p: AdminPersonView) => void }) {
  const [open, setOpen] = useState(false)
  const current = person.roles.filter((r): r is InvitableRole => (INVITABLE_ROLES as readonly string[]).includes(r))
  const [roles, setRoles] = useState<InvitableRole[]>(current)
  const [dept, setDept] = useState<string>(person.department?.id ?? NO_DEPT)
  const { busy, error, setError, run } = useSave()
  const save = (body: Parameters<typeof adminApi.updatePerson>[1]) => run(async () => onSaved(await adminApi.updatePerson(person.id, body)))
  const saveEdit = async () => {
    if (!roles.length) return setError('请至少保留一个角色')
    if (await save({ roles, departmentId: dept === NO_DEPT ? null : dept })) setOpen(false)
  }
  const toggleDisabled = async () => {
    if (!person.disabled) {
      const answer = await Taro.showModal({ title: `停用 ${person.name}`, content: '停用后此人在所有设备上立即退出，不能再登录，也不能再被分派。确定停用吗？' })
      if (!answer.confirm) return
    }
    await save({ disabled: !person.disabled })
  }

  return (
    <View className={`admin-row admin-person ${person.disabled ? 'admin-person--disabled' : ''}`}>
      <View className='admin-row__main'>
        <Text className='admin-person__name'>{person.name}</Text>
        {person.id === me ? <Text className='zb-hint'>（我）</Text> : null}
        <Text className='admin-person__meta'>
          {current.map((r) => ROLE_LABELS[r]).join('、') || '无工作角色'} · {person.department?.name ?? '未分部门'}
        </Text>
        {person.disabled ? <Text className='admin-tag-off'>已停用</Text> : null}
      </View>
      <View className='admin-row__actions'>
        <Button size='small' onClick={() => setOpen(!open)}>
          {open ? '收起' : '修改'}
        </Button>
        {person.id !== me ? (
          <Button size='small' type={person.disabled ? 'default' : 'danger'} loading={busy && !open} onClick={toggleDisabled}>
            {person.disabled ? '启用' : '停用'}
          </Button>
        ) : null}
      </View>
      {open ? (
        <View className='admin-row__edit'>
          <Text className='admin-label'>角色</Text>
          <Chips label={`${person.name}的角色`} options={ROLE_OPTIONS} selected={roles} onToggle={(r) => setRoles(roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r])} />
          <Text className='admin-label'>部门</Text>
          <Chips label={`${person.name}的部门`} options={[{ value: NO_DEPT, label: '不指定' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]} selected={[dept]} onToggle={setDept} />
          <Button type='primary' size='small' loading={busy} onClick={saveEdit}>
            保存修改
          </Button>
        </View>
      ) : null}
      <FieldError text={error} />
    </View>
  )
}

export function PeopleSection() {
  const me = useSessionUser()
  const fetch = useCallback(async () => {
    const [people, departments] = await Promise.all([adminApi.people(), adminApi.departments()])
    return { people, departments }
  }, [])
  const list = useLoaded<{ people: AdminPersonView[]; departments: DepartmentView[] }>(fetch, { people: [], departments: [] })
  const saved = (p: AdminPersonView) => list.setData({ ...list.data, people: list.data.people.map((x) => (x.id === p.id ? p : x)) })
  return (
    <>
      <InviteCard departments={list.data.departments} />
      <SectionCard title='人员' hint='角色和部门的修改立即生效；停用的人员立即退出登录。本局至少保留一位管理员。'>
        <ListState {...list} empty={list.data.people.length === 0} emptyText='还没有工作人员：先用邀请码邀请同事' />
        {list.data.people.map((p) => (
          <PersonRow key={`${p.id}:${p.roles.join()}:${p.department?.id}:${p.disabled}`} person={p} departments={list.data.departments} me={me?.id} onSaved={saved} />
        ))}
      </SectionCard>
    </>
  )
}
