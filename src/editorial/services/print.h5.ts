/** The browser prints the page (to paper or PDF); the sheet's @media print styles lay it out on A4. */
export const canPrint = true
export function printPage(): void {
  window.print()
}
