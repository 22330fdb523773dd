import { describe, expect, it } from 'vitest';
import { embedCode, escapeHtml } from './embed-code';

const base = {
  origin: 'https://chiffres.example',
  view: { chart: 'benevoles', lang: 'fr' as const },
  title: 'Bénévoles « 2016 » & "co"',
  height: 560,
};

describe('embed code', () => {
  it('is an accessible, lazy, responsive iframe plus the optional script', () => {
    const code = embedCode(base);
    expect(code).toMatch(/^<iframe src="https:\/\/chiffres\.example\/embed\/benevoles" /);
    expect(code).toContain('title="Bénévoles « 2016 » &amp; &quot;co&quot;"');
    expect(code).toContain('aria-label="Graphique\u202f: Bénévoles');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain('style="width:0;min-width:100%!important;border:none;height:560px"');
    expect(code).toMatch(/<\/iframe><script async src="https:\/\/chiffres\.example\/embed\.js"><\/script>$/);
  });

  it('leaves the script out when asked, and caps the width for oEmbed', () => {
    const code = embedCode({ ...base, script: false, maxWidth: 400 });
    expect(code).not.toContain('<script');
    expect(code).toContain('width:100%;max-width:400px;');
  });

  it('escapes every attribute character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
