/**
 * The words of the charts' one-sentence summaries (summary.ts), one dictionary a language.
 * Each entry takes pieces already formatted (figures, year lists) and says them in its
 * language's grammar; summary.ts decides which sentence fits the rows. It sits below the
 * main dictionaries (i18n.ts imports the summaries), so it imports only format.ts.
 */
import { deFigure, formatList, type Lang } from './format';

/** « de bénévoles », « d'adhérents ». */
export function deNoun(noun: string): string {
  return /^[aeiouyhâàéèêëîïôöûüœ]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The way a figure went between the two compared years; `same` when the qualifiers leave it open. */
export type Way = 'up' | 'down' | 'same';

export interface SummaryWords {
  /** The metric as the sentence's subject: a count (« le nombre de bénévoles ») or a label. */
  subject: (label: string, noun: string, count: boolean) => string;
  gaps: (runs: string) => string;
  /** Earlier rows left out: `cut` is the break's public reason, absent for a change of unit. */
  notCompared: (years: string, one: boolean, since: number, reason?: string) => string;
  inferred: (list: string, many: boolean) => string;
  /** The aside for inferred years (also used by the key figures' headline). */
  inferredAside: (years: readonly string[]) => string;
  seriesNone: (subject: string) => string;
  seriesOne: (subject: string, year: number, figure: string, comparable: boolean) => string;
  seriesStayed: (subject: string, from: number, to: number, figure: string, gaps: string) => string;
  seriesSame: (subject: string, from: number, to: number, figure: string, gaps: string) => string;
  seriesChanged: (
    subject: string,
    from: number,
    to: number,
    a: string,
    b: string,
    gaps: string,
    way: Way,
  ) => string;
  asideNoFigure: (runs: string) => string;
  asideOneEarlier: (year: number) => string;
  asideEarlier: (since: number) => string;
  multiplesNone: (noun: string) => string;
  multiplesOne: (noun: string, figure: string, year: number, asides: string) => string;
  multiplesSame: (noun: string, figure: string, from: number, to: number, asides: string) => string;
  multiplesChanged: (noun: string, from: string, to: string, asides: string) => string;
  clauseSeparator: string;
  regionsNone: (year: number, noun: string) => string;
  regionsOnly: (year: number, name: string, noun: string, figure: string, others: number) => string;
  regionsUnranked: (year: number, known: number, total: number, noun: string) => string;
  regionsRanked: (
    year: number,
    known: number,
    total: number,
    noun: string,
    top: string,
    figure: string,
  ) => string;
  partnersNone: (year: number) => string;
  partnersWith: (year: number, associations: string, count: number, list: string) => string;
  partners: (year: number, count: number, list: string) => string;
}

/** "rose from 90 to 151", "fell from…"; "went from" when the qualifiers leave the way open. */
const EN_VERB: Record<Way, string> = { up: 'rose', down: 'fell', same: 'went' };

const fr: SummaryWords = {
  subject: (label, noun, count) => (count ? `le nombre ${deNoun(noun)}` : `le chiffre « ${label} »`),
  gaps: (runs) => ` (pas de chiffre connu pour ${runs})`,
  notCompared: (years, one, since, reason) => {
    const these = one ? `Le chiffre de ${years}` : `Les chiffres d’avant ${since} (${years})`;
    if (reason !== undefined)
      return ` ${reason} ${these} ${one ? 'n’est donc pas comparé' : 'ne sont donc pas comparés'}.`;
    return ` ${these} ${one ? 'ne compte pas la même chose et n’est pas comparé' : 'ne comptent pas la même chose et ne sont pas comparés'}.`;
  },
  inferred: (list, many) =>
    many
      ? ` Les années des chiffres de ${list} sont déduites de pages non datées.`
      : ` L’année du chiffre de ${list} est déduite d’une page non datée.`,
  inferredAside: (years) =>
    `année${years.length > 1 ? 's' : ''} ${formatList(years, 'fr')} déduite${years.length > 1 ? 's' : ''}`,
  seriesNone: (subject) => `Aucun chiffre n’est publié pour ${subject}.`,
  seriesOne: (subject, year, figure, comparable) =>
    `${comparable ? 'Un seul chiffre comparable' : 'Un seul chiffre est connu'} : en ${year}, ${subject} était ${deFigure(figure)}.`,
  seriesStayed: (subject, from, to, figure, gaps) =>
    `De ${from} à ${to}, ${subject} est resté à ${figure}${gaps}.`,
  seriesSame: (subject, from, to, figure, gaps) =>
    `En ${from} comme en ${to}, ${subject} était ${deFigure(figure)}${gaps}.`,
  seriesChanged: (subject, from, to, a, b, gaps) =>
    `De ${from} à ${to}, ${subject} est passé ${deFigure(a)} à ${b}${gaps}.`,
  asideNoFigure: (runs) => `sans chiffre pour ${runs}`,
  asideOneEarlier: (year) => `chiffre de ${year} non comparé`,
  asideEarlier: (since) => `chiffres d’avant ${since} non comparés`,
  multiplesNone: (noun) => `aucun chiffre pour les ${noun}`,
  multiplesOne: (noun, figure, year, asides) => `${noun} : ${figure} (${year})${asides}`,
  multiplesSame: (noun, figure, from, to, asides) => `${noun} : ${figure} en ${from} comme en ${to}${asides}`,
  multiplesChanged: (noun, from, to, asides) => `${noun} : de ${from} à ${to}${asides}`,
  clauseSeparator: ' ; ',
  regionsNone: (year, noun) => `En ${year}, aucune région n’a de chiffre publié ${deNoun(noun)}.`,
  regionsOnly: (year, name, noun, figure, others) =>
    `En ${year}, seule la région ${name} a un chiffre publié ${deNoun(noun)} : ${figure} ; les ${others} autres régions connues n’en ont pas.`,
  regionsUnranked: (year, known, total, noun) =>
    `En ${year}, ${known} régions sur ${total} ont un chiffre publié ${deNoun(noun)} ; leurs sources ne comptent pas la même chose, elles ne sont donc pas classées.`,
  regionsRanked: (year, known, total, noun, top, figure) =>
    `En ${year}, ${known} régions sur ${total} ont un chiffre publié ${deNoun(noun)} ; ${top} vient en tête avec ${figure}.`,
  partnersNone: (year) => `Aucun pays partenaire n’est publié pour ${year}.`,
  partnersWith: (year, associations, count, list) =>
    `En ${year}, La Cimade travaillait avec ${associations} associations partenaires dans ${count} pays : ${list}.`,
  partners: (year, count, list) =>
    `En ${year}, La Cimade avait des partenaires dans ${count} pays : ${list}.`,
};

const en: SummaryWords = {
  subject: (label, noun, count) => (count ? `the number of ${noun}` : `the figure “${label}”`),
  gaps: (runs) => ` (no figure known for ${runs})`,
  notCompared: (years, one, since, reason) => {
    const these = one ? `The ${years} figure` : `Figures before ${since} (${years})`;
    if (reason !== undefined) return ` ${reason} ${these} ${one ? 'is' : 'are'} therefore not compared.`;
    return ` ${these} ${one ? 'counts' : 'count'} something else and ${one ? 'is' : 'are'} not compared.`;
  },
  inferred: (list, many) =>
    many
      ? ` The years of the ${list} figures are inferred from undated pages.`
      : ` The year of the ${list} figure is inferred from an undated page.`,
  inferredAside: (years) =>
    years.length > 1
      ? `years of the ${years.join(' and ')} figures inferred from undated pages`
      : `year of the ${years[0]} figure inferred from an undated page`,
  seriesNone: (subject) => `No figure is published for ${subject}.`,
  seriesOne: (subject, year, figure, comparable) =>
    `${comparable ? 'Only one comparable figure' : 'Only one figure is known'}: in ${year}, ${subject} was ${figure}.`,
  seriesStayed: (subject, from, to, figure, gaps) =>
    `From ${from} to ${to}, ${subject} stayed at ${figure}${gaps}.`,
  seriesSame: (subject, from, to, figure, gaps) =>
    `${capitalise(subject)} was ${figure} in both ${from} and ${to}${gaps}.`,
  seriesChanged: (subject, from, to, a, b, gaps, way) =>
    `From ${from} to ${to}, ${subject} ${EN_VERB[way]} from ${a} to ${b}${gaps}.`,
  asideNoFigure: (runs) => `no figure for ${runs}`,
  asideOneEarlier: (year) => `${year} figure not compared`,
  asideEarlier: (since) => `figures before ${since} not compared`,
  multiplesNone: (noun) => `no figure for ${noun}`,
  multiplesOne: (noun, figure, year, asides) => `${noun}: ${figure} (${year})${asides}`,
  multiplesSame: (noun, figure, from, to, asides) => `${noun}: ${figure} in both ${from} and ${to}${asides}`,
  multiplesChanged: (noun, from, to, asides) => `${noun}: from ${from} to ${to}${asides}`,
  clauseSeparator: '; ',
  regionsNone: (year, noun) => `In ${year}, no region has a published figure for ${noun}.`,
  regionsOnly: (year, name, noun, figure, others) =>
    `In ${year}, only ${name} has a published figure for ${noun}: ${figure}; the other ${others} known regions have none.`,
  regionsUnranked: (year, known, total, noun) =>
    `In ${year}, ${known} of ${total} regions have a published figure for ${noun}; their sources do not count the same thing, so they are not ranked.`,
  regionsRanked: (year, known, total, noun, top, figure) =>
    `In ${year}, ${known} of ${total} regions have a published figure for ${noun}; ${top} comes first with ${figure}.`,
  partnersNone: (year) => `No partner country is published for ${year}.`,
  partnersWith: (year, associations, count, list) =>
    `In ${year}, La Cimade worked with ${associations} partner associations in ${count} countries: ${list}.`,
  partners: (year, count, list) => `In ${year}, La Cimade had partners in ${count} countries: ${list}.`,
};

const WORDS: Record<Lang, SummaryWords> = { fr, en };

export const summaryWords = (lang: Lang): SummaryWords => WORDS[lang];
