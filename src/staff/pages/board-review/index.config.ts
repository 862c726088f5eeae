export default definePageConfig({
  navigationBarTitleText: '选登审核',
  enablePullDownRefresh: true
})
