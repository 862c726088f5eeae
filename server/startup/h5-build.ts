import { buildIfStale } from '../../scripts/build-if-stale'

/** `npm start` always serves the current app: build H5 when missing or older than its sources. */
export function ensureH5Build(h5Dir: string, log: (line: string) => void): void {
  buildIfStale('h5', { outDir: h5Dir, log })
}
