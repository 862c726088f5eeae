// Preloaded into the e2e server (NODE_OPTIONS=--require) when ZB_E2E_CLOCK_SHIFT_DAYS is set: the
// server's clock starts that many days in the past, so items created then have deadlines that
// have passed once the test puts the clock back to the real time (by creating the file named in
// ZB_E2E_CLOCK_REAL_FLAG). No server code changes: only what `Date` answers in that process.
const fs = require('node:fs')

const days = Number(process.env.ZB_E2E_CLOCK_SHIFT_DAYS || 0)
const flag = process.env.ZB_E2E_CLOCK_REAL_FLAG
if (days > 0 && flag) {
  const RealDate = Date
  let offset = -days * 86_400_000
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate
  const poll = setInterval(() => {
    if (fs.existsSync(flag)) {
      offset = 0
      clearInterval(poll)
    }
  }, 100)
  poll.unref()
}
