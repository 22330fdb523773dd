/**
 * What a journalist takes away: oEmbed answers and discovery links, the PNG (with its text:
 * we render it, save it and look for the title's ink), SVG, CSV that a spreadsheet parser
 * reads with accents and no formula, JSON, the press kit, social cards, framing headers,
 * and embeds light enough (HTML under 14 KB compressed, one inline script of about 1.3 KB).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { screenshotPath, systemAndBrowser } from '../support/browser';
import { SOFFICE } from '../support/provision';

const BUDGET = 14 * 1024;
const run = promisify(execFile);
/** Every embeddable chart (site/src/lib/press/charts.ts, CHART_IDS). */
const CHART_IDS = [
  'tendances',
  'personnes',
  'personnes-cote-a-cote-1',
  'benevoles',
  'benevoles-cote-a-cote-1',
  'retention-prison',
  'retention-prison-cote-a-cote-1',
  'retention-prison-cote-a-cote-2',
  'hebergement',
  'international-cote-a-cote',
  'regions',
  'international',
];
const pngSize = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};
const attr = (html: string, tag: RegExp, name: string) =>
  tag
    .exec(html)?.[0]
    .match(new RegExp(`${name}="([^"]*)"`))?.[1]
    ?.replaceAll('&amp;', '&');

describe('press exports', () => {
  const running = systemAndBrowser();
  const get = (path: string, init?: RequestInit) =>
    fetch(path.startsWith('http') ? path : `${running.system.origin}${path}`, init);

  it('keeps every embed under 14 KB compressed, with one small inline script (no framework JavaScript)', async () => {
    const sizes: string[] = [];
    for (const chart of CHART_IDS)
      for (const query of ['', '?lang=en&theme=dark']) {
        const res = await get(`/embed/${chart}${query}`);
        expect(res.status, chart).toBe(200);
        expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*(;|$)/);
        expect(res.headers.get('set-cookie')).toBeNull();
        const html = Buffer.from(await res.arrayBuffer());
        const gz = gzipSync(html, { level: 9 }).length;
        const br = brotliCompressSync(html).length;
        const text = html.toString();
        const scripts = [...text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
        expect(scripts.map((s) => s[1]!.trim())).toEqual([`data-chart="${chart}"`]); // one inline script, no src
        expect(text).not.toMatch(/<link[^>]+rel="modulepreload"/);
        expect(gz, `${chart}${query} gzip`).toBeLessThan(BUDGET);
        expect(br, `${chart}${query} brotli`).toBeLessThan(BUDGET);
        sizes.push(
          `${chart}${query}: ${html.length} B, gzip ${gz} B, brotli ${br} B, script ${scripts[0]![2]!.length} B`,
        );
      }
    console.log(sizes.join('\n'));
    const parent = await get('/embed.js');
    expect(parent.headers.get('content-type')).toMatch(/javascript/);
    expect((await parent.arrayBuffer()).byteLength).toBeLessThan(2048);
  });

  it('frames embeds anywhere and no other page', async () => {
    for (const path of ['/', '/benevoles', '/en/volunteers', '/oembed?url=x'])
      expect((await get(path)).headers.get('content-security-policy'), path).toMatch(
        /frame-ancestors 'none'(;|$)/,
      );
    expect((await get('/embed/tendances')).headers.get('content-security-policy')).toMatch(
      /frame-ancestors \*(;|$)/,
    );
  });

  it('answers oEmbed with every field rich requires, found through the discovery links of pages and embeds', async () => {
    for (const path of [
      '/benevoles?metric=employees',
      '/en/detention-and-prisons',
      '/embed/hebergement?lang=en',
    ]) {
      const html = await (await get(path)).text();
      const href = attr(html, /<link rel="alternate" type="application\/json\+oembed"[^>]*>/, 'href');
      expect(href, path).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oembed\?url=/);
      const res = await get(href!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const o = (await res.json()) as Record<string, unknown>;
      expect(o).toMatchObject({
        type: 'rich',
        version: '1.0',
        provider_name: expect.any(String),
        provider_url: `${running.system.origin}/`,
      });
      for (const field of ['html', 'title', 'thumbnail_url']) expect(typeof o[field], field).toBe('string');
      for (const field of ['width', 'height', 'thumbnail_width', 'thumbnail_height'])
        expect(Number.isInteger(o[field]), field).toBe(true);
      expect(o.title).not.toMatch(/[<>]/);
      expect(o.html).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\//);
      const thumb = await get(o.thumbnail_url as string);
      expect(thumb.headers.get('content-type')).toBe('image/png');
      expect(pngSize(new Uint8Array(await thumb.arrayBuffer()))).toEqual({
        width: o.thumbnail_width,
        height: o.thumbnail_height,
      });
      // The iframe in the answer loads the chart.
      const src = attr(o.html as string, /<iframe[^>]*>/, 'src')!;
      expect((await get(src)).status).toBe(200);
    }
    const q = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);
    expect((await q('https://www.example.org/benevoles')).status).toBe(404);
    expect((await q(`${running.system.origin}/sources`)).status).toBe(404);
    expect((await q(`${running.system.origin}/embed/pas-un-graphique`)).status).toBe(404);
    expect((await q(`${running.system.origin}/benevoles`, '&format=xml')).status).toBe(501);
    const small = (await (
      await q(`${running.system.origin}/benevoles`, '&maxwidth=300&maxheight=280')
    ).json()) as { width: number; height: number };
    expect(small.width).toBeLessThanOrEqual(300);
    expect(small.height).toBeLessThanOrEqual(280);
  });

  it('renders the PNG on the server from the SVG, with its text, at 1× and 2×', async () => {
    const svg = await (await get('/embed/benevoles.svg')).text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800"/);
    expect(svg).toContain('>Bénévoles</text>');
    expect(svg).toMatch(/données au \d{1,2} \S+ \d{4} · CC BY 4\.0/);
    const one = new Uint8Array(await (await get('/embed/benevoles.png')).arrayBuffer());
    const two = new Uint8Array(await (await get('/embed/benevoles.png?scale=2')).arrayBuffer());
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(pngSize(one)).toEqual({ width: 800, height });
    expect(pngSize(two)).toEqual({ width: 1600, height: height * 2 });
    const path = screenshotPath('press-benevoles-png');
    writeFileSync(path, one);
    writeFileSync(
      screenshotPath('press-tendances-png-en'),
      new Uint8Array(await (await get('/embed/tendances.png?lang=en')).arrayBuffer()),
    );
    writeFileSync(
      screenshotPath('press-card'),
      new Uint8Array(await (await get('/embed/benevoles.png?format=card')).arrayBuffer()),
    );

    // The title's ink: dark pixels where the SVG puts the title's first line (resvg drops
    // text silently when it has no font, which would leave that band blank).
    const page = await running.browser.newPage();
    const ink = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), {
        width: img.width,
        height: img.height,
      });
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const band = (y0: number, y1: number) => {
        const { data } = ctx.getImageData(32, y0, 300, y1 - y0);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
        return dark;
      };
      return { title: band(34, 62), margin: band(4, 28) };
    }, Buffer.from(one).toString('base64'));
    await page.close();
    expect(ink.margin).toBe(0);
    expect(ink.title).toBeGreaterThan(400);
  });

  it('keeps research notes out of every public page, picture, embed and export, and the credit in two lines', async () => {
    // The research notes of data/ (figures.csv's `note`), and the words they are made of.
    const data = csvParse(readFileSync(new URL('../../data/figures.csv', import.meta.url), 'utf8'));
    const notes = [...new Set(data.map((r) => r.note ?? '').filter(Boolean))].map((n) =>
      n.replace(/\.$/, ''),
    );
    expect(notes.length).toBeGreaterThan(5);
    // (Saying in public that a year was inferred, « année déduite d’une page non datée », is the site's own wording, not a note.)
    const research = /campagne utm|état de page|date non affichée|\(\d{4}\) \(\d{4}\)/i;
    const decode = (s: string) =>
      s
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const leaks: string[] = [];
    const look = (what: string, text: string) => {
      const plain = decode(text);
      if (research.test(plain)) leaks.push(`${what}: ${research.exec(plain)![0]}`);
      for (const n of notes) if (plain.includes(n)) leaks.push(`${what}: ${n}`);
    };
    for (const path of ['/', '/sources', '/benevoles', '/retention-prison', '/regions', '/international'])
      look(path, await (await get(path)).text());
    for (const chart of CHART_IDS) {
      for (const ext of ['', '.csv', '.json'])
        look(`/embed/${chart}${ext}`, await (await get(`/embed/${chart}${ext}`)).text());
      for (const query of ['', '?format=card', '?lang=en&year=2018']) {
        const res = await get(`/embed/${chart}.svg${query}`);
        if (chart === 'international' && query.includes('year=')) expect(res.status).toBe(404); // partner countries are known for fewer years
        if (res.status === 404) continue;
        const svg = await res.text();
        look(`/embed/${chart}.svg${query}`, svg);
        const credit = [...svg.matchAll(/<text[^>]*class="credit"[^>]*>(.*?)<\/text>/g)].map((m) =>
          m[1]!.replace(/<[^>]+>/g, ''),
        );
        expect(credit.length, `${chart}${query}`).toBeGreaterThanOrEqual(1);
        expect(credit.length, `${chart}${query}`).toBeLessThanOrEqual(2);
        expect(credit.join(' · '), `${chart}${query}`).toMatch(
          /^Sources?\u202f?: .+ · La Cimade (en chiffres|in figures) · (données au|data as of) .+ · CC BY 4\.0/,
        );
      }
    }
    const files = unzipSync(new Uint8Array(await (await get('/embed/tendances.zip')).arrayBuffer()));
    for (const [name, bytes] of Object.entries(files))
      if (name.endsWith('.xlsx'))
        for (const [part, xml] of Object.entries(unzipSync(bytes))) look(`${name}/${part}`, strFromU8(xml));
      else if (!name.endsWith('.png')) look(name, strFromU8(bytes));
    expect(leaks).toEqual([]);
  });

  it('treats the maps as charts: PNG, SVG, CSV, JSON and zip, the panel and the shared-link card on their pages', async () => {
    for (const map of ['regions', 'international']) {
      const svg = await (await get(`/embed/${map}.svg`)).text();
      expect(svg, map).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800"/);
      expect(svg).toMatch(/<path d="M/);
      const png = new Uint8Array(await (await get(`/embed/${map}.png?scale=2`)).arrayBuffer());
      expect(pngSize(png)).toEqual({ width: 1600, height: 2 * Number(/height="(\d+)"/.exec(svg)![1]) });
      writeFileSync(
        screenshotPath(`press-${map}-png`),
        new Uint8Array(await (await get(`/embed/${map}.png`)).arrayBuffer()),
      );
      const card = new Uint8Array(await (await get(`/embed/${map}.png?format=card&lang=en`)).arrayBuffer());
      expect(pngSize(card)).toEqual({ width: 1200, height: 630 });
      const csv = csvParse((await (await get(`/embed/${map}.csv`)).text()).replace(/^\uFEFF/, ''));
      expect(csv.length).toBeGreaterThan(0);
      expect(csv.columns).toContain(map === 'regions' ? 'region' : 'country');
      for (const row of csv) expect(row.source_url).toMatch(/^https?:\/\//);
      const doc = (await (await get(`/embed/${map}.json?lang=en`)).json()) as {
        licence: { id: string };
        places: unknown[];
        citation: string;
      };
      expect(doc.licence.id).toBe('CC-BY-4.0');
      expect(doc.places.length).toBeGreaterThan(0);
      expect(doc.citation).toMatch(/^La Cimade in figures, “.+” \(\d{4}\), from /);
      const zip = unzipSync(new Uint8Array(await (await get(`/embed/${map}.zip`)).arrayBuffer()));
      expect(Object.keys(zip).some((n) => n.endsWith('@2x.png'))).toBe(true);
      expect(strFromU8(zip['README.md']!)).toContain('Creative Commons Attribution 4.0');
      // Maps get the XLSX the charts have: headers in words, numbers as numbers, dates as dates.
      const xlsx = new Uint8Array(await (await get(`/embed/${map}.xlsx`)).arrayBuffer());
      const stem = Object.keys(zip).find((n) => n.endsWith('.xlsx'))!;
      // The same sheet as the kit's (the bytes differ: the workbook records when it was written).
      const [header, ...sheet] = (await readSheet(xlsx.slice().buffer)) as unknown[][];
      expect(await readSheet(zip[stem]!.slice().buffer), map).toEqual([header, ...sheet]);
      expect(header, map).toContain(map === 'regions' ? 'Région' : 'Pays');
      expect(header).toContain('Publié le');
      expect(sheet.length).toBe(csv.length);
      for (const row of sheet) {
        expect(typeof row[0], map).toBe('number');
        expect(row[header!.indexOf('Publié le')]).toBeInstanceOf(Date);
      }
      if (map === 'regions')
        for (const row of sheet) expect(typeof row[header!.indexOf('Valeur')], map).toBe('number');
      const html = await (await get(`/${map}`)).text();
      expect(html).toContain('Intégrer · Télécharger');
      expect(attr(html, /<meta property="og:image"[^>]*>/, 'content')).toBe(
        `${running.system.origin}/embed/${map}.png?format=card`,
      );
    }
    expect((await get('/embed/regions.png?year=1990')).status).toBe(404);
    expect((await get('/embed/international.csv?metric=volunteers')).status).toBe(404);
  });

  it('carries its fonts in the SVG, so that every text lies inside the picture where Noto Sans is not installed', async () => {
    // This machine has no Noto Sans (Debian's Chromium falls back to DejaVu Sans and others):
    // the SVG must bring it. Every text's box inside the picture, and no two texts overlapping.
    const page = await running.browser.newPage();
    // Every chart, maps included, in both languages, as a figure and as the shared-link card.
    for (const path of [
      ...CHART_IDS.flatMap((chart) =>
        ['', '?lang=en', '?format=card', '?format=card&lang=en'].map((q) => `/embed/${chart}.svg${q}`),
      ),
      '/embed/benevoles.svg?year=2016',
    ]) {
      await page.goto(`${running.system.origin}${path}`);
      const found = await page.evaluate(async () => {
        await document.fonts.ready;
        const svg = document.documentElement as unknown as SVGSVGElement;
        const W = svg.width.baseVal.value;
        const H = svg.height.baseVal.value;
        const boxes = [...document.querySelectorAll('text')].map((t) => {
          const b = t.getBBox();
          return { text: t.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
        });
        const outside = boxes
          .filter((b) => b.x < -0.5 || b.y < -0.5 || b.x + b.w > W + 0.5 || b.y + b.h > H + 0.5)
          .map((b) => b.text);
        const overlaps: string[] = [];
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
            const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
            if (dx > 1 && dy > 3) overlaps.push(`${a.text} / ${b.text}`);
          }),
        );
        const noto = [...document.fonts].filter(
          (f) => f.family.replace(/["']/g, '') === 'Noto Sans' && f.status === 'loaded',
        ).length;
        return { outside, overlaps, noto, texts: boxes.length };
      });
      expect(found.texts, path).toBeGreaterThan(5);
      expect(found.noto, path).toBeGreaterThanOrEqual(1);
      expect(found.outside, path).toEqual([]);
      expect(found.overlaps, path).toEqual([]);
    }
    // To look at (a screenshot of the SVG document itself waits for fonts forever): as images.
    await page.goto(`${running.system.origin}/sources`);
    await page.setContent(
      `<body style="margin:0">${['tendances.svg', 'regions.svg'].map((f) => `<img src="${running.system.origin}/embed/${f}">`).join('')}</body>`,
    );
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await page.screenshot({ path: screenshotPath('press-svg-chromium'), fullPage: true });
    await page.close();
  });

  it('shows La Cimade’s key figures for a year as its own page did: « Quelques chiffres pour 2016 », with their qualifiers', async () => {
    const text = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      return (await res.text()).replace(/<[^>]+>/g, ' ').replace(/[ \t\n]+/g, ' ');
    };
    const fr = await text('/embed/chiffres-cles?year=2016');
    expect(fr).toContain('Quelques chiffres pour 2016');
    // The seed's block (La Cimade, « Missions »), each figure with the qualifier the source gives.
    for (const figure of [
      '100\u202f000 Personnes accompagnées',
      '2\u202f000 Bénévoles',
      '83 Groupes locaux',
      'plus d’une dizaine Centres et locaux de rétention',
      'une centaine Établissements pénitentiaires',
      'près de 200 Personnes hébergées',
      '8 Pays partenaires',
      '14 Associations partenaires',
    ])
      expect(fr).toContain(figure);
    // The source's title in French typography: a no-break space inside « ».
    expect(fr).toContain('«\u00a0Quelques chiffres pour 2016\u00a0»');
    expect(fr).toMatch(/CC BY 4\.0/);
    const en = await text('/embed/chiffres-cles?year=2016&lang=en&theme=dark');
    expect(en).toContain('A few figures for 2016');
    expect(en).toMatch(/(more than|over) (10|ten|a dozen)/i);
    expect(await text('/embed/chiffres-cles')).toMatch(/Quelques chiffres pour \d{4}/);
    expect((await get('/embed/chiffres-cles?year=1950')).status).toBe(404);
    const page = await running.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${running.system.origin}/embed/chiffres-cles?year=2016`);
    await page.screenshot({ path: screenshotPath('press-key-figures-320'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('gives CSV a spreadsheet reads right: BOM, accents, no cell that starts a formula', async () => {
    for (const path of [
      '/embed/benevoles.csv',
      '/embed/tendances.csv?lang=en',
      '/embed/retention-prison-cote-a-cote-1.csv?year=2017',
    ]) {
      const res = await get(path);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="cimade-[a-z0-9-]+\.csv"$/,
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = csvParse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.columns).toEqual([
        'year',
        'metric',
        'label',
        'value',
        'upper',
        'qualifier',
        'unit',
        'source_title',
        'source_url',
        'published_at',
      ]);
      for (const row of rows) {
        for (const cell of Object.values(row))
          if (!/^-?\d+(\.\d+)?$/.test(cell ?? '')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(row.source_url).toMatch(/^https?:\/\//);
        expect(row.published_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (path.includes('year=2017'))
        expect(Math.max(...rows.map((r) => Number(r.year)))).toBeLessThanOrEqual(2017);
    }
    const fr = csvParse((await (await get('/embed/benevoles.csv')).text()).replace(/^\uFEFF/, ''));
    expect(fr[0]!.label).toBe('Bénévoles');
    expect(fr.some((r) => /[éèàçô«»’]/.test(r.source_title ?? ''))).toBe(true);
  });

  it('gives the CSV French Excel opens in columns (?format=excel-fr), as LibreOffice reads it in a French locale', async () => {
    // A French desk double-clicks the file: Excel splits on the locale's list separator « ; »,
    // reads « 1,5 » and « 01/03/2024 » as a number and a date. LibreOffice's import with the
    // same settings (separator 59 « ; », quote 34, UTF-8 76, locale 1036 fr-FR) is the real reader here.
    const dir = mkdtempSync(join(tmpdir(), 'excel-fr-'));
    const sheetOf = async (name: string, body: Uint8Array): Promise<unknown[][]> => {
      writeFileSync(join(dir, name), body);
      // Asynchronous, so that the test's sockets to the server stay served while LibreOffice runs.
      await run(
        SOFFICE,
        [
          '--headless',
          '--infilter=CSV:59,34,76,1,,1036',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          join(dir, name),
        ],
        { env: { ...process.env, HOME: dir, LANG: 'fr_FR.UTF-8' }, timeout: 120_000 },
      );
      const xlsx = new Uint8Array(readFileSync(join(dir, name.replace(/\.csv$/, '.xlsx'))));
      return (await readSheet(xlsx.buffer)) as unknown[][];
    };
    try {
      for (const path of ['/embed/benevoles', '/embed/tendances', '/embed/regions', '/embed/international']) {
        const res = await get(`${path}.csv?format=excel-fr`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-disposition')).toMatch(/filename="cimade-[\w.-]+-excel-fr\.csv"/);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect([...bytes.slice(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
        const text = new TextDecoder().decode(bytes);
        expect(text.split('\r\n').length, path).toBeGreaterThan(2);
        expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        const plain = csvParse((await (await get(`${path}.csv`)).text()).replace(/^\uFEFF/, ''));
        const name = path.split('/').at(-1)!;
        const [header, ...rows] = await sheetOf(`${name}.csv`, bytes);
        // Every column in its own cell, every row as many cells, as the RFC 4180 CSV has.
        expect(header, path).toEqual(plain.columns);
        expect(rows.length, path).toBe(plain.length);
        rows.forEach((row, i) => {
          const want = plain[i]!;
          plain.columns.forEach((c, j) => {
            const got = row[j] ?? '';
            if (/^-?\d+(\.\d+)?$/.test(want[c]!)) expect(got, `${path} ${c}`).toBe(Number(want[c]));
            else if (c === 'published_at')
              expect(got, `${path} ${c}`).toEqual(new Date(`${want[c]}T00:00:00Z`));
            else expect(String(got), `${path} ${c}`).toBe(want[c]);
          });
        });
      }
      // The RFC 4180 file opened the same way stays in one column: the reason for the second form.
      const rfc = new Uint8Array(await (await get('/embed/benevoles.csv')).arrayBuffer());
      expect((await sheetOf('rfc.csv', rfc))[0]).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bad = await get('/embed/benevoles.csv?format=excel');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe(
      'format must be excel-fr for a .csv download, or absent for RFC 4180 CSV (got "excel")',
    );
    expect((await get('/embed/benevoles.json?format=excel-fr')).status).toBe(400);
    expect((await get('/embed/benevoles.png?format=cards')).status).toBe(400);
  }, 240_000);

  it('gives JSON with sources, years, publication date and citation', async () => {
    const doc = (await (await get('/embed/benevoles.json?year=2016&lang=en')).json()) as Record<
      string,
      unknown
    > & { series: { rows: { year: number; source: { url: string } }[] }[] };
    expect(doc).toMatchObject({
      title: 'Volunteers',
      lang: 'en',
      pinnedYear: 2016,
      years: [expect.any(Number), 2016],
      licence: { id: 'CC-BY-4.0' },
    });
    expect(doc.citation).toMatch(
      /^La Cimade in figures, “Volunteers” \(\d{4}–2016\), from .+, data as of \d{1,2} \w+ \d{4}, CC BY 4\.0 licence\. http/,
    );
    expect(doc.series[0]!.rows.every((r) => r.year <= 2016 && r.source.url.startsWith('http'))).toBe(true);
  });

  it('packs a press kit: PNG, SVG, CSV, XLSX, JSON and a bilingual README', async () => {
    const res = await get('/embed/benevoles.zip?year=2016');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="cimade-benevoles-volunteers-2016.zip"',
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const stem = 'cimade-benevoles-volunteers-2016';
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.md',
        ...['.csv', '-excel-fr.csv', '.json', '.png', '.svg', '.xlsx', '@2x.png'].map((e) => stem + e),
      ].sort(),
    );
    const readme = strFromU8(files['README.md']!);
    expect(readme).toMatch(/FR : La Cimade en chiffres, « Bénévoles » \(\d{4}–2016\), d’après /);
    expect(readme).toMatch(/EN: La Cimade in figures, “Volunteers” \(\d{4}–2016\), from /);
    expect(readme).toContain('Creative Commons Attribution 4.0');
    const xlsx = unzipSync(files[`${stem}.xlsx`]!);
    const sheets = Object.keys(xlsx).filter((k) => k.startsWith('xl/worksheets/'));
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    const strings =
      strFromU8(xlsx['xl/sharedStrings.xml'] ?? new Uint8Array()) +
      sheets.map((s) => strFromU8(xlsx[s]!)).join('');
    expect(strings).toContain('Bénévoles');
    // French headers, the source as a link, the publication date as a date (a number with a date style).
    expect(strings).toContain('Lien de la source');
    expect(strings).toMatch(/<f>HYPERLINK\("https?:/);
    expect(strings).toContain('Licence');
    expect(pngSize(files[`${stem}@2x.png`]!).width).toBe(1600);
  });

  it('makes a shared link of a chart page show the chart', async () => {
    const html = await (await get('/en/detention-and-prisons?metric=prisons')).text();
    const meta = (p: string) => attr(html, new RegExp(`<meta (?:property|name)="${p}"[^>]*>`), 'content');
    expect(meta('og:title')).toBe('Prisons');
    expect(meta('og:image')).toBe(
      `${running.system.origin}/embed/retention-prison.png?metric=prisons&lang=en&format=card`,
    );
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:description')).toMatch(/prisons/);
    const image = await get(meta('og:image')!);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await image.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect(await (await get('/embed/nope.png')).status).toBe(404);
    expect(await (await get('/embed/benevoles.gif')).status).toBe(404);
    expect(await (await get('/embed/benevoles.png?scale=3')).status).toBe(400);
    expect(await (await get('/embed/benevoles?year=1900')).status).toBe(404);
    expect(await (await get('/embed/benevoles?metric=prisons')).status).toBe(404);
  });
});
