import { describe, expect, it } from 'vitest';
import { discoveryLink, shareMeta } from './share-meta';

describe('share meta', () => {
  const view = { chart: 'benevoles', lang: 'en' as const, metric: 'employees', year: 2016 };
  const html = shareMeta({
    origin: 'https://chiffres.example',
    view,
    title: 'Employees "staff"',
    summary: 'From 2011 <to> 2024.',
    lang: 'en',
  });

  it('shows the chart’s card picture, escaped text and the page’s address', () => {
    expect(html).toContain(
      '<meta property="og:image" content="https://chiffres.example/embed/benevoles.png?metric=employees&amp;year=2016&amp;lang=en&amp;format=card">',
    );
    expect(html).toContain('<meta property="og:title" content="Employees &quot;staff&quot;">');
    expect(html).toContain('<meta property="og:description" content="From 2011 &lt;to&gt; 2024.">');
    expect(html).toContain(
      '<meta property="og:url" content="https://chiffres.example/en/volunteers?metric=employees&amp;year=2016">',
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="og:image:width" content="1200">');
  });

  it('links to the oEmbed answer for the chart’s page', () => {
    expect(discoveryLink('https://chiffres.example', view, 'Employees')).toBe(
      '<link rel="alternate" type="application/json+oembed" href="https://chiffres.example/oembed?url=https%3A%2F%2Fchiffres.example%2Fen%2Fvolunteers%3Fmetric%3Demployees%26year%3D2016%23graphique&amp;format=json" title="Employees">',
    );
  });
});
