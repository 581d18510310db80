/**
 * How deeply a parsed JSON value nests, found without recursion: JSON.parse reads a hundred
 * thousand nested brackets without complaint, but any recursive reader after it (a schema, a
 * canonical writer) overflows the stack. Checking first turns that into a clear refusal.
 */

/**
 * The first depth past `max` that `value` reaches (arrays and objects each add a level), or null
 * when it stays within `max`. Linear in the size of the value, and stops at the first excess.
 */
export function depthBeyond(value: unknown, max: number): number | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return depth + 1;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return null;
}
