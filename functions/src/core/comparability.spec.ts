import { describe, expect, it } from 'vitest';
import { sameUnit } from './comparability';

describe('sameUnit', () => {
  it.each([
    ['the same wording', 'persons', 'persons', true],
    ['two wordings no group joins', 'CRA (France incl. outre-mer)', 'CRA (métropole)', false],
    ['a figure whose unit staff left blank, beside a worded one', undefined, 'persons', true],
    ['an empty wording, beside a worded one', 'persons', '', true],
  ])('%s', (_case, a, b, same) => {
    expect(sameUnit('detention_centres', a, b)).toBe(same);
  });
});
