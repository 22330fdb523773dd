import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeedYears } from '../../local/seed';
import { figuresFromTable } from './figure-rows';
import { decodeText, readSpreadsheet } from './spreadsheet';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)));
const seeded = (year: number) => readSeedYears().find((y) => y.year === year);

describe('decodeText', () => {
  const text = 'Rapport d’activité — œuvre, 5 €';
  it.each([
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf-8',
    ],
    ['UTF-8 without', Buffer.from(text, 'utf8'), 'utf-8'],
    [
      'UTF-16 (Excel’s « Texte Unicode »)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16le',
    ],
    // As Windows-1252 writes it: ’ is 0x92, — 0x97, œ 0x9C, € 0x80.
    [
      'Windows-1252',
      Buffer.from([
        ...Buffer.from('Rapport d', 'latin1'),
        0x92,
        ...Buffer.from('activit\xe9 ', 'latin1'),
        0x97,
        0x20,
        0x9c,
        ...Buffer.from('uvre, 5 ', 'latin1'),
        0x80,
      ]),
      'windows-1252',
    ],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text, encoding });
  });
});

describe('readSpreadsheet', () => {
  it('reads French Excel’s CSV (Windows-1252, `;`, decimal comma, U+00A0, CRLF) into exactly the figures of data/', async () => {
    const read = await readSpreadsheet(fixture('excel-fr-2019.csv'));
    expect(read).toMatchObject({ format: 'csv', encoding: 'windows-1252' });
    const { years, problems } = figuresFromTable(read.table);
    expect(problems).toEqual([]);
    expect(years).toEqual([seeded(2019)]);
    expect(JSON.stringify(years)).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });

  it('reads LibreOffice’s XLSX (number cells, French headers) into exactly the figures of data/', async () => {
    const read = await readSpreadsheet(fixture('libreoffice-2022.xlsx'));
    expect(read.format).toBe('xlsx');
    const { years, problems } = figuresFromTable(read.table);
    expect(problems).toEqual([]);
    expect(years).toEqual([seeded(2022)]);
  });

  it('refuses a file that is neither text nor a workbook', async () => {
    await expect(readSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      name: 'NotASpreadsheet',
    });
    await expect(readSpreadsheet(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).rejects.toMatchObject({
      name: 'NotASpreadsheet',
    });
  });
});
