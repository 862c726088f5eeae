// Exponential backoff with jitter, so many phones coming back online at once (a whole
// 市场监管所 leaving a dead zone) do not retry in lockstep.

export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 }

/**
 * Delay before the next try after `attempts` consecutive transient failures (attempts >= 1).
 * "Equal jitter": half the exponential delay is fixed, half random, so the wait still grows
 * with every failure but two phones rarely pick the same moment. Never above the cap.
 */
export function backoffDelay(attempts: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30) // 2^30 s is far past any cap; avoids Infinity
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
