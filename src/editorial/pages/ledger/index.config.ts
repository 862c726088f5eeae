export default definePageConfig({
  navigationBarTitleText: '发表台账',
  enablePullDownRefresh: true
})
