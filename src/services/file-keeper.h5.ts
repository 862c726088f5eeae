// H5: the picked photo is a blob: URL owned by this tab; there is no user data folder to move it
// into. The outbox keeps the URL; a reload loses the bytes (see the report on H5 limits).
import type { FileKeeper } from './outbox'

export const fileKeeper: FileKeeper = {
  keep: async (tempPath) => tempPath,
  remove: async (keptPath) => {
    if (keptPath.startsWith('blob:')) URL.revokeObjectURL(keptPath)
  },
  // Blob URLs cannot be listed, and die with the tab: nothing to sweep.
  list: async () => []
}
