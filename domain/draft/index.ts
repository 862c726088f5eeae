export * from './types'
export * from './state-machine'
export * from './content'
export * from './flags'
