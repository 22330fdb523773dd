/**
 * Keyboard movement between a chart's marks: arrows step, Home and End jump. `nextIndex` is
 * the pure rule, tested in Node; `focusNextMark` applies it to a chart's `[data-mark]`s.
 */
export function nextIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Moves focus from mark `i` of `root` to the mark the key asks for, and answers its index;
 * `undefined` when the key moves nothing (the event is then left alone).
 */
export function focusNextMark(
  e: KeyboardEvent,
  i: number,
  count: number,
  root: Element | undefined,
): number | undefined {
  const next = nextIndex(e.key, i, count);
  if (next === undefined) return undefined;
  e.preventDefault();
  root?.querySelectorAll<SVGElement>('[data-mark]')[next]?.focus();
  return next;
}
