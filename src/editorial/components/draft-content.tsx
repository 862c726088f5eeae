import { Image, Text, View } from '@tarojs/components'
import type { Block, DraftContent as Content, TextRun } from '../../../domain/draft/content'
import './draft-content.scss'

export interface DraftContentProps {
  content: Content
  /** Signed photo links by media id (the draft's cases' photos). */
  photoUrls: ReadonlyMap<string, string>
  /** Marks blocks that have comments or flags; tapping one selects it (comments anchor there). */
  marked?: ReadonlySet<string>
  selected?: string | null
  onSelect?: (blockId: string) => void
}

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((r, i) => (
        <Text key={i} className={['draft-content__run', ...(r.marks ?? []).map((m) => `draft-content__run--${m}`)].join(' ')}>
          {r.text}
        </Text>
      ))}
    </>
  )
}

function BlockView({ block, photoUrls }: { block: Block; photoUrls: ReadonlyMap<string, string> }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <View className='draft-content__p'>
          <Runs runs={block.runs} />
        </View>
      )
    case 'heading':
      return (
        <View className={`draft-content__h draft-content__h--${block.level}`} role='heading'>
          <Runs runs={block.runs} />
        </View>
      )
    case 'list':
      return (
        <View className='draft-content__list' role='list'>
          {block.items.map((item, i) => (
            <View key={i} className='draft-content__li' role='listitem'>
              <Text className='draft-content__bullet'>{block.ordered ? `${i + 1}.` : '•'}</Text>
              <View className='draft-content__li-text'>
                <Runs runs={item} />
              </View>
            </View>
          ))}
        </View>
      )
    case 'image': {
      const url = photoUrls.get(block.mediaId)
      return (
        <View className='draft-content__figure'>
          {url ? <Image className='draft-content__img' src={url} mode='widthFix' /> : <Text className='zb-hint'>（图片不可用）</Text>}
          <Text className='draft-content__caption'>{block.caption}</Text>
        </View>
      )
    }
  }
}

/**
 * The one renderer of a draft's structured content, for H5 and the mini-program alike: Taro
 * View/Text/Image only, so no user text is ever read as markup (no rich-text, no HTML).
 */
export function DraftContentView({ content, photoUrls, marked, selected, onSelect }: DraftContentProps) {
  return (
    <View className='draft-content'>
      {content.blocks.map((b) => (
        <View
          key={b.id}
          data-block={b.id}
          className={['draft-content__block', marked?.has(b.id) ? 'draft-content__block--marked' : '', selected === b.id ? 'draft-content__block--selected' : ''].filter(Boolean).join(' ')}
          onClick={onSelect ? () => onSelect(b.id) : undefined}
        >
          <BlockView block={b} photoUrls={photoUrls} />
        </View>
      ))}
    </View>
  )
}
DraftContentView.displayName = 'DraftContentView'
