// Shared by the officer component tests: a signed-in officer and a case staff returned.
import type { MyCaseView } from '@/domain'

export const officer = {
  id: 'u-officer',
  orgId: 'o1',
  name: '李所长',
  roles: ['officer'],
  departmentId: 'd1',
  departmentName: '城关市场监管所'
}

export const MEDIA = {
  id: 'm0000000-0000-4000-8000-000000000001',
  url: 'https://media/p1.jpg',
  thumbUrl: 'https://media/t1.jpg',
  width: 1920,
  height: 1440,
  bytes: 420000
}

export const returnedCase: MyCaseView = {
  id: 'c0000000-0000-4000-8000-000000000001',
  clientId: 'mabc-0123456789abcdef',
  title: '城关所查处过期食品',
  body: '执法人员在某超市发现过期牛奶 12 盒。',
  status: 'returned',
  occurredAt: '2025-11-20T01:30:00.000Z',
  place: { address: '城关镇人民路 12 号', lat: 30.1, lng: 120.2 },
  topics: ['消费者权益保护'],
  photos: [MEDIA],
  staffComment: '请补充处理结果和罚没金额。',
  createdAt: '2025-11-20T02:00:00.000Z'
}
