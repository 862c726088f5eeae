export default definePageConfig({
  navigationBarTitleText: '满意度统计',
  enablePullDownRefresh: true
})
