// H5 (and any platform without WeChat's phone button): the number is typed in, nothing else.
// The mini-program's button is phone-button.weapp.tsx, picked by the weapp build.

export interface PhoneButtonProps {
  /** The number WeChat handed over, to put in the field (the citizen may still change it). */
  onPhone: (phone: string) => void
}

export function PhoneButton(_props: PhoneButtonProps) {
  return null
}
