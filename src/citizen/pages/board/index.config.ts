export default definePageConfig({
  navigationBarTitleText: '留言选登',
  enablePullDownRefresh: true
})
