// Working days in Beijing time with Chinese public holidays and 调休 make-up days. Pure: the
// built-in calendar data lives in ./builtin (import it only where the data is needed).
export * from './day'
export * from './calendar'
export * from './working-days'
export * from './describe-due'
export * from './rules'
