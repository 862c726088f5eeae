import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../server/config'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zb-config-'))

describe('configuration is validated at start-up', () => {
  it('defaults suit a newcomer: port 3000 on 127.0.0.1, dev WeChat mode, embedded database', () => {
    const c = loadConfig({ DATA_DIR: tmp() })
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, wechat: { mode: 'dev' } })
  })
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: tmp() })).toThrow(/PORT="abc"/)
    expect(() => loadConfig({ PORT: '70000', DATA_DIR: tmp() })).toThrow(/PORT/)
    expect(() => loadConfig({ WECHAT_MODE: 'prod', DATA_DIR: tmp() })).toThrow(/WECHAT_MODE/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: tmp() })).toThrow(/JWT_SECRET/)
  })
  it('live mode needs the WeChat app id and secret', () => {
    expect(() => loadConfig({ WECHAT_MODE: 'live', DATA_DIR: tmp() })).toThrow(/WECHAT_APPID and WECHAT_SECRET/)
  })
  it('PostgreSQL mode needs a JWT secret; embedded mode generates one and keeps it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/JWT_SECRET/)
    const dir = tmp()
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first)
  })
})
