const numbers = new Intl.NumberFormat();

/** A number in the user's locale. */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** `1 node`, `1,234 nodes`. */
export function countOf(n: number, one: string, many: string): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

const units = ['bytes', 'KB', 'MB', 'GB'];

/** A file size as people read it: `812 bytes`, `14.2 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${numbers.format(value)} ${units[0]}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A duration in seconds as `42 s` or `3 min 05 s`. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
