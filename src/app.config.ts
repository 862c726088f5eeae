const WEAPP_THEME = {
  darkmode: true,
  themeLocation: 'theme.json',
  window: {
    backgroundTextStyle: '@bgTxtStyle',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTitleText: '信息直报',
    navigationBarTextStyle: '@navTxtStyle',
    backgroundColor: '@bgColor'
  }
} as const

const H5_WINDOW = {
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '信息直报',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8'
  }
} as const

export default defineAppConfig({
  // Main package: only what every user needs at launch. Role pages live in subpackages.
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'citizen', pages: ['pages/message-new/index', 'pages/my-messages/index', 'pages/board/index', 'pages/board-entry/index', 'pages/track/index', 'pages/privacy/index', 'pages/privacy-auth/index'] },
    { root: 'staff', pages: ['pages/inbox/index', 'pages/item/index', 'pages/board-review/index', 'pages/moderation/index', 'pages/satisfaction/index'] },
    { root: 'officer', pages: ['pages/case-new/index', 'pages/my-cases/index'] },
    { root: 'admin', pages: ['pages/index/index'] },
    { root: 'editorial', pages: ['pages/drafts/index', 'pages/draft/index', 'pages/sheet/index', 'pages/publish/index', 'pages/ledger/index', 'pages/dashboard/index'] }
  ],
  // Officers record where a typical case happened, citizens where a message's matter is (wx.getLocation needs both declarations).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于记录事例或留言的发生地点' } },
  // WeChat's privacy check: personal-information APIs wait for the user's agreement, asked for
  // by onNeedPrivacyAuthorization (services/privacy.weapp.ts opens the authorisation page).
  // chooseMedia needs no requiredPrivateInfos entry; the phone button is covered by the agreement.
  __usePrivacyCheck__: true,
  // Inject only the components a page uses (WeChat's 按需注入), as its code-quality scan asks.
  lazyCodeLoading: 'requiredComponents',
  // Dark mode (WeChat's DarkMode 适配指南): the mini-program follows the system theme; the navigation
  // bar and window colours are theme.json's variables (copied into the build by config/index.ts),
  // the same colours as src/styles/variables.scss's tables (test/weapp/darkmode.test.ts checks).
  // A TARO_ENV branch because app.config has no per-platform files, and H5 would take "@navBgColor"
  // for a colour; H5 follows prefers-color-scheme through the stylesheets alone.
  ...(process.env.TARO_ENV === 'weapp' ? WEAPP_THEME : H5_WINDOW)
})
