/**
 * The words of the embargoed previews (issue #16), in French and English, typeset. Client-safe.
 */
import { formatParis } from '$core/paris-time';
import { typeset, type Lang } from '$lib/format';

const fr = {
  notice: (until: string) => `Sous embargo jusqu’au ${until} (heure de Paris)`,
  noticeDetail:
    'Ces chiffres ne sont pas encore publiés : ne les diffusez pas avant la fin de l’embargo. Ils peuvent encore changer d’ici là.',
  title: (year: number) => `Chiffres ${year} de La Cimade — aperçu sous embargo`,
  keyFigures: (year: number) => `Quelques chiffres pour ${year}`,
  charts: 'Les graphiques',
  embeds: 'Intégrer un graphique',
  embedsIntro:
    'Chaque graphique s’intègre dans un article par le code ci-dessous. Sous embargo, il montre la mention d’embargo et ne propose aucun téléchargement ; à la publication, prenez le code du graphique sur le site public.',
  embedCode: 'Code d’intégration',
  openEmbed: 'Ouvrir l’intégration',
  noDownloads: 'Pas de téléchargement sous embargo.',
  gone: 'Ce lien n’est plus valable',
  goneDetail: 'Ce lien d’aperçu a expiré ou a été retiré. Demandez-en un nouveau à La Cimade.',
  notFound: 'Ce lien n’existe pas',
  otherLang: { label: 'English', lang: 'en' as Lang, href: '?lang=en' },
};

const en: typeof fr = {
  notice: (until) => `Under embargo until ${until} (Paris time)`,
  noticeDetail:
    'These figures are not published yet: do not release them before the embargo ends. They may still change until then.',
  title: (year) => `La Cimade’s ${year} figures — preview under embargo`,
  keyFigures: (year) => `A few figures for ${year}`,
  charts: 'The charts',
  embeds: 'Embed a chart',
  embedsIntro:
    'Each chart embeds in an article with the code below. Under embargo it carries the embargo notice and offers no download; once published, take the chart’s code from the public site.',
  embedCode: 'Embed code',
  openEmbed: 'Open the embed',
  noDownloads: 'No downloads under embargo.',
  gone: 'This link is no longer valid',
  goneDetail: 'This preview link has expired or has been withdrawn. Ask La Cimade for a new one.',
  notFound: 'This link does not exist',
  otherLang: { label: 'Français', lang: 'fr', href: '?' },
};

export type EmbargoText = typeof fr;

export const embargoText = (lang: Lang): EmbargoText => (lang === 'fr' ? fr : en);

/** « Sous embargo jusqu’au 10 mars 2026 à 10:00 (heure de Paris) », typeset. */
export const embargoNotice = (embargoUntil: string, lang: Lang): string =>
  typeset(embargoText(lang).notice(formatParis(embargoUntil, lang)), lang);
