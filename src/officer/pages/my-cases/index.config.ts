export default definePageConfig({
  navigationBarTitleText: '我的事例',
  enablePullDownRefresh: true
})
