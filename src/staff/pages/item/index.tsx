import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ItemPanel } from '../../components/item-panel'
import './index.scss'

/** One item on its own page: what a phone (and the mini-program) opens from the inbox. */
export default function Item() {
  const id = useRouter().params.id ?? ''
  return (
    <PageShell className='item'>
      <ItemPanel id={id} />
    </PageShell>
  )
}
