/**
 * The audit log in staff's words, French and English: what kind of change, about what, and
 * each field-level change as « Bénévoles — Île-de-France, valeur : 2 000 → 2 100 ». The
 * journal page and its CSV and XLSX exports say the same words from here.
 */
import type { AuditEntry } from './audit-entry';
import type { Change } from './diff';
import { metricKeyLabel } from './labels';
import type { Action } from './editing-repository';
import type { CatalogueAction } from './catalogue-repository';

export type AuditLang = 'fr' | 'en';

/** Every kind the sources write: the type checker wants words for each, in both languages. */
export type AuditKind =
  | `year.${Action}`
  /** An approval undone because the scheduler did not take its schedule (review.ts `scheduleFailed`). */
  | 'year.schedule-failed'
  | `catalogue.${CatalogueAction}`
  | 'embargo.create'
  | 'embargo.revoke';

const fr = {
  kinds: {
    'year.seed': 'Chiffres initiaux',
    'year.save': 'Brouillon enregistré',
    'year.import': 'Import d’un tableau',
    'year.restore': 'Restauration',
    'year.publish': 'Publication',
    'year.discard': 'Brouillon abandonné',
    'year.submit': 'Soumis à relecture',
    'year.send-back': 'Renvoyé avec un commentaire',
    'year.approve': 'Approuvé',
    'year.reschedule': 'Publication programmée déplacée',
    'year.unschedule': 'Publication programmée annulée',
    'year.schedule-failed': 'Programmation impossible : approbation annulée',
    'catalogue.seed': 'Catalogue initial',
    'catalogue.save': 'Brouillon du catalogue enregistré',
    'catalogue.publish': 'Catalogue publié',
    'catalogue.restore': 'Catalogue restauré (version antérieure)',
    'embargo.create': 'Lien sous embargo créé',
    'embargo.revoke': 'Lien sous embargo retiré',
  } satisfies Record<AuditKind, string> as Record<string, string>,
  /** Kinds by family, for a kind no word is known for yet. */
  families: { year: 'Année', catalogue: 'Catalogue', embargo: 'Lien sous embargo' } as Record<string, string>,
  subject: {
    year: (y: number) => `Année ${y}`,
    embargo: (y: number) => `Lien sous embargo, ${y}`,
    catalogue: (part?: string, key?: string) => ['Catalogue', part, key].filter(Boolean).join(' · '),
  },
  fields: {
    value: 'valeur',
    upper: 'haut de fourchette',
    qualifier: 'précision',
    unit: 'unité',
    confidence: 'fiabilité',
    countries: 'pays',
    note: 'note interne',
    'source.title': 'titre de la source',
    'source.url': 'lien de la source',
    'source.quote': 'citation',
    notes: 'notes sur l’année',
    '(added)': 'ajouté',
    '(removed)': 'retiré',
  } as Record<string, string>,
  qualifiers: { exact: 'exact', approx: 'près de', about: 'environ', more_than: 'plus de' } as Record<
    string,
    string
  >,
  confidence: { high: 'élevée', medium: 'moyenne' } as Record<string, string>,
  yearNotes: 'Notes sur l’année',
  seedAuthor: 'import initial (data/)',
  empty: '(vide)',
  columns: {
    date: 'Date (heure de Paris)',
    by: 'Personne',
    kind: 'Modification',
    code: 'Code',
    subject: 'Objet',
    year: 'Année',
    version: 'Version',
    what: 'Indicateur',
    field: 'Champ',
    before: 'Avant',
    after: 'Après',
    comment: 'Commentaire',
    scheduledFor: 'Publication prévue (heure de Paris)',
  },
  sheet: 'Journal',
};

type Words = typeof fr;

const en: Words = {
  kinds: {
    'year.seed': 'Initial figures',
    'year.save': 'Draft saved',
    'year.import': 'Spreadsheet import',
    'year.restore': 'Restore',
    'year.publish': 'Publication',
    'year.discard': 'Draft discarded',
    'year.submit': 'Submitted for review',
    'year.send-back': 'Sent back with a comment',
    'year.approve': 'Approved',
    'year.reschedule': 'Scheduled publication moved',
    'year.unschedule': 'Scheduled publication cancelled',
    'year.schedule-failed': 'Could not be scheduled: approval undone',
    'catalogue.seed': 'Initial catalogue',
    'catalogue.save': 'Catalogue draft saved',
    'catalogue.publish': 'Catalogue published',
    'catalogue.restore': 'Catalogue restored (earlier version)',
    'embargo.create': 'Embargoed link created',
    'embargo.revoke': 'Embargoed link revoked',
  } satisfies Record<AuditKind, string>,
  families: { year: 'Year', catalogue: 'Catalogue', embargo: 'Embargoed link' },
  subject: {
    year: (y) => `Year ${y}`,
    embargo: (y) => `Embargoed link, ${y}`,
    catalogue: (part, key) => ['Catalogue', part, key].filter(Boolean).join(' · '),
  },
  fields: {
    value: 'value',
    upper: 'upper bound',
    qualifier: 'precision',
    unit: 'unit',
    confidence: 'confidence',
    countries: 'countries',
    note: 'internal note',
    'source.title': 'source title',
    'source.url': 'source link',
    'source.quote': 'quote',
    notes: 'notes on the year',
    '(added)': 'added',
    '(removed)': 'removed',
  },
  qualifiers: { exact: 'exact', approx: 'nearly', about: 'about', more_than: 'more than' },
  confidence: { high: 'high', medium: 'medium' },
  yearNotes: 'Notes on the year',
  seedAuthor: 'initial import (data/)',
  empty: '(empty)',
  columns: {
    date: 'Date (Paris time)',
    by: 'Person',
    kind: 'Change',
    code: 'Code',
    subject: 'Subject',
    year: 'Year',
    version: 'Version',
    what: 'Metric',
    field: 'Field',
    before: 'Before',
    after: 'After',
    comment: 'Comment',
    scheduledFor: 'Scheduled publication (Paris time)',
  },
  sheet: 'Audit log',
};

export const auditWords = (lang: AuditLang): Words => (lang === 'en' ? en : fr);

/** « Publication », or for a kind no word is known for, its family and code: « Catalogue (catalogue.publish) ». */
export function sayKind(kind: string, lang: AuditLang): string {
  const w = auditWords(lang);
  const known = w.kinds[kind];
  if (known) return known;
  const family = w.families[kind.split('.')[0] ?? ''];
  return family ? `${family} (${kind})` : kind;
}

export function saySubject(e: AuditEntry, lang: AuditLang): string {
  const w = auditWords(lang).subject;
  const s = e.subject;
  return s.type === 'year'
    ? w.year(s.year)
    : s.type === 'embargo'
      ? w.embargo(s.year)
      : w.catalogue(s.part, s.key);
}

/** Who, as staff say it: the figures loaded from data/ are not a person. */
export const sayWho = (who: string, lang: AuditLang): string =>
  who.startsWith('seed:') ? auditWords(lang).seedAuthor : who;

/** A change's value: a number stays a number (each reader formats it), a code becomes its word. */
export type ChangeValue = string | number | undefined;

function valueOf(field: string, v: unknown, lang: AuditLang): ChangeValue {
  const w = auditWords(lang);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return v;
  if (field === 'qualifier' && typeof v === 'string') return w.qualifiers[v] ?? v;
  if (field === 'confidence' && typeof v === 'string') return w.confidence[v] ?? v;
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export interface ChangeWords {
  /** The figure: « Bénévoles — Île-de-France », or « Notes sur l’année ». */
  what: string;
  field: string;
  before: ChangeValue;
  after: ChangeValue;
}

export function sayChange(c: Change, lang: AuditLang): ChangeWords {
  const w = auditWords(lang);
  return {
    what: c.metric === 'notes' ? w.yearNotes : metricKeyLabel(c.metric, lang),
    field: w.fields[c.field] ?? c.field,
    before: valueOf(c.field, c.before, lang),
    after: valueOf(c.field, c.after, lang),
  };
}
