// Where the outbox keeps picked photos until they are sent. Taro picks file-keeper.weapp.ts or
// file-keeper.h5.ts at build time (same interface); this default keeps the path as it is.
import type { FileKeeper } from './outbox'

export const fileKeeper: FileKeeper = {
  keep: async (tempPath) => tempPath,
  remove: async () => undefined,
  list: async () => []
}
