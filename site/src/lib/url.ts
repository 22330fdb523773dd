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
