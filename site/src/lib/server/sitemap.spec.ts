import { describe, expect, it } from 'vitest';
import { sitemapXml } from './sitemap';

describe('sitemapXml', () => {
  const xml = sitemapXml('https://chiffres.example.org');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

  it('lists every public page in French and in English, at absolute URLs', () => {
    expect(locs).toEqual(
      [
        ['/', '/en'],
        ['/personnes', '/en/people-supported'],
        ['/benevoles', '/en/volunteers'],
        ['/regions', '/en/regions'],
        ['/international', '/en/international'],
        ['/retention-prison', '/en/detention-and-prisons'],
        ['/hebergement', '/en/housing'],
        ['/sources', '/en/sources'],
      ].flatMap((pair) => pair.map((p) => `https://chiffres.example.org${p}`)),
    );
  });

  it('names each page in the other language, and lists no staff page or embed', () => {
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="https://chiffres.example.org/en/regions"/>',
    );
    expect(xml).toContain(
      '<url><loc>https://chiffres.example.org/en/volunteers</loc><xhtml:link rel="alternate" hreflang="fr" href="https://chiffres.example.org/benevoles"/><xhtml:link rel="alternate" hreflang="en" href="https://chiffres.example.org/en/volunteers"/><xhtml:link rel="alternate" hreflang="x-default" href="https://chiffres.example.org/benevoles"/></url>',
    );
    expect(xml).not.toMatch(/admin|embed/);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
      ),
    ).toBe(true);
  });
});
