// Pages deeper than base.wxml's template levels (config `mini.baseLevel`) render their lower
// levels inside Taro's recursive `comp` component, as in WeChat; miniprogram-simulate's
// querySelectorAll sees one component's shadow tree only, so these look into every `comp` too.

export interface SimNode {
  dom: Element
  dispatchEvent(event: string, detail?: unknown): void
  querySelectorAll(selector: string): SimNode[]
}

interface ExparserNode {
  childNodes?: ExparserNode[]
  shadowRoot?: ExparserNode
  __componentNode__?: SimNode
}

// j-component exports only its RootComponent; its base class wraps any component node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RootComponent = require('j-component/src/render/component') as { new (node: ExparserNode): SimNode }
const Wrapper = Object.getPrototypeOf(RootComponent) as { new (node: ExparserNode): SimNode }

function* componentsIn(node: ExparserNode): Generator<ExparserNode> {
  for (const child of node.childNodes ?? []) {
    if (child.shadowRoot) yield child
    yield* componentsIn(child)
  }
}

/** Every node matching `selector` in the component's tree and in the `comp` components below it. */
export function deepAll(root: SimNode, selector: string): SimNode[] {
  const shadow = (root as unknown as { _exparserNode: ExparserNode })._exparserNode.shadowRoot
  const nested = shadow ? [...componentsIn(shadow)].flatMap((c) => deepAll(c.__componentNode__ ?? new Wrapper(c), selector)) : []
  return [...root.querySelectorAll(selector), ...nested]
}

/** The first node matching `selector` whose text is `text`, at any depth. */
export const deepWithText = (root: SimNode, selector: string, text: string) => deepAll(root, selector).find((n) => n.dom.textContent?.trim() === text)
