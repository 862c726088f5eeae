/**
 * What the app does to a photo before upload; the media benchmark simulates the same, so the
 * bytes it reports are the bytes phones send. Quality 0.75 keeps text on shop signs and
 * licences legible at 1920 px while sending about a seventh of a 12-MP original.
 */
export const CLIENT_PHOTO_LONG_SIDE = 1920
export const CLIENT_JPEG_QUALITY = 0.75
