// Runtime-light entry for the app: constants and tables only (no schema library).
export * from './roles'
export * from './state-machine'
export * from './message/categories'
export * from './message/state-machine'
export * from './case/state-machine'
export * from './media'
export * from './inbox-views'
