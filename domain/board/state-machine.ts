import { defineMachine, type GuardContext } from '../state-machine'
import { ForbiddenError, type DomainError } from '../errors'
import type { Role } from '../roles'
import { DESK_ROLES } from '../desk'
import { ACTION_NOTE_MAX } from '../limits'
import type { MessageStatus } from '../message/state-machine'

/**
 * The public board (选登): staff propose a replied message whose author agreed to publication,
 * a reviewer approves it, the board shows it masked, and a published entry can be withdrawn.
 * Everything about a step is in this table: from where, who, what it needs, the guard.
 */
export const BOARD_STATUSES = ['proposed', 'published', 'declined', 'withdrawn'] as const
export type BoardStatus = (typeof BOARD_STATUSES)[number]

export const BOARD_ACTIONS = ['edit', 'approve', 'decline', 'withdraw'] as const
export type BoardAction = (typeof BOARD_ACTIONS)[number]

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  proposed: '待审核',
  published: '已选登',
  declined: '未采用',
  withdrawn: '已撤下'
}

/** Who proposes and corrects the public text; who decides what the public reads. */
export const BOARD_PROPOSER_ROLES: readonly Role[] = DESK_ROLES
export const BOARD_REVIEWER_ROLES: readonly Role[] = ['reviewer', 'admin']
/** Who sees the queue of proposals (and decided entries) on the desk. */
export const BOARD_DESK_ROLES: readonly Role[] = [...new Set([...BOARD_PROPOSER_ROLES, ...BOARD_REVIEWER_ROLES])]

/** The creation step (not an action on an entry: it makes one). */
export const BOARD_PROPOSE_EVENT = 'propose'

/** A message the board may show: it was answered (and possibly closed since). Reopened ones are being redone. */
export const BOARD_ELIGIBLE_MESSAGE_STATUSES: readonly MessageStatus[] = ['replied', 'closed']

/** Live entries: at most one per message, so a message is never on the board twice. */
export const BOARD_LIVE_STATUSES: readonly BoardStatus[] = ['proposed', 'published']
export const BOARD_PUBLIC_STATUS: BoardStatus = 'published'

/** Four eyes: whoever proposed an entry cannot approve it, however many roles they hold. */
function notTheProposer(ctx: GuardContext<BoardStatus>): DomainError | null {
  const proposer = ctx.history.find((h) => h.action === BOARD_PROPOSE_EVENT)?.actorId
  if (proposer && proposer === ctx.actorId) return new ForbiddenError('不能审核自己提议的选登，请由其他审核人审核', 'own_proposal')
  return null
}

const reason = (label: string) => ({ required: true, label, max: ACTION_NOTE_MAX })

export const boardMachine = defineMachine<BoardStatus, BoardAction, Role>({
  noun: '选登',
  statuses: BOARD_STATUSES,
  statusLabels: BOARD_STATUS_LABELS,
  buckets: { proposed: 'open', published: 'closed', declined: 'closed', withdrawn: 'closed' },
  initial: { status: 'proposed', event: BOARD_PROPOSE_EVENT, label: '提议选登', public: false },
  table: {
    // Correcting the public text (the masked spans or the words) keeps it proposed and bumps its version.
    edit: { from: ['proposed'], to: 'proposed', by: BOARD_DESK_ROLES, label: '修改公开内容', public: false },
    approve: { from: ['proposed'], to: 'published', by: BOARD_REVIEWER_ROLES, label: '批准选登', public: true, guard: notTheProposer },
    decline: { from: ['proposed'], to: 'declined', by: BOARD_REVIEWER_ROLES, label: '不予选登', inputs: { reason: reason('不予选登的原因') }, public: false },
    withdraw: { from: ['published'], to: 'withdrawn', by: BOARD_REVIEWER_ROLES, label: '撤下', inputs: { reason: reason('撤下的原因') }, public: false }
  }
})

/** The actions by name, for the server's use cases (each has its own route). */
export const BOARD_EDIT = 'edit' satisfies BoardAction
export const BOARD_APPROVE = 'approve' satisfies BoardAction
export const BOARD_DECLINE = 'decline' satisfies BoardAction
export const BOARD_WITHDRAW = 'withdraw' satisfies BoardAction
