import { fireEvent, render, screen } from '@testing-library/react'
import { DraftContentView } from '@/editorial/components/draft-content'
import { ReviewPanel } from '@/editorial/components/review-panel'
import type { DraftDetail } from '@/domain'
import { typeInto } from './support/dom'
import { draftDetail } from '../helpers/draft-fixtures'

describe('the draft renderer', () => {
  test('draws headings, marks, lists and images from structured content; text that looks like HTML stays text', () => {
    const { container } = render(
      <DraftContentView
        photoUrls={new Map([['m1', '/api/media/m1']])}
        content={{
          blocks: [
            { id: 'h', type: 'heading', level: 2, runs: [{ text: '一、主要做法' }] },
            { id: 'p', type: 'paragraph', runs: [{ text: '导语：', marks: ['bold'] }, { text: '<img src=x onerror=alert(1)>' }] },
            { id: 'l', type: 'list', ordered: true, items: [[{ text: '第一项' }], [{ text: '第二项' }]] },
            { id: 'i', type: 'image', mediaId: 'm1', caption: '摄于2026年11月25日 10:00，城关镇农贸市场。' }
          ]
        }}
      />
    )
    expect(screen.getByText('一、主要做法')).toBeInTheDocument()
    expect(screen.getByText('导语：').className).toContain('draft-content__run--bold')
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument()
    expect(screen.getByText('2.')).toBeInTheDocument()
    // The only image is the case photo; the "tag" in the text made none.
    expect(container.querySelectorAll('.draft-content__img')).toHaveLength(1)
    expect(Array.from(container.querySelectorAll('img')).filter((i) => !i.closest('.draft-content__img'))).toHaveLength(0)
    expect(container.querySelectorAll('[onerror]')).toHaveLength(0)
  })
})

const detail = (over: Partial<DraftDetail>): DraftDetail =>
  draftDetail({
    status: 'final_review',
    version: 2,
    caseCount: 1,
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    signatures: [
      { stage: 'first_review', label: '初审', signer: { id: 'r1', name: '赵科长' }, at: '2026-12-01T01:00:00Z', comment: '同意' },
      { stage: 'second_review', label: '复审', signer: { id: 'r2', name: '钱副局长' }, at: '2026-12-01T02:00:00Z', comment: null },
      { stage: 'final_review', label: '终审', signer: null, at: null, comment: null }
    ],
    reviewers: [{ stage: 'final_review', people: [{ id: 'r3', name: '孙局长' }] }],
    allowedActions: [
      { action: 'approve_final', label: '终审通过', needs: null },
      { action: 'return', label: '退回修改', needs: 'note' }
    ],
    ...over
  })

describe('the review panel', () => {
  test('shows each stage’s signer, asks a comment before a return, and sends the acknowledgement with its note', async () => {
    const onAction = jest.fn()
    const onAcknowledge = jest.fn()
    const flag = { id: 'f1', version: 2, kind: 'expression' as const, anchor: 'p', excerpt: '工商局', message: '「工商局」是不规范或易错的表述', suggestion: '市场监管局', acknowledged: null }
    render(<ReviewPanel draft={detail({ flags: [flag], openFlags: 1 })} busy={false} error={null} onAction={onAction} onAcknowledge={onAcknowledge} onSheet={() => {}} />)
    expect(screen.getByText(/赵科长/)).toBeInTheDocument()
    expect(screen.getByText('孙局长')).toBeInTheDocument()
    expect(screen.getByText('（1 项待处理）', { exact: false })).toBeInTheDocument()
    // 退回修改 needs the comment: a tap does nothing until one is written.
    fireEvent.click(screen.getByText('退回修改'))
    expect(onAction).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('终审通过'))
    expect(onAction).toHaveBeenCalledWith('approve_final', {})
    await typeInto(document.querySelector('.review-panel__note'), '请补充处理结果')
    fireEvent.click(screen.getByText('退回修改'))
    expect(onAction).toHaveBeenLastCalledWith('return', { note: '请补充处理结果' })
    await typeInto(document.querySelector('.review-panel__ack-note'), '已核实')
    fireEvent.click(screen.getByText('确认此项'))
    expect(onAcknowledge).toHaveBeenCalledWith('f1', '已核实')
  })
})

describe('the editor', () => {
  test('saves the blocks as structured content with marks, plus credits split by share and topics', async () => {
    const { DraftEditor } = await import('@/editorial/components/draft-editor')
    const { fakeServer } = await import('./support/network')
    fakeServer((req) => {
      if (req.url === '/api/people') return { statusCode: 200, data: { people: [{ id: 'u2', name: '李四' }] } }
      if (req.url === '/api/departments') return { statusCode: 200, data: { departments: [] } }
      if (req.url.startsWith('/api/topics')) return { statusCode: 200, data: { topics: [{ id: 't1', name: '食品安全', active: true }] } }
      return { statusCode: 404, data: { error: 'not_found', message: '无' } }
    })
    const onSave = jest.fn()
    const d = detail({
      status: 'drafting',
      editable: true,
      content: { blocks: [{ id: 'p1', type: 'paragraph', runs: [{ text: '旧文' }] }] },
      credits: [{ userId: 'a', departmentId: null, name: '王宣传', sharePercent: 100 }]
    })
    render(<DraftEditor draft={d} photoUrls={new Map()} saving={false} error={null} onSave={onSave} onCancel={() => {}} />)
    await typeInto(document.querySelector('[data-block="p1"]'), '**今日**检查')
    fireEvent.click(await screen.findByText('+ 李四'))
    fireEvent.click(await screen.findByText('食品安全'))
    fireEvent.click(screen.getByText('保存新版本'))
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        content: { blocks: [{ id: 'p1', type: 'paragraph', runs: [{ text: '今日', marks: ['bold'] }, { text: '检查' }] }] },
        topics: ['食品安全'],
        credits: [
          { userId: 'a', sharePercent: 50 },
          { userId: 'u2', sharePercent: 50 }
        ]
      })
    )
  })
})
