/**
 * Tracking lookups per address (no one is signed in): enough for a family checking a few codes,
 * far too few to walk the 31^8 code space. h1's shared rate-limit configs may replace this.
 */
export const TRACK_RATE_LIMIT = { max: 10, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => request.ip }
