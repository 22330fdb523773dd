/**
 * Every view is a link: year and metric live in the query, the language in the path.
 */
export function viewHref(url: URL, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) params.delete(k);
    else params.set(k, String(v));
  }
  const q = params.toString();
  return q ? `${url.pathname}?${q}` : url.pathname;
}

export interface LinkOption {
  key: string;
  label: string;
  href: string;
  current: boolean;
}

/** One link per year, to `href(year)`, the newest first (on a phone the row scrolls, and the latest shows). */
export function yearLinks(
  years: readonly number[],
  current: number | undefined,
  href: (year: number) => string,
): LinkOption[] {
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => ({ key: String(y), label: String(y), href: href(y), current: y === current }));
}

/** One link per metric toggle, for the year on show. */
export function metricLinks(
  url: URL,
  toggles: readonly { id: string; label: string }[],
  year: number | undefined,
  current: string | undefined,
): LinkOption[] {
  return toggles.map((m) => ({
    key: m.id,
    label: m.label,
    href: viewHref(url, { year, metric: m.id }),
    current: m.id === current,
  }));
}
