/**
 * The code a journalist pastes: a responsive iframe that works alone, plus an optional
 * script (`/embed.js`, under 2 KB) that resizes it to its content. Client-safe and pure.
 */
import { escapeHtml } from '../html';
import { colon } from '../format';
import { t } from '../i18n';
import { embedPath, type ChartView } from './charts';

export { escapeHtml };

export interface EmbedCodeOptions {
  /** `https://chiffres.lacimade.org`: embeds are pasted elsewhere, so every URL is absolute. */
  origin: string;
  view: ChartView;
  /** The chart's title, for the iframe's accessible name. */
  title: string;
  /** First height in px, until the embed reports its own. */
  height: number;
  /** @default true */
  script?: boolean;
  /** Caps the width (oEmbed's maxwidth); full width of the column when absent. */
  maxWidth?: number;
}

/**
 * `width: 0; min-width: 100%` fills the column and works around iOS Safari sizing an iframe
 * to its content; no `scrolling="no"`, so that without any script a tall chart still scrolls.
 */
export function embedCode(o: EmbedCodeOptions): string {
  const src = `${o.origin}${embedPath(o.view)}`;
  // A capped width cannot use the min-width trick (min-width wins over max-width).
  const width = o.maxWidth
    ? ['width:100%', `max-width:${o.maxWidth}px`]
    : ['width:0', 'min-width:100%!important'];
  const style = [...width, 'border:none', `height:${o.height}px`].join(';');
  const label = `${t(o.view.lang).press.chart}${colon(o.view.lang)} ${o.title}`;
  const iframe =
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(o.title)}" aria-label="${escapeHtml(label)}" ` +
    `loading="lazy" style="${style}" data-cimade-embed></iframe>`;
  return o.script === false
    ? iframe
    : `${iframe}<script async src="${escapeHtml(o.origin)}/embed.js"></script>`;
}
