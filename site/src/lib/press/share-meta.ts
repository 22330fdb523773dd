/**
 * What goes in a chart page's `<head>` so that a pasted link shows the chart: oEmbed
 * discovery, Open Graph and Twitter card with the chart's 1200×630 picture. Built as one
 * HTML string (rendered with `{@html}`), which costs the page's JavaScript far less than
 * eighteen elements compiled for hydration. Client-safe, pure.
 */
import type { Lang } from '../format';
import { CARD, downloadPath, pagePath, type ChartView } from './charts';
import { escapeHtml } from './embed-code';

/** `<link rel="alternate" type="application/json+oembed">` for a chart's page. */
export function discoveryLink(origin: string, view: ChartView, title: string): string {
  const page = `${origin}${pagePath({ ...view, theme: undefined })}`;
  const href = `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="${escapeHtml(title)}">`;
}

export function shareMeta(o: { origin: string; view: ChartView; title: string; summary: string; lang: Lang }): string {
  const image = `${o.origin}${downloadPath(o.view, 'png', { format: 'card' })}`;
  const url = `${o.origin}${pagePath(o.view).replace(/#.*$/, '')}`;
  const og: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', o.lang === 'fr' ? 'La Cimade en chiffres' : 'La Cimade in figures'],
    ['og:locale', o.lang === 'fr' ? 'fr_FR' : 'en_GB'],
    ['og:title', o.title],
    ['og:description', o.summary],
    ['og:url', url],
    ['og:image', image],
    ['og:image:type', 'image/png'],
    ['og:image:width', String(CARD.width)],
    ['og:image:height', String(CARD.height)],
    ['og:image:alt', o.summary],
  ];
  const twitter: [string, string][] = [
    ['twitter:card', 'summary_large_image'],
    ['twitter:title', o.title],
    ['twitter:description', o.summary],
    ['twitter:image', image],
    ['twitter:image:alt', o.summary],
  ];
  return [
    discoveryLink(o.origin, o.view, o.title),
    ...og.map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c)}">`),
    ...twitter.map(([n, c]) => `<meta name="${n}" content="${escapeHtml(c)}">`),
  ].join('');
}
