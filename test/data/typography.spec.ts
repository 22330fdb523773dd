/**
 * Every public string as the site shows it, in French typography for French text (the
 * typographic apostrophe, a narrow no-break space before « : ; ! ? », no-break spaces inside
 * « ») and the typographic apostrophe in English: the dictionaries, then every text read from
 * data/ (metric names and descriptions, region and country names, the reasons of breaks, the
 * sources' titles and the passages quoted), shaped as the pages shape them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFigureRows } from '../../functions/src/core/figure-rows';
import { metrics, regions } from '../../functions/src/core/reference';
import type { PublishedYear } from '../../functions/src/core/schema';
import type { Lang } from '../../site/src/lib/format';
import { t } from '../../site/src/lib/i18n';
import { keyLabel, metricInfo, rowsOf } from '../../site/src/lib/server/shape';

/** What is wrong with a text's typography, each problem with the text around it. */
function typographyProblems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  const around = (i: number) => `…${text.slice(Math.max(0, i - 15), i + 15)}…`;
  for (const m of text.matchAll(/\p{L}'\p{L}/gu)) out.push(`straight apostrophe: ${around(m.index)}`);
  for (const m of text.matchAll(/"/g)) out.push(`straight quotation mark: ${around(m.index)}`);
  if (lang === 'fr') {
    for (const m of text.matchAll(/(^|[^\u202f\u00a0:;!?])([:;!?])(?=\s|$)/g))
      out.push(`no narrow no-break space before « ${m[2]} »: ${around(m.index)}`);
    for (const m of text.matchAll(/«(?!\u00a0)/g)) out.push(`no no-break space after «: ${around(m.index)}`);
    for (const m of text.matchAll(/(?<!\u00a0)»/g)) out.push(`no no-break space before »: ${around(m.index)}`);
  }
  return out;
}

function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function')
    out.set(path, String((value as (...a: unknown[]) => unknown)(...[2016, 3, 'X'].slice(0, value.length))));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

const LANGS: Lang[] = ['fr', 'en'];

describe('typography of every public string', () => {
  it('catches what it is meant to catch', () => {
    expect(typographyProblems("l'appel d’offres", 'fr')).toHaveLength(1);
    expect(typographyProblems('Nos actions: Prison', 'fr')).toHaveLength(1);
    expect(typographyProblems('Nos actions : Prison', 'fr')).toHaveLength(1);
    expect(typographyProblems('« un »', 'fr')).toHaveLength(2);
    expect(typographyProblems('«\u00a0un\u00a0» et\u202f: https://x.org/?a=1 à 10:30', 'fr')).toEqual([]);
    expect(typographyProblems('Note: it’s “fine”', 'en')).toEqual([]);
    expect(typographyProblems('people "advised" together', 'en')).toHaveLength(2);
  });

  it.each(LANGS)('the dictionary (%s)', (lang) => {
    const problems = [...leaves(t(lang))].flatMap(([key, text]) =>
      typographyProblems(text, lang).map((p) => `${key}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it.each(LANGS)('texts from data/ as the pages show them (%s)', (lang) => {
    const years: PublishedYear[] = parseFigureRows(
      readFileSync(new URL('../../data/figures.csv', import.meta.url), 'utf8'),
    ).years.map((y) => ({ ...y, version: 1, publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'La Cimade' }));
    const texts: [string, string, Lang][] = [];
    for (const m of metrics) {
      const info = metricInfo(m.id, lang);
      texts.push([`${m.id} label`, info.label, lang], [`${m.id} unit`, info.unit, lang]);
      texts.push([`${m.id} description`, info.description ?? '', lang]);
    }
    for (const r of regions) texts.push([`region ${r.slug}`, keyLabel(`region.${r.slug}.volunteers`, lang), lang]);
    const keys = new Set(years.flatMap((y) => y.figures.map((f) => f.metric)));
    for (const key of keys)
      for (const row of rowsOf(years, key, lang)) {
        // Sources are French whatever the page's language.
        texts.push([`${key} ${row.year} source`, row.source.title, 'fr']);
        if (row.source.quote) texts.push([`${key} ${row.year} quote`, row.source.quote, 'fr']);
        if (row.cut?.kind === 'break') texts.push([`${key} ${row.year} break`, row.cut.reason, lang]);
      }
    expect(texts.length).toBeGreaterThan(300);
    const problems = texts.flatMap(([where, text, l]) => typographyProblems(text, l).map((p) => `${where}: ${p}`));
    expect(problems).toEqual([]);
  });
});
