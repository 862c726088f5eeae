export default definePageConfig({
  navigationBarTitleText: '稿件审批表'
})
