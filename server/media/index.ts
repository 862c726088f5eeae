export { MediaError, isMediaError, type MediaErrorCode } from './errors'
export { sniffImageType, ALLOWED_IMAGE_TYPES, type ImageType } from './sniff'
export { readExifFacts, type ExifFacts, type GpsPoint } from './exif'
export {
  ingestImage,
  MAX_UPLOAD_BYTES,
  UPLOAD_MEMORY_BUDGET,
  MAX_INPUT_PIXELS,
  MAX_LONG_SIDE,
  THUMB_LONG_SIDE,
  type IngestOptions,
  type IngestedImage
} from './ingest'
export { mediaKey, assertValidKey, type MediaStorage, type MediaVariant, type StoredObject } from './storage'
export { LocalStorage } from './local-storage'
export { S3Storage, type S3StorageOptions } from './s3-storage'
export { signMediaUrl, verifyMediaSignature, type MediaUrlTarget, type SignatureCheck } from './signed-url'
