// A process that takes the data-folder lock and holds it until killed: the other party in the
// lock tests. Prints "locked <pid>" once it holds the lock, or "refused: <message>".
import { acquireDataDirLock } from '../../../server/startup/lock'

const [dir, staleMs] = process.argv.slice(2)
acquireDataDirLock(dir, { heartbeatMs: 100, staleMs: Number(staleMs ?? 1000) }).then(
  () => {
    process.stdout.write(`locked ${process.pid}\n`)
    setInterval(() => undefined, 60_000)
  },
  (err: Error) => {
    process.stdout.write(`refused: ${err.message}\n`)
    process.exit(3)
  }
)
