// Saving an exported workbook. Taro picks download.h5.ts (the desk's browser) or download.weapp.ts
// (WeChat opens it in its document viewer) at build time; this default is what TypeScript reads
// and what any other platform gets.
import { ApiError } from '@/services/api'
import type { ExportRequest } from './ledger-api'

/** Resolves once the file is saved or shown; rejects with an ApiError the page can show. */
export async function downloadExport(_req: ExportRequest): Promise<void> {
  throw new ApiError(0, 'unsupported', '此处不能下载文件，请在电脑端工作台导出')
}
