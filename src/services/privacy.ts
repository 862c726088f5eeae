// WeChat's privacy authorisation (用户隐私保护指引). In the browser there is no such flow: the
// notice page is all there is. Taro picks privacy.weapp.ts in the mini-program.

/** Installs the handler WeChat calls when an API needs the user's agreement first. */
export function installPrivacyHandler(): void {}

/** The user's answer on the authorisation page: agreed (the button did it) or declined. */
export function answerPrivacy(_agreed: boolean): void {}

/** Whether a privacy question is waiting for the authorisation page's answer. */
export function privacyPending(): boolean {
  return false
}
