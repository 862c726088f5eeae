import { ACCEPT_ACTION, BATCH_ACTIONS, SHORTCUT_ACTIONS } from '../../domain/desk-operations'
import { caseMachine } from '../../domain/case/state-machine'
import { messageMachine, REPLY_ACTION } from '../../domain/message/state-machine'

// The actions the desk names by meaning (keys, batch bar) are real actions of the tables, and
// the batch bar's words are the table's own.
describe('actions the desk names', () => {
  it('e takes an item on in both tables, r replies to a message', () => {
    expect(SHORTCUT_ACTIONS).toEqual({ e: 'accept', r: 'reply' })
    expect(messageMachine.isAction(ACCEPT_ACTION) && caseMachine.isAction(ACCEPT_ACTION)).toBe(true)
    expect(messageMachine.isAction(REPLY_ACTION)).toBe(true)
  })

  it('the batch bar offers 受理 and 办结, in the message table words', () => {
    expect(BATCH_ACTIONS.map((b) => [b.action, b.label, b.title, b.done])).toEqual([
      ['accept', '受理', '批量受理', '已受理'],
      ['close', '办结', '批量办结', '已办结']
    ])
  })
})
