import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './2026-11-26T0900-initial'
import * as casesAndMedia from './2026-11-26T1030-cases-and-media'
import * as itemIntegrity from './2026-12-03T1000-item-integrity-version-mentions'
import * as sessionsAndClientIds from './2026-12-03T1100-sessions-and-client-ids'
import * as deadlinesAndNotifications from './2026-12-03T1200-deadlines-and-notifications'
import * as inboxSearch from './2026-12-03T1300-inbox-search'
import * as mediaDeviceEvidence from './2026-12-03T1400-media-device-evidence'
import * as admin from './2026-12-04T0100-admin'
import * as mergeAndEventVersions from './2026-12-04T0200-merge-and-event-versions'
import * as live from './2026-12-04T0300-live'
import * as notificationKindsAndSubjects from './2026-12-05T0000-notification-kinds-and-subjects'
import * as contentSecurity from './2026-12-05T0100-content-security'
import * as messageDetails from './2026-12-05T0200-message-details'
import * as citizenFollowUp from './2026-12-05T0300-citizen-follow-up'
import * as publicBoard from './2026-12-05T0400-public-board'
import * as drafts from './2026-12-05T0500-drafts'
import * as draftNotificationKinds from './2026-12-05T0510-draft-notification-kinds'
import * as ledger from './2026-12-05T0600-ledger'
import * as publicationClientId from './2026-12-05T0700-publication-client-id'
import * as assigneeDueIndex from './2026-12-05T0800-assignee-due-index'

/** Listed by hand (not read from disk) so bundling and tsx both see the same set, in order. */
export const migrations: Record<string, Migration> = {
  '2026-11-26T0900-initial': initial,
  '2026-11-26T1030-cases-and-media': casesAndMedia,
  '2026-12-03T1000-item-integrity-version-mentions': itemIntegrity,
  '2026-12-03T1100-sessions-and-client-ids': sessionsAndClientIds,
  '2026-12-03T1200-deadlines-and-notifications': deadlinesAndNotifications,
  '2026-12-03T1300-inbox-search': inboxSearch,
  '2026-12-03T1400-media-device-evidence': mediaDeviceEvidence,
  '2026-12-04T0100-admin': admin,
  '2026-12-04T0200-merge-and-event-versions': mergeAndEventVersions,
  '2026-12-04T0300-live': live,
  '2026-12-05T0000-notification-kinds-and-subjects': notificationKindsAndSubjects,
  '2026-12-05T0100-content-security': contentSecurity,
  '2026-12-05T0200-message-details': messageDetails,
  '2026-12-05T0300-citizen-follow-up': citizenFollowUp,
  '2026-12-05T0400-public-board': publicBoard,
  '2026-12-05T0500-drafts': drafts,
  '2026-12-05T0510-draft-notification-kinds': draftNotificationKinds,
  '2026-12-05T0600-ledger': ledger,
  '2026-12-05T0700-publication-client-id': publicationClientId,
  '2026-12-05T0800-assignee-due-index': assigneeDueIndex
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  }
}
