const numbers = new Intl.NumberFormat();

/** A number in the user's locale. */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** `1 node`, `1,234 nodes`. */
export function countOf(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}
