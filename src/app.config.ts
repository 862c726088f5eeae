export default defineAppConfig({
  // Main package: only what every user needs at launch. Role pages live in subpackages.
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'citizen', pages: ['pages/message-new/index', 'pages/my-messages/index'] },
    { root: 'staff', pages: ['pages/inbox/index', 'pages/item/index'] },
    { root: 'officer', pages: ['pages/case-new/index', 'pages/my-cases/index'] },
    { root: 'admin', pages: ['pages/index/index'] },
    { root: 'editorial', pages: ['pages/drafts/index', 'pages/draft/index', 'pages/sheet/index'] }
  ],
  // Officers record where a typical case happened (wx.getLocation needs both declarations).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于记录事例发生地点' } },
  // Inject only the components a page uses (WeChat's 按需注入), as its code-quality scan asks.
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '信息直报',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8'
  }
})
