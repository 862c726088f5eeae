import { fireEvent, waitFor } from '@testing-library/react'

/**
 * Types into a Taro <Input>/<Textarea>: their web components render a native field a tick
 * after mounting; set its value and fire `input`, as a keyboard would.
 */
export async function typeInto(host: Element | null, value: string): Promise<void> {
  if (!host) throw new Error('no such field')
  const native = await waitFor(() => {
    const el = host.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')
    if (!el) throw new Error('field not rendered yet')
    return el
  })
  native.value = value
  fireEvent.input(native)
}
