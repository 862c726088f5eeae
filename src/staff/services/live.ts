// Default for TypeScript and any other platform: Taro picks live.h5.ts (server-sent events) or
// live.weapp.ts (polling) at build time; both have this interface. Polling works everywhere.
export * from './live.weapp'
