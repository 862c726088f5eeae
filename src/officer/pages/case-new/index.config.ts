export default definePageConfig({
  navigationBarTitleText: '报送事例'
})
