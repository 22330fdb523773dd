import { describe, expect, it } from 'vitest';
import { readSeedYears } from '../../local/seed';
import { figure } from '../../../test/support/fixtures';
import { parseFigureRows } from './figure-rows';
import { toImportModel } from './import-model';
import { decodeText } from './spreadsheet';

describe('the import model', () => {
  it('is read back by the import exactly as it was written: every year of data/', () => {
    const years = readSeedYears();
    const { years: back, problems } = parseFigureRows(toImportModel(years));
    expect(problems).toEqual([]);
    expect(back).toEqual(years);
  });

  it('round-trips what data/ lacks: year notes over lines, decimals, ranges, countries, notes, formula-like text', () => {
    const years = [
      {
        year: 2024,
        notes: 'Chiffres provisoires.\nÀ confirmer ; « voir le rapport ».',
        figures: [
          figure('retention_staff_fte', 72.5, { qualifier: 'about', confidence: 'high' }),
          figure('retention_volunteers_cra', 30, { upper: 40, qualifier: 'approx', note: '=SUM(A1)' }),
          figure('partner_countries', 2, {
            countries: ['MA', 'SN'],
            source: { title: '@Rapport', url: 'https://e.org', quote: '-- « citation » ;' },
          }),
          figure('net_result_eur', -1.5),
        ],
      },
    ];
    const { years: back, problems } = parseFigureRows(toImportModel(years));
    expect(problems).toEqual([]);
    expect(back).toEqual(years);
  });

  it('is written as French Excel writes a CSV: BOM, `;`, decimal comma, CRLF, French headers and words', () => {
    const model = toImportModel([
      { year: 2024, figures: [figure('retention_staff_fte', 72.5, { qualifier: 'more_than' })] },
    ]);
    expect(decodeText(new TextEncoder().encode(model)).text.split('\r\n').slice(0, 2)).toEqual([
      'Année;Indicateur;Valeur;Précision;Unité;Titre de la source;Lien de la source;Citation;Fiabilité;Pays;Note;Notes sur l’année',
      '2024;Équipe salariée en rétention (ETP);72,5;plus de;;Test source;https://example.org/source;;;;;',
    ]);
    expect(model.startsWith('\uFEFF')).toBe(true);
  });
});
