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
  it('follow-up: rating window and retention default to 7 and 180 days; subscribe templates are checked JSON', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).followUp).toEqual({ ratingWindowDays: 7, contactRetentionDays: 180, subscribe: { templates: {}, miniprogramState: 'formal' } })
    const templates = { replied: { id: 'tmplA', fields: { character_string1: 'trackingCode', thing2: 'summary' } } }
    expect(loadConfig({ DATA_DIR: tmp(), SUBSCRIBE_TEMPLATES: JSON.stringify(templates), CONTACT_RETENTION_DAYS: '30' }).followUp).toMatchObject({ contactRetentionDays: 30, subscribe: { templates } })
    expect(() => loadConfig({ DATA_DIR: tmp(), SUBSCRIBE_TEMPLATES: '{nope' })).toThrow(/SUBSCRIBE_TEMPLATES: not JSON/)
    expect(() => loadConfig({ DATA_DIR: tmp(), SUBSCRIBE_TEMPLATES: JSON.stringify({ replied: { id: 'x', fields: { thing1: 'phone' } } }) })).toThrow(/SUBSCRIBE_TEMPLATES/)
    expect(() => loadConfig({ DATA_DIR: tmp(), SUBSCRIBE_TEMPLATES: JSON.stringify({ rejected: { id: 'x', fields: {} } }) })).toThrow(/SUBSCRIBE_TEMPLATES/)
    expect(() => loadConfig({ DATA_DIR: tmp(), RATING_WINDOW_DAYS: '0' })).toThrow(/RATING_WINDOW_DAYS/)
  })
})
