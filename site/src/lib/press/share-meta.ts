/**
 * What goes in a chart page's `<head>` so that a pasted link shows the chart: oEmbed
 * discovery, Open Graph and Twitter card with the chart's 1200×630 picture. Built as one
 * HTML string (rendered with `{@html}`), which costs the page's JavaScript far less than
 * eighteen elements compiled for hydration. Client-safe, pure.
 */
import type { Lang } from '../format';
import { t } from '../i18n';
import { CARD, downloadPath, pagePath, type ChartView } from './charts';
import { escapeHtml } from './embed-code';

/** `<link rel="alternate" type="application/json+oembed">` for a chart's page. */
export function discoveryLink(origin: string, view: ChartView, title: string): string {
  const page = `${origin}${pagePath({ ...view, theme: undefined })}`;
  const href = `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="${escapeHtml(title)}">`;
}

/** Open Graph and Twitter card tags for a page: its title, description, address and picture. */
export function cardMeta(o: {
  title: string;
  description: string;
  url: string;
  image: string;
  lang: Lang;
}): string {
  const og: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', t(o.lang).siteTitle],
    ['og:locale', t(o.lang).press.ogLocale],
    ['og:title', o.title],
    ['og:description', o.description],
    ['og:url', o.url],
    ['og:image', o.image],
    ['og:image:type', 'image/png'],
    ['og:image:width', String(CARD.width)],
    ['og:image:height', String(CARD.height)],
    ['og:image:alt', o.description],
  ];
  const twitter: [string, string][] = [
    ['twitter:card', 'summary_large_image'],
    ['twitter:title', o.title],
    ['twitter:description', o.description],
    ['twitter:image', o.image],
    ['twitter:image:alt', o.description],
  ];
  return [
    ...og.map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c)}">`),
    ...twitter.map(([n, c]) => `<meta name="${n}" content="${escapeHtml(c)}">`),
  ].join('');
}

export function shareMeta(o: {
  origin: string;
  view: ChartView;
  title: string;
  summary: string;
  lang: Lang;
}): string {
  const image = `${o.origin}${downloadPath(o.view, 'png', { format: 'card' })}`;
  const url = `${o.origin}${pagePath(o.view).replace(/#.*$/, '')}`;
  return (
    discoveryLink(o.origin, o.view, o.title) +
    cardMeta({ title: o.title, description: o.summary, url, image, lang: o.lang })
  );
}

/** A page with no chart of its own (`/sources`): the home's trends as its picture. */
export const pageMeta = (o: {
  origin: string;
  path: string;
  title: string;
  description: string;
  lang: Lang;
}): string =>
  cardMeta({
    ...o,
    url: `${o.origin}${o.path}`,
    image: `${o.origin}${downloadPath({ chart: 'tendances', lang: o.lang }, 'png', { format: 'card' })}`,
  });
