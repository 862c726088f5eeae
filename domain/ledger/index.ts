export * from './vocabulary'
export * from './rules'
export * from './credits'
export * from './pace'
