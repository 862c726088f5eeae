export default definePageConfig({
  navigationBarTitleText: '查询留言'
})
