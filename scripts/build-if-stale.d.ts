export function buildIfStale(
  platform: 'h5' | 'weapp',
  options?: { outDir?: string; log?: (line: string) => void; quiet?: boolean }
): boolean
