/** The charts an embargoed preview offers to embed: each theme's main chart (the key figures too). */
import { SERIES_THEMES } from '$lib/themes';

export { viewFromQuery } from '$lib/press/charts';

export const SERIES_EMBED_IDS: readonly string[] = SERIES_THEMES.map((t) => t.slug);

/** `/embargo/<token>/embed/<chart>?year=…&lang=…`: the address an embed under embargo is framed at. */
export function embargoEmbedUrl(base: string, chart: string, year: number, lang: 'fr' | 'en'): string {
  const query = new URLSearchParams({ year: String(year) });
  if (lang !== 'fr') query.set('lang', lang);
  return `${base}/embed/${chart}?${query}`;
}

/** A plain responsive iframe: under embargo the resize script is not offered (no public address yet). */
export const embargoEmbedCode = (src: string, title: string, height: number): string =>
  `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" style="width: 0; min-width: 100% !important; border: none;" height="${height}" scrolling="no" loading="lazy"></iframe>`;
