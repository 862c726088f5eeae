import { type Kysely, sql } from 'kysely'

// Frozen: never edit after release.
// What the phone read from the ORIGINAL photo before compressing it (compression drops EXIF):
// reported by the device, so kept apart from taken_at / gps_*, which the server read itself.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('media')
    .addColumn('device_taken_at', 'timestamptz')
    .addColumn('device_lat', 'double precision')
    .addColumn('device_lng', 'double precision')
    .execute()
  // A place is both coordinates or neither, within the globe's ranges.
  await db.schema
    .alterTable('media')
    .addCheckConstraint(
      'media_device_place_check',
      sql`(device_lat is null and device_lng is null) or (device_lat between -90 and 90 and device_lng between -180 and 180)`
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').dropConstraint('media_device_place_check').execute()
  await db.schema.alterTable('media').dropColumn('device_taken_at').dropColumn('device_lat').dropColumn('device_lng').execute()
}
