/**
 * Which pages the bench measures: the home, and an embed when the site has `/embed/...`
 * routes (found through the embed links its pages offer), else a theme page.
 */
export type PageRole = 'home' | 'embed' | 'theme';

export interface BenchPage {
  role: PageRole;
  path: string;
}

const decode = (s: string) => s.replace(/&amp;/g, '&');

/** Same-origin links of a page, as paths. */
function links(html: string, origin: string): string[] {
  const found = [...html.matchAll(/\b(?:href|src)="([^"#]+)"/g)].map((m) => decode(m[1]!));
  return found.flatMap((href) => {
    try {
      const url = new URL(href, `${origin}/`);
      // An embed code may carry the public origin rather than this one: its path is what counts.
      return url.origin === origin || url.pathname.startsWith('/embed/') ? [url.pathname + url.search] : [];
    } catch {
      return [];
    }
  });
}

/** Embed paths anywhere in a page: in links, or in an embed code shown as text (`&lt;iframe src=&quot;…`). */
function embedPaths(html: string): string[] {
  const text = html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2F;|&#47;/g, '/');
  return [...decode(text).matchAll(/\/embed\/[a-z0-9][a-z0-9-]*(?:\?[^"'\s<>]*)?/g)].map((m) => m[0]);
}

const ok = async (url: string) => (await fetch(url).catch(() => undefined))?.status === 200;

export async function choosePages(origin: string, forced?: string): Promise<BenchPage[]> {
  const home: BenchPage = { role: 'home', path: '/' };
  if (forced) return [home, { role: forced.startsWith('/embed/') ? 'embed' : 'theme', path: forced }];
  const homeHtml = await (await fetch(`${origin}/`)).text();
  const candidates = [...new Set(links(homeHtml, origin))].filter((p) =>
    /^\/(?!_app|api|admin|en\b|embed)[a-z0-9-]+\/?$/.test(p),
  );
  // Embed codes sit on the pages that show a chart: look on the home page, then on each page it links to.
  for (const html of [
    homeHtml,
    ...(await Promise.all(candidates.slice(0, 8).map(async (p) => (await fetch(`${origin}${p}`)).text()))),
  ]) {
    const embed = embedPaths(html)[0];
    if (embed && (await ok(`${origin}${embed}`))) return [home, { role: 'embed', path: embed }];
  }
  // No page offers an embed code yet: try the embed of each page's main chart, `/embed/<page>`.
  for (const path of candidates)
    if (await ok(`${origin}/embed${path}`)) return [home, { role: 'embed', path: `/embed${path}` }];
  for (const path of candidates) if (await ok(`${origin}${path}`)) return [home, { role: 'theme', path }];
  return [home];
}
