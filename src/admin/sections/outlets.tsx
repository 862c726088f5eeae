import { useCallback, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@/components/ui'
import { useLoaded } from '@/components/use-loaded'
import { OUTLET_LEVELS, OUTLET_LEVEL_LABELS, type OutletLevel } from '../../../domain/ledger/vocabulary'
import { ledgerAdminApi, type OutletView } from '../services/ledger-admin-api'
import { checkOutletName } from '../ledger-forms'
import { Chips, FieldError, ListState, SectionCard, useSave } from './parts'
import './ledger.scss'

const LEVEL_OPTIONS = OUTLET_LEVELS.map((l) => ({ value: l, label: OUTLET_LEVEL_LABELS[l] }))
// Grouped by level (中央 first, as the list of outlets is read), then by name; the deactivated last.
const byLevelAndName = (a: OutletView, b: OutletView) =>
  Number(b.active) - Number(a.active) || OUTLET_LEVELS.indexOf(a.level) - OUTLET_LEVELS.indexOf(b.level) || a.name.localeCompare(b.name, 'zh')

function OutletRow({ outlet, onSaved }: { outlet: OutletView; onSaved: (o: OutletView) => void }) {
  const [editing, setEditing] = useState<{ name: string; level: OutletLevel } | null>(null)
  const { busy, error, setError, run } = useSave()
  const save = (body: Parameters<typeof ledgerAdminApi.updateOutlet>[1]) => run(async () => onSaved(await ledgerAdminApi.updateOutlet(outlet.id, body)))
  const saveEdit = async () => {
    if (!editing) return
    const problem = checkOutletName(editing.name)
    if (problem) return setError(problem)
    const body = { ...(editing.name.trim() !== outlet.name ? { name: editing.name.trim() } : {}), ...(editing.level !== outlet.level ? { level: editing.level } : {}) }
    if (!Object.keys(body).length) return setEditing(null)
    if (await save(body)) setEditing(null)
  }
  return (
    <View className={`admin-row admin-outlet ${outlet.active ? '' : 'admin-outlet--off'}`}>
      <View className='admin-row__main'>
        <Text className={`admin-outlet__name ${outlet.active ? '' : 'admin-row__main--off'}`}>{outlet.name}</Text>
        <Text className='admin-outlet__level'>{outlet.levelLabel}</Text>
        {outlet.active ? null : <Text className='admin-tag-off'>已停用</Text>}
      </View>
      <View className='admin-row__actions'>
        <Button size='small' onClick={() => (editing ? setEditing(null) : setEditing({ name: outlet.name, level: outlet.level }))}>
          {editing ? '收起' : '修改'}
        </Button>
        <Button size='small' type={outlet.active ? 'danger' : 'default'} loading={busy && !editing} onClick={() => void save({ active: !outlet.active })}>
          {outlet.active ? '停用' : '启用'}
        </Button>
      </View>
      {editing ? (
        <View className='admin-row__edit'>
          <Input className='zb-field' value={editing.name} maxlength={60} onInput={(e) => setEditing({ ...editing, name: e.detail.value })} aria-label={`${outlet.name}的新名称`} />
          <Chips label={`${outlet.name}的级别`} options={LEVEL_OPTIONS} selected={[editing.level]} onToggle={(level) => setEditing({ ...editing, level })} />
          <Button type='primary' size='small' loading={busy} onClick={() => void saveEdit()}>
            保存修改
          </Button>
        </View>
      ) : null}
      <FieldError text={error} />
    </View>
  )
}

/** 媒体名录: the outlets a publication is recorded in, each with its level (the scoring rules' rows). */
export function OutletsSection() {
  const fetch = useCallback(async () => (await ledgerAdminApi.outlets()).sort(byLevelAndName), [])
  const list = useLoaded<OutletView[]>(fetch, [])
  const [name, setName] = useState('')
  const [level, setLevel] = useState<OutletLevel | null>(null)
  const { busy, error, setError, run } = useSave()

  const add = async () => {
    const problem = checkOutletName(name) ?? (level ? null : '请选择媒体级别')
    if (problem || !level) return setError(problem)
    const created = await run(async () => list.setData([...list.data, await ledgerAdminApi.createOutlet({ name: name.trim(), level })].sort(byLevelAndName)))
    if (created) {
      setName('')
      setLevel(null)
    }
  }
  const saved = (o: OutletView) => list.setData(list.data.map((x) => (x.id === o.id ? o : x)).sort(byLevelAndName))

  return (
    <SectionCard
      title='媒体名录'
      hint='登记发表时从这里选择媒体，按级别计分。修改名称或级别、停用媒体，都不改变已登记发表的级别和分值；停用的媒体不再可选，可随时重新启用。'
    >
      <View className='admin-form'>
        <Input className='zb-field admin-form__grow' placeholder='媒体名称，如 中国市场监管报' value={name} maxlength={60} onInput={(e) => setName(e.detail.value)} aria-label='媒体名称' />
      </View>
      <Text className='admin-label'>级别</Text>
      <Chips label='新媒体的级别' options={LEVEL_OPTIONS} selected={level ? [level] : []} onToggle={setLevel} />
      <FieldError text={error} />
      <View className='admin-form'>
        <Button type='primary' loading={busy} onClick={() => void add()}>
          添加媒体
        </Button>
      </View>
      <ListState {...list} empty={list.data.length === 0} emptyText='还没有媒体：先添加本局常投稿的报刊、网站和政务新媒体' />
      {list.data.map((o) => (
        <OutletRow key={`${o.id}:${o.name}:${o.level}:${o.active}`} outlet={o} onSaved={saved} />
      ))}
    </SectionCard>
  )
}
