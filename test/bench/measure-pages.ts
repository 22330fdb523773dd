/**
 * What a page costs a phone: its HTML (raw, gzip, brotli), whether its chart is drawn in that
 * HTML (readable without JavaScript), and the JavaScript a browser loads for it.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../support/browser';

export interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
}

/** gzip level 9 and brotli quality 11: what a CDN serving precompressed assets achieves. */
export function compressedSizes(body: Buffer): Compressed {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export interface PageCost {
  html: Compressed;
  /** The HTML, as served, holds an SVG chart with marks: readable without JavaScript. */
  chartWithoutJs: boolean;
  js: Compressed & { files: number };
}

const sum = (xs: Compressed[]): Compressed => ({
  raw: xs.reduce((s, x) => s + x.raw, 0),
  gzip: xs.reduce((s, x) => s + x.gzip, 0),
  brotli: xs.reduce((s, x) => s + x.brotli, 0),
});

export async function measurePages(urls: string[]): Promise<PageCost[]> {
  const browser = await launchChromium();
  try {
    const costs: PageCost[] = [];
    for (const url of urls) {
      const html = Buffer.from(await (await fetch(url)).arrayBuffer());
      const markup = html.toString('utf8');
      const chartWithoutJs = /<svg[\s\S]*?<(?:rect|path|circle)\b[\s\S]*?<\/svg>/.test(
        markup.replace(/<script[\s\S]*?<\/script>/g, ''),
      );
      const page = await browser.newPage();
      const scripts: Promise<Compressed>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script')
          scripts.push(response.body().then(compressedSizes));
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.close();
      const js = await Promise.all(scripts);
      costs.push({ html: compressedSizes(html), chartWithoutJs, js: { ...sum(js), files: js.length } });
    }
    return costs;
  } finally {
    await browser.close();
  }
}
