import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_WORD_LIST } from './content/word-list'
import { parseSubscribeTemplates, type SubscribeTemplates } from './wechat/subscribe-templates'

/** Environment variables zhibao reads; validated once at start-up. */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 86400, default: 900 }),
  SESSION_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  WECHAT_MODE: Type.Union([Type.Literal('dev'), Type.Literal('live')], { default: 'dev' }),
  WECHAT_API_BASE: Type.String({ pattern: '^https?://', default: 'https://api.weixin.qq.com' }),
  WECHAT_APPID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  /** Message push (消息推送) token set in the mini-program console: signs the media-check callback. */
  WECHAT_CALLBACK_TOKEN: Type.Optional(Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9]+$' })),
  /** The server's public https origin WeChat fetches images from for media_check_async (live mode). */
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^/\\s]+$' })),
  /** Minutes an image check may stay unanswered before a job holds the image for staff. */
  MEDIA_CHECK_TIMEOUT_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  /** Word list of the local content check (dev mode, and desk accounts without an openid). */
  CONTENT_WORDLIST: Type.Optional(Type.String({ minLength: 1 })),
  /** Rate limits shared by every server process (redis://…); unset: in memory, per process. */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Prefix of zhibao's rate-limit keys on Redis (several deployments may share one Redis). */
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, maxLength: 64, default: 'zhibao-rl:' }),
  H5_DIR: Type.String({ default: './dist/h5' }),
  MEDIA_STORAGE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  MEDIA_URL_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 7 * 86400, default: 6 * 3600 }),
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3 })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: true }),
  HSTS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'off' }),
  CORS_ORIGINS: Type.String({ pattern: '^(https?://[^/,\\s]+(,\\s*https?://[^/,\\s]+)*)?$', default: '' }),
  MEDIA_TMP_SWEEP_SECONDS: Type.Integer({ minimum: 10, maximum: 7 * 86400, default: 3600 }),
  /** Background jobs (pg-boss on the same database): daily 催办 reminders. Tests turn them off. */
  JOBS: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  /** Days a replied message waits for the citizen's rating before the job closes it. */
  RATING_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
  /** Days after a message is closed before its contact details (phone…) are erased. */
  CONTACT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  /**
   * Subscribe-message templates (订阅消息, one-time) as JSON: for each change the citizen hears of
   * (accepted, replied, closed) the template id and which value fills each of its fields, e.g.
   * {"replied":{"id":"tmplA","fields":{"character_string1":"trackingCode","thing2":"summary","time3":"at"}}}.
   * Values: trackingCode, category, status, summary (the reply or note, cut to 20 characters), at.
   */
  SUBSCRIBE_TEMPLATES: Type.String({ default: '' }),
  /** miniprogram_state of subscribe/send: which build the message opens. */
  SUBSCRIBE_MINIPROGRAM_STATE: Type.Union([Type.Literal('developer'), Type.Literal('trial'), Type.Literal('formal')], { default: 'formal' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' }
  )
})
export type Env = Static<typeof EnvSchema>

export interface Config {
  port: number
  host: string
  dataDir: string
  /** Null: the embedded PGlite database under dataDir. */
  databaseUrl: string | null
  jwtSecret: string
  /** Access tokens are short-lived; the session (refresh token) lasts `sessionTtlDays` since its last use. */
  sessions: { accessTtlSeconds: number; sessionTtlDays: number }
  wechat: { mode: 'dev' | 'live'; apiBase: string; appId: string; secret: string }
  /** Content security (issue 8): text and image checks. */
  content: {
    /** Word list file of the local check. */
    wordListPath: string
    /** Signs WeChat's message push; null: the callback route refuses every event. */
    callbackToken: string | null
    /** Origin of the signed image links WeChat fetches; null: images cannot be sent for checking (they are held). */
    publicBaseUrl: string | null
    mediaCheckTimeoutMinutes: number
  }
  /** null: rate limits in memory. */
  redisUrl: string | null
  redisKeyPrefix: string
  h5Dir: string
  logLevel: string
  http: {
    /** Strict-Transport-Security: only when the server is reached through TLS (a proxy). */
    hsts: boolean
    /** Origins other web apps may call the API from; empty: none (CORS closed). */
    corsOrigins: string[]
  }
  jobs: boolean
  followUp: {
    ratingWindowDays: number
    contactRetentionDays: number
    subscribe: { templates: SubscribeTemplates; miniprogramState: 'developer' | 'trial' | 'formal' }
  }
  media: {
    /** Local folder (default) or S3-compatible object storage. */
    storage: { kind: 'local'; dir: string } | { kind: 's3'; endpoint?: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean }
    urlTtlSeconds: number
    /** How often (and after how long) temp files of interrupted uploads are removed. */
    tmpSweepSeconds: number
  }
}

export class ConfigError extends Error {}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)
}

/** Parses raw env strings; every problem names the variable so an operator can fix it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(EnvSchema.properties) as (keyof Env)[]
  const raw: Record<string, unknown> = {}
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key]
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw))
  const problems = [...Value.Errors(EnvSchema, withDefaults)].map((e) => {
    const name = e.instancePath.replace(/^\//, '') || String((e.params as { requiredProperties?: string[] }).requiredProperties ?? '')
    return `${name}=${describe(raw[name])}: ${e.message}`
  })
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  const parsed = withDefaults as Env

  if (parsed.WECHAT_MODE === 'live' && (!parsed.WECHAT_APPID || !parsed.WECHAT_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APPID and WECHAT_SECRET are required when WECHAT_MODE=live')
  }
  if (parsed.MEDIA_STORAGE === 's3' && (!parsed.S3_BUCKET || !parsed.S3_ACCESS_KEY_ID || !parsed.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required when MEDIA_STORAGE=s3')
  }
  const dataDir = path.resolve(parsed.DATA_DIR)
  let jwtSecret = parsed.JWT_SECRET
  if (!jwtSecret) {
    if (parsed.DATABASE_URL) {
      throw new ConfigError('Invalid configuration:\n  JWT_SECRET (at least 32 characters) is required with DATABASE_URL')
    }
    jwtSecret = readOrCreateSecret(dataDir)
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    databaseUrl: parsed.DATABASE_URL ?? null,
    jwtSecret,
    sessions: { accessTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS, sessionTtlDays: parsed.SESSION_TTL_DAYS },
    wechat: {
      mode: parsed.WECHAT_MODE,
      apiBase: parsed.WECHAT_API_BASE.replace(/\/$/, ''),
      appId: parsed.WECHAT_APPID ?? 'dev-appid',
      secret: parsed.WECHAT_SECRET ?? 'dev-secret'
    },
    content: {
      wordListPath: parsed.CONTENT_WORDLIST ? path.resolve(parsed.CONTENT_WORDLIST) : DEFAULT_WORD_LIST,
      callbackToken: parsed.WECHAT_CALLBACK_TOKEN ?? null,
      publicBaseUrl: parsed.PUBLIC_BASE_URL ?? null,
      mediaCheckTimeoutMinutes: parsed.MEDIA_CHECK_TIMEOUT_MINUTES
    },
    redisUrl: parsed.REDIS_URL ?? null,
    redisKeyPrefix: parsed.REDIS_KEY_PREFIX,
    h5Dir: path.resolve(parsed.H5_DIR),
    logLevel: parsed.LOG_LEVEL,
    http: {
      hsts: parsed.HSTS === 'on',
      corsOrigins: parsed.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)
    },
    jobs: parsed.JOBS === 'on',
    followUp: {
      ratingWindowDays: parsed.RATING_WINDOW_DAYS,
      contactRetentionDays: parsed.CONTACT_RETENTION_DAYS,
      subscribe: { templates: subscribeTemplates(parsed.SUBSCRIBE_TEMPLATES), miniprogramState: parsed.SUBSCRIBE_MINIPROGRAM_STATE }
    },
    media: {
      storage:
        parsed.MEDIA_STORAGE === 's3'
          ? {
              kind: 's3',
              endpoint: parsed.S3_ENDPOINT,
              bucket: parsed.S3_BUCKET!,
              region: parsed.S3_REGION,
              accessKeyId: parsed.S3_ACCESS_KEY_ID!,
              secretAccessKey: parsed.S3_SECRET_ACCESS_KEY!,
              forcePathStyle: parsed.S3_FORCE_PATH_STYLE
            }
          : { kind: 'local', dir: path.join(dataDir, 'media') },
      urlTtlSeconds: parsed.MEDIA_URL_TTL_SECONDS,
      tmpSweepSeconds: parsed.MEDIA_TMP_SWEEP_SECONDS
    }
  }
}

/** SUBSCRIBE_TEMPLATES is JSON: a mistake in it stops the start-up with the variable named. */
function subscribeTemplates(raw: string): SubscribeTemplates {
  try {
    return parseSubscribeTemplates(raw)
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
}

/** Embedded mode keeps its signing secret beside its data, so tokens survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(48).toString('base64url')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}
