import { Text } from '@tarojs/components'
import './public-note.scss'

/**
 * Notes entered with an action are shown word for word to the person who submitted the item:
 * there are no internal notes yet, so the field says so where staff type.
 */
export function PublicNoteHint({ audience }: { audience: '留言人' | '报送人' }) {
  return <Text className='zb-public-note'>此内容将向{audience}公开</Text>
}
