import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './2026-11-26T0900-initial'
import * as casesAndMedia from './2026-11-26T1030-cases-and-media'
import * as deadlinesAndNotifications from './2026-12-03T1200-deadlines-and-notifications'

/** Listed by hand (not read from disk) so bundling and tsx both see the same set, in order. */
const migrations: Record<string, Migration> = {
  '2026-11-26T0900-initial': initial,
  '2026-11-26T1030-cases-and-media': casesAndMedia,
  '2026-12-03T1200-deadlines-and-notifications': deadlinesAndNotifications
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  }
}
