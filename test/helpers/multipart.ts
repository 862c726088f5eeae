/** A multipart/form-data body for app.inject, built by hand so tests control every byte. */
export function multipart(fields: { name: string; filename?: string; contentType?: string; data: Buffer | string }[]) {
  const boundary = '----zhibaotest' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const f of fields) {
    const disposition = `form-data; name="${f.name}"${f.filename ? `; filename="${f.filename}"` : ''}`
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${f.contentType ? `Content-Type: ${f.contentType}\r\n` : ''}\r\n`))
    parts.push(Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data))
    parts.push(Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const photoUpload = (data: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') => multipart([{ name: 'file', filename, contentType, data }])
