/**
 * The words of the journal page (« Journal des modifications »), French and English. What a
 * change was and each field-level change are said by the core (`$core/audit-words`), so that
 * the page and its exports say the same.
 */
import type { Lang } from '$lib/format';
import type { FilterName } from './journal';

const fr = {
  nav: 'Journal',
  title: 'Journal des modifications',
  intro:
    'Chaque modification des chiffres, de toutes les années, avec qui et quand, de la plus récente à la plus ancienne. Filtrez par personne, année, type de modification ou période (jours à l’heure de Paris), puis téléchargez ce qui a changé pour le rapport annuel.',
  filters: 'Filtres',
  labels: {
    person: 'Personne',
    year: 'Année',
    kind: 'Type de modification',
    from: 'Du',
    to: 'Au',
  } satisfies Record<FilterName, string>,
  everyone: 'Tout le monde',
  everyYear: 'Toutes les années',
  everyKind: 'Tous les types',
  apply: 'Filtrer',
  clear: 'Effacer les filtres',
  count: (n: number) => (n === 0 ? 'Aucune modification' : n === 1 ? '1 modification' : `${n} modifications`),
  shown: (first: number, last: number, total: number) => `${first} à ${last} sur ${total}`,
  none: 'Aucune modification ne correspond à ces filtres.',
  caption: 'Modifications, de la plus récente à la plus ancienne',
  columns: { when: 'Date', who: 'Personne', what: 'Modification', subject: 'Objet', changes: 'Changements' },
  version: (v: number) => `version ${v}`,
  historyOf: (y: number) => `Historique de ${y}`,
  noChange: 'aucun changement de chiffre',
  moreChanges: (n: number) => (n === 1 ? '1 changement' : `${n} changements`),
  comment: (c: string) => `Raison : « ${c} »`,
  note: (c: string) => `Commentaire : « ${c} »`,
  scheduledFor: (when: string) => `pour le ${when} (heure de Paris)`,
  change: (what: string, field: string) => `${what}, ${field} :`,
  problem: (label: string, expected: string) => `${label} : ${expected}`,
  newer: 'Plus récentes',
  older: 'Plus anciennes',
  export: 'Télécharger ces modifications',
  csv: 'CSV pour Excel',
  xlsx: 'Classeur Excel (XLSX)',
  exportHint: 'Tout ce que les filtres retiennent, une ligne par changement, dates à l’heure de Paris.',
  badFilter: 'Ces filtres ne peuvent pas être appliqués :',
  expected: {
    person: 'une adresse de l’équipe',
    year: 'une année de quatre chiffres',
    kind: 'un type de la liste',
    from: 'un jour (jj/mm/aaaa)',
    to: 'un jour (jj/mm/aaaa), pas avant « Du »',
  } satisfies Record<FilterName, string>,
};

type Words = typeof fr;

const en: Words = {
  nav: 'Audit log',
  title: 'Audit log',
  intro:
    'Every change to the figures, of every year, with who and when, newest first. Filter by person, year, kind of change or period (days in Paris time), then download what changed for the annual report.',
  filters: 'Filters',
  labels: { person: 'Person', year: 'Year', kind: 'Kind of change', from: 'From', to: 'To' },
  everyone: 'Everyone',
  everyYear: 'Every year',
  everyKind: 'Every kind',
  apply: 'Filter',
  clear: 'Clear the filters',
  count: (n) => (n === 0 ? 'No change' : n === 1 ? '1 change' : `${n} changes`),
  shown: (first, last, total) => `${first} to ${last} of ${total}`,
  none: 'No change matches these filters.',
  caption: 'Changes, newest first',
  columns: { when: 'Date', who: 'Person', what: 'Change', subject: 'Subject', changes: 'Changes' },
  version: (v) => `version ${v}`,
  historyOf: (y) => `History of ${y}`,
  noChange: 'no figure changed',
  moreChanges: (n) => (n === 1 ? '1 change' : `${n} changes`),
  comment: (c) => `Reason: “${c}”`,
  note: (c) => `Comment: “${c}”`,
  scheduledFor: (when) => `for ${when} (Paris time)`,
  change: (what, field) => `${what}, ${field}:`,
  problem: (label, expected) => `${label}: ${expected}`,
  newer: 'Newer',
  older: 'Older',
  export: 'Download these changes',
  csv: 'CSV for Excel',
  xlsx: 'Excel workbook (XLSX)',
  exportHint: 'Everything the filters keep, one row per change, dates in Paris time.',
  badFilter: 'These filters cannot be applied:',
  expected: {
    person: 'a staff address',
    year: 'a four-digit year',
    kind: 'a kind from the list',
    from: 'a day (dd/mm/yyyy)',
    to: 'a day (dd/mm/yyyy), not before “From”',
  },
};

export const journalWords = (lang: Lang): Words => (lang === 'en' ? en : fr);
