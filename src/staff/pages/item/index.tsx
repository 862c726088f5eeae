import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { itemPage } from '@/services/routes'
import { ItemPanel } from '../../components/item-panel'
import './index.scss'

/** One item on its own page: what a phone (and the mini-program) opens from the inbox. */
export default function Item() {
  const id = useRouter().params.id ?? ''
  return (
    <PageShell className='item'>
      <ItemPanel
        id={id}
        // One page for both kinds: its title says which this is once it has loaded.
        onLoaded={(d) => void Taro.setNavigationBarTitle({ title: d.kind === 'case' ? '事例详情' : '留言详情' })}
        // Merged into another item: that one is what is left to work on.
        onMerged={(survivor) => {
          if (survivor !== id) void Taro.redirectTo({ url: itemPage(survivor) })
        }}
      />
    </PageShell>
  )
}
