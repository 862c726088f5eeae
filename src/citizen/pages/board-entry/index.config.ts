export default definePageConfig({
  navigationBarTitleText: '选登详情',
  enablePullDownRefresh: true
})
