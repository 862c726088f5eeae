export default definePageConfig({
  navigationBarTitleText: '留言受理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80
})
