export default definePageConfig({
  navigationBarTitleText: '登记发表',
  enablePullDownRefresh: true
})
