export default definePageConfig({
  navigationBarTitleText: '信息直报'
})
