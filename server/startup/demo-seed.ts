import { hash } from '@node-rs/argon2'
import type { Db } from '../db/database'
import type { Role } from '../../domain/roles'
import type { CreateMessageBody } from '../../domain/schemas/item'
import { createMessage } from '../services/messages'

const DEPARTMENTS = ['办公室', '登记注册科', '消费者权益保护科', '城关市场监管所']

const USERS: { username: string; name: string; roles: Role[]; department: string }[] = [
  { username: 'officer', name: '李干部', roles: ['citizen', 'officer'], department: '城关市场监管所' },
  { username: 'staff', name: '王宣传', roles: ['citizen', 'staff'], department: '办公室' },
  { username: 'reviewer', name: '赵科长', roles: ['citizen', 'reviewer'], department: '办公室' }
]

const MESSAGES: CreateMessageBody[] = [
  {
    category: 'complaint',
    body: '在城关镇某超市买的牛奶已经过期三天，找店家退货被拒绝，希望市场监管部门处理。',
    contactPhone: '13800138000',
    business: { name: '城关镇某超市' }
  },
  { category: 'question', body: '个体工商户年报是每年几月份截止？在手机上能不能办？' },
  { category: 'praise', body: '登记窗口的工作人员很耐心，半天就帮我办好了营业执照，点赞！', praised: '政务服务中心登记窗口' }
]

export const DEMO_PASSWORD = 'zhibao-demo'

/** A demo bureau for trying zhibao out: departments, one desk account per role, a few messages. */
export async function seedDemo(db: Db, orgId: string): Promise<string[]> {
  const existing = await db.selectFrom('app_user').select('id').where('org_id', '=', orgId).where('username', '=', 'staff').executeTakeFirst()
  if (existing) return ['Demo data is already present.']
  const deptIds: Record<string, string> = {}
  for (const name of DEPARTMENTS) {
    const row = await db.insertInto('department').values({ org_id: orgId, name }).returning('id').executeTakeFirstOrThrow()
    deptIds[name] = row.id
  }
  const passwordHash = await hash(DEMO_PASSWORD)
  for (const u of USERS) {
    await db
      .insertInto('app_user')
      .values({ org_id: orgId, name: u.name, roles: u.roles, username: u.username, password_hash: passwordHash, department_id: deptIds[u.department] })
      .execute()
  }
  const citizen = await db.insertInto('app_user').values({ org_id: orgId, name: '张群众', roles: ['citizen'], dev_key: 'citizen:张群众' }).returning('id').executeTakeFirstOrThrow()
  for (const m of MESSAGES) await createMessage(db, orgId, citizen.id, m)
  return [
    `Demo bureau seeded: ${DEPARTMENTS.length} departments, ${MESSAGES.length} messages.`,
    ...USERS.map((u) => `  desk login ${u.username} / ${DEMO_PASSWORD}  (${u.name}, ${u.roles.filter((r) => r !== 'citizen').join(', ')})`)
  ]
}
