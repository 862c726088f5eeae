export default definePageConfig({
  navigationBarTitleText: '稿件',
  enablePullDownRefresh: true
})
