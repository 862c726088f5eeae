// The mini-program has no printing: the sheet is read there and printed from the desk (H5).
export const canPrint = false
export function printPage(): void {}
