/**
 * The sitemap: every public page of the explorer, in French and English, each naming its other
 * language (hreflang), so that a search engine indexes both and shows the reader's own.
 */
import { escapeHtml } from '../html';
import { localPath } from '../i18n';
import { PAGES } from '../themes';

export function sitemapXml(origin: string): string {
  const entries = PAGES.flatMap(({ path }) => {
    const fr = `${origin}${localPath('fr', path)}`;
    const en = `${origin}${localPath('en', path)}`;
    const alternates = [
      `<xhtml:link rel="alternate" hreflang="fr" href="${escapeHtml(fr)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${escapeHtml(en)}"/>`,
      `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(fr)}"/>`,
    ].join('');
    return [fr, en].map((loc) => `<url><loc>${escapeHtml(loc)}</loc>${alternates}</url>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
