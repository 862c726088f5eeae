import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './2026-11-26T0900-initial'

/** Listed by hand (not read from disk) so bundling and tsx both see the same set, in order. */
const migrations: Record<string, Migration> = {
  '2026-11-26T0900-initial': initial
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  }
}
