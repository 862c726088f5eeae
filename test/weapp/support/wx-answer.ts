export type Cb<T> = { success?: (res: T) => void; fail?: (err: { errMsg: string }) => void; complete?: () => void }

/** Answers as WeChat does: through callbacks when given, else with a Promise. */
export function answer<T>(opts: Cb<T> | undefined, res: T | Error): Promise<T> | undefined {
  const failed = res instanceof Error
  if (opts && (opts.success || opts.fail || opts.complete)) {
    setTimeout(() => {
      if (failed) opts.fail?.({ errMsg: res.message })
      else opts.success?.(res)
      opts.complete?.()
    })
    return undefined
  }
  return failed ? Promise.reject(res) : Promise.resolve(res)
}
