import fp from 'fastify-plugin'
import compress from '@fastify/compress'

/**
 * Brotli or gzip for text answers (JSON, the H5 app's JS and CSS when no precompressed file is
 * there). Never server-sent events: a compressor buffers, and a live update must leave at once.
 * Request bodies are not decompressed: no client sends them, and a small compressed body could
 * expand far beyond the body limit.
 */
export const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)|\+json(;|$)/

export default fp(async (app) => {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE
  })
})
