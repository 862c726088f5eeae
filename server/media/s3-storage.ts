import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException
} from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { assertValidKey, contentTypeOfKey, type MediaStorage, type StoredObject } from './storage'

export interface S3StorageOptions {
  /** e.g. https://cos.ap-guangzhou.myqcloud.com, or a MinIO URL; omit for AWS itself. */
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** true for MinIO and most self-hosted stores (bucket in the path, not the host name). */
  forcePathStyle?: boolean
}

/** Objects in an S3-compatible bucket (AWS S3, MinIO, Tencent COS, Aliyun OSS …). */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client
  private readonly bucket: string

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Recent SDKs add CRC32 checksum headers to every request by default; several
      // S3-compatible stores reject or mis-store those. Only send them when S3 requires it.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED'
    })
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertValidKey(key)
    // Content-addressed: an existing key already holds these bytes, and a HEAD is
    // cheaper than uploading them again.
    if (await this.exists(key)) return
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length })
    )
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key)
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node.js stream')
      return { body: out.Body, size: out.ContentLength ?? 0, contentType: out.ContentType ?? contentTypeOfKey(key) }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key)
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      return true
    } catch (err) {
      if (isNotFound(err)) return false
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key)
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  /** Closes the SDK's keep-alive sockets (tests, shutdown). */
  close(): void {
    this.client.destroy()
  }
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404
}
