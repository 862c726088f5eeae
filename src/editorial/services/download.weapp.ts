// WeChat: downloadFile with the token (a mini-program cannot open an authenticated URL any other
// way), then openDocument, whose menu lets the user forward the workbook or save it.
import Taro from '@tarojs/taro'
import { API_BASE } from '@/services/api-base'
import { ApiError, NETWORK_ERROR_MESSAGE, bearerHeader, errorFrom, queryString, withRenewal } from '@/services/api'
import type { ExportRequest } from './ledger-api'

/** A refusal comes back as the file: read the server's JSON message from it. */
function errorBody(filePath: string): unknown {
  try {
    return JSON.parse(Taro.getFileSystemManager().readFileSync(filePath, 'utf8') as string)
  } catch {
    return null
  }
}

async function downloadOnce(url: string, token: string | null): Promise<Taro.downloadFile.FileSuccessCallbackResult> {
  try {
    return await Taro.downloadFile({ url, header: bearerHeader(token) })
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE)
  }
}

export async function downloadExport(req: ExportRequest): Promise<void> {
  const url = `${API_BASE}${req.path}${queryString(req.query)}`
  const res = await withRenewal((token) => downloadOnce(url, token), (r) => r.statusCode)
  if (res.statusCode !== 200) throw errorFrom(res.statusCode, errorBody(res.tempFilePath))
  try {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw new ApiError(0, 'open_failed', '文件已下载，但无法打开，请在电脑端工作台导出')
  }
}
