import { escapeHtml } from '../html';

/**
 * The few lines an embed runs inside its iframe: report its height to the host page, in our
 * own message and in the formats hosts already listen for, so auto-height works even where
 * a CMS drops our parent script. Inlined into the embed page as `(childResize)()`, the same
 * text on every embed so that the page's CSP allows it by one hash; the chart id is the script
 * element's `data-chart`. It must stay self-contained (no imports, no closures over module scope).
 */
export function childResize(
  chart = (document.currentScript as HTMLScriptElement | null)?.dataset.chart ?? '',
): void {
  const host = window.parent;
  if (host === window) return;
  const secret = /secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];
  const pym = new URLSearchParams(location.search).get('childId');
  const post = (message: unknown) => host.postMessage(message, '*');
  let last = 0;
  const send = (force?: boolean) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!height || (height === last && !force)) return;
    last = height;
    post({ type: 'cimade:resize', chart, height, href: location.href });
    post({ sentinel: 'amp', type: 'embed-size', height });
    post({ 'datawrapper-height': { [chart]: height } });
    // WordPress clamps to 200–1000 px and only listens to iframes it gave this secret.
    if (secret) post({ secret, message: 'height', value: height });
    if (pym) post(`pymxPYMx${pym}xPYMxheightxPYMx${height}`);
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  addEventListener('load', () => send(true));
  // Our parent script asks when it starts after the embed has already reported.
  addEventListener('message', (e) => {
    if (e.source === host && (e.data as { type?: unknown } | null)?.type === 'cimade:request-height')
      send(true);
  });
  // In WordPress's sandbox, links to the chart's page go through the host, as its own embeds do.
  if (secret)
    document.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (a && a.host === location.host) {
        e.preventDefault();
        post({ secret, message: 'link', value: a.href });
      }
    });
}

/** The script element's text: the function's source, called. Its hash is in the embeds' CSP. */
export const childResizeSource = `(${childResize.toString()})()`;

/** The script element, naming its chart. */
export const childResizeScript = (chart: string): string =>
  `<script data-chart="${escapeHtml(chart)}">${childResizeSource}</script>`;
