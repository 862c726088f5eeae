import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { acquireDataDirLock } from '../../server/startup/lock'

it('a second holder of the same data folder is refused; a stale lock is taken over', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zb-lock-'))
  const release = acquireDataDirLock(dir)
  // Even the same process may not open the folder twice (two PGlite instances would corrupt it).
  expect(() => acquireDataDirLock(dir)).toThrow(/already in use/)
  release()
  // Another live process holds it: pretend the lock belongs to our parent.
  fs.writeFileSync(path.join(dir, 'zhibao.lock'), String(process.ppid))
  expect(() => acquireDataDirLock(dir)).toThrow(/already in use by process/)
  // A lock left by a process that has exited is stale.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
  fs.writeFileSync(path.join(dir, 'zhibao.lock'), dead)
  const again = acquireDataDirLock(dir)
  expect(fs.readFileSync(path.join(dir, 'zhibao.lock'), 'utf8')).toBe(String(process.pid))
  again()
})
