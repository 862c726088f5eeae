import { useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { Button } from '@/components/ui'
import { answerPrivacy } from '@/services/privacy'
import { PRIVACY_NOTICE_PAGE } from '@/services/routes'
import './index.scss'

/** What stops working without the agreement: said plainly, then the app goes on without it. */
export const DECLINED_EFFECTS = ['不能用微信一键填写手机号（可以手动输入）', '不能获取位置（可以手动填写地点）', '不能拍照或从相册选择照片']

/**
 * Opened by WeChat's onNeedPrivacyAuthorization (services/privacy.weapp.ts). 同意 is WeChat's own
 * `agreePrivacyAuthorization` button (the agreement is given by the tap on it); 拒绝 tells what
 * will not work and returns to where the person was.
 */
export default function PrivacyAuth() {
  const [declined, setDeclined] = useState(false)
  // Leaving the page any other way (back) is no agreement.
  useUnload(() => answerPrivacy(false))

  const agree = () => {
    answerPrivacy(true)
    void Taro.navigateBack()
  }
  const decline = () => {
    answerPrivacy(false)
    setDeclined(true)
  }

  return (
    <PageShell className='privacy-auth'>
      <View className='zb-card'>
        <Text className='zb-title'>使用前请阅读隐私说明</Text>
        <Text className='zb-card__text'>为办理您的留言，我们会在您使用相应功能时收集手机号、位置或照片。我们只用于办理留言，办结后按期限删除联系方式。</Text>
        <Button fill='none' className='privacy-auth__link' onClick={() => void Taro.navigateTo({ url: PRIVACY_NOTICE_PAGE })}>
          查看《隐私说明》
        </Button>
        {declined ? (
          <View className='zb-quote privacy-auth__declined'>
            <Text className='zb-label'>您已拒绝，以下功能将无法使用：</Text>
            {DECLINED_EFFECTS.map((e) => (
              <Text key={e} className='zb-hint privacy-auth__effect'>
                · {e}
              </Text>
            ))}
            <Text className='zb-hint'>留言、查询等其他功能不受影响。</Text>
          </View>
        ) : null}
        <View className='zb-actions'>
          <Button id='agree-btn' type='primary' block openType={'agreePrivacyAuthorization' as never} onClick={agree}>
            同意
          </Button>
          {declined ? (
            <Button block onClick={() => void Taro.navigateBack()}>
              返回继续使用
            </Button>
          ) : (
            <Button block onClick={decline}>
              拒绝
            </Button>
          )}
        </View>
      </View>
    </PageShell>
  )
}
