import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Input } from '@tarojs/components'
import { INVITABLE_ROLES, ROLE_LABELS, type InvitableRole } from '../../../domain/roles'
import { LIMITS } from '../../../domain/limits'
import { NO_DEPARTMENT } from '../../../domain/people-filter'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { useSessionUser } from '@/components/use-session-user'
import { formatTime } from '@/components/format'
import { adminApi, type AdminPersonView, type DepartmentView, type InvitationView } from '../services/admin-api'
import { Chips, FieldError, ListState, LoadMore, SectionCard, errorText, useSave } from './parts'
import { usePaged } from './use-paged'

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

const ALL = 'all'
const ROLE_FILTERS: { value: InvitableRole | typeof ALL; label: string }[] = [{ value: ALL, label: '全部角色' }, ...ROLE_OPTIONS]

interface Filter {
  q: string
  role: InvitableRole | typeof ALL
  department: string
}
const NO_FILTER: Filter = { q: '', role: ALL, department: ALL }

/**
 * Everyone the admin manages, a page at a time (a county bureau has a few hundred: the officers
 * of every 所): found by a fragment of the name or desk login, narrowed by role and department.
 * Every change of filter starts again from the first page.
 */
function PeopleList({ departments, me }: { departments: DepartmentView[]; me: string | undefined }) {
  const [typed, setTyped] = useState('')
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await adminApi.people({
        q: filter.q || undefined,
        role: filter.role === ALL ? undefined : filter.role,
        departmentId: filter.department === ALL ? undefined : filter.department,
        cursor
      })
      return { items: page.people, nextCursor: page.nextCursor }
    },
    [filter]
  )
  const list = usePaged(fetchPage)
  const filtered = filter.q !== '' || filter.role !== ALL || filter.department !== ALL
  const search = () => setFilter({ ...filter, q: typed.trim() })
  const departmentFilters = [{ value: ALL, label: '全部部门' }, { value: NO_DEPARTMENT, label: '未分部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]

  return (
    <SectionCard title='人员' hint='角色和部门的修改立即生效；停用的人员立即退出登录。本局至少保留一位管理员。' className='admin-people'>
      <View className='admin-form admin-search'>
        <Input
          className='zb-field admin-form__grow'
          value={typed}
          placeholder='搜索姓名或登录名'
          confirmType='search'
          maxlength={LIMITS.adminPeopleQuery}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
          aria-label='搜索人员'
        />
        <Button type='primary' onClick={search}>
          搜索
        </Button>
        {filtered ? (
          <Button
            onClick={() => {
              setTyped('')
              setFilter(NO_FILTER)
            }}
          >
            清除筛选
          </Button>
        ) : null}
      </View>
      <Chips label='按角色筛选' options={ROLE_FILTERS} selected={[filter.role]} onToggle={(role) => setFilter({ ...filter, role })} />
      <Chips label='按部门筛选' options={departmentFilters} selected={[filter.department]} onToggle={(department) => setFilter({ ...filter, department })} />
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={filtered ? '没有符合条件的人员' : '还没有工作人员：先用邀请码邀请同事'}
        retryable={list.retryable}
        reload={() => void list.reload()}
      />
      {list.error
        ? null
        : list.items.map((p) => (
            <PersonRow
              key={`${p.id}:${p.roles.join()}:${p.department?.id}:${p.disabled}`}
              person={p}
              departments={departments}
              me={me}
              onSaved={(saved) => list.replace(saved, (a, b) => a.id === b.id)}
            />
          ))}
      {list.items.length > 0 && !list.error ? <LoadMore list={list} count={`已显示 ${list.items.length} 人`} /> : null}
    </SectionCard>
  )
}

export function PeopleSection() {
  const me = useSessionUser()
  const fetchDepartments = useCallback(() => adminApi.departments(), [])
  const departments = useLoaded<DepartmentView[]>(fetchDepartments, [])
  return (
    <>
      <InviteCard departments={departments.data} />
      {departments.error ? (
        <View className='admin-form'>
          <FieldError text={`部门列表未能加载：${departments.error}`} />
          {departments.retryable ? (
            <Button size='small' onClick={() => void departments.reload()}>
              重试
            </Button>
          ) : null}
        </View>
      ) : null}
      <PeopleList departments={departments.data} me={me?.id} />
    </>
  )
}
