import { createTestApp, type TestApp } from '../helpers/test-app'
import { inTransaction } from '../../server/services/transaction'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const countDepts = async (name: string) => (await t.db.selectFrom('department').select('id').where('name', '=', name).execute()).length

describe('inTransaction', () => {
  it('runs after-commit hooks once the change is visible outside the transaction, in order', async () => {
    const seen: string[] = []
    await inTransaction(t.db, async (scope) => {
      await scope.tx.insertInto('department').values({ org_id: t.orgId, name: '提交后' }).execute()
      scope.afterCommit(async () => void seen.push(`first:${await countDepts('提交后')}`))
      scope.afterCommit(() => void seen.push('second'))
      // Not yet: the hook must wait for COMMIT.
      expect(seen).toEqual([])
    })
    expect(seen).toEqual(['first:1', 'second'])
  })

  it('never runs them when the transaction rolls back', async () => {
    const seen: string[] = []
    await expect(
      inTransaction(t.db, async (scope) => {
        await scope.tx.insertInto('department').values({ org_id: t.orgId, name: '回滚' }).execute()
        scope.afterCommit(() => void seen.push('ran'))
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(seen).toEqual([])
    expect(await countDepts('回滚')).toBe(0)
  })

  it('a nested call joins the outer transaction; its hooks wait for the outer commit', async () => {
    const seen: string[] = []
    await expect(
      inTransaction(t.db, async (outer) => {
        await inTransaction(outer, async (inner) => {
          expect(inner.tx).toBe(outer.tx)
          await inner.tx.insertInto('department').values({ org_id: t.orgId, name: '嵌套' }).execute()
          inner.afterCommit(() => void seen.push('inner'))
        })
        expect(seen).toEqual([])
        throw new Error('outer fails')
      })
    ).rejects.toThrow('outer fails')
    expect(seen).toEqual([])
    expect(await countDepts('嵌套')).toBe(0)
  })

  it('a failing hook cannot undo the commit: the change stays and the error goes to the sink', async () => {
    const errors: unknown[] = []
    const result = await inTransaction(
      t.db,
      async (scope) => {
        await scope.tx.insertInto('department').values({ org_id: t.orgId, name: '钩子失败' }).execute()
        scope.afterCommit(() => {
          throw new Error('queue down')
        })
        return 'done'
      },
      (err) => errors.push(err)
    )
    expect(result).toBe('done')
    expect(await countDepts('钩子失败')).toBe(1)
    expect(errors).toHaveLength(1)
  })

  it('offers the transaction as a pg-boss-style executor, inside the same transaction', async () => {
    await expect(
      inTransaction(t.db, async (scope) => {
        await scope.jobDb.executeSql('insert into department (org_id, name) values ($1, $2)', [t.orgId, '作业'])
        const { rows } = await scope.jobDb.executeSql('select count(*)::int as n from department where name = $1', ['作业'])
        expect(rows[0].n).toBe(1)
        throw new Error('roll back')
      })
    ).rejects.toThrow('roll back')
    expect(await countDepts('作业')).toBe(0)
  })
})
