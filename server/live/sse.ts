/** Server-sent events framing: one event per JSON payload; a comment line keeps proxies open. */
export const sseEvent = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
export const sseComment = (text: string) => `: ${text}\n\n`
