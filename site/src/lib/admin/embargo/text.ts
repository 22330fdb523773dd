/** The words of the admin's embargo section (issue #16), in French and English. */
import type { Lang } from '$lib/format';

const fr = {
  heading: 'Aperçu sous embargo pour la presse',
  intro:
    'Un lien signé montre aux journalistes les graphiques et les chiffres clés de cette année avant publication, avec la mention « Sous embargo jusqu’au … » sur chaque vue et chaque intégration. Il montre le brouillon tel qu’il est au moment où on l’ouvre : une modification enregistrée y paraît aussitôt. Après la publication, le lien montre l’année publiée jusqu’à son expiration ou son retrait. Il n’est jamais indexé ni gardé en cache, et ne dit pas qui l’a créé.',
  noDraft: 'Cette année n’a pas de brouillon : il n’y a rien à montrer sous embargo.',
  publishersOnly: 'Seul le groupe publishers peut créer ou retirer un lien.',
  embargoUntil: 'Sous embargo jusqu’au (heure de Paris)',
  expiresAt: 'Le lien expire le (heure de Paris)',
  create: 'Créer le lien',
  creating: 'Création…',
  created: 'Lien créé. Copiez son adresse ci-dessous et envoyez-la aux journalistes.',
  listHeading: 'Liens',
  none: 'Aucun lien pour cette année.',
  state: { active: 'Actif', expired: 'Expiré', revoked: 'Retiré' } as Record<string, string>,
  until: 'Embargo jusqu’au',
  expires: 'Expire le',
  createdBy: (who: string, when: string) => `Créé par ${who} le ${when}`,
  revokedBy: (who: string, when: string) => `Retiré par ${who} le ${when}`,
  address: 'Adresse du lien',
  copy: 'Copier l’adresse',
  copied: 'Adresse copiée.',
  open: 'Ouvrir',
  revoke: 'Retirer le lien',
  revokeConfirm: (until: string) =>
    `Retirer ce lien (embargo jusqu’au ${until}) ? Il répondra aussitôt « Ce lien n’est plus valable » à quiconque l’ouvre, et ne pourra pas être rétabli.`,
  revoked: 'Lien retiré : il ne fonctionne plus.',
  failed: 'L’opération a échoué :',
  problems: {
    embargoUntil: 'Indiquez une date et une heure à venir pour la fin de l’embargo.',
    expiresAt:
      'Indiquez une expiration à venir, au plus tôt à la fin de l’embargo et au plus tard dans 60 jours.',
  } as Record<string, string>,
};

const en: typeof fr = {
  heading: 'Preview under embargo for the press',
  intro:
    'A signed link shows journalists this year’s charts and key figures before publication, with “Under embargo until …” on every view and every embed. It shows the draft as it is when the link is opened: a saved change appears at once. After publication the link shows the published year until it expires or is revoked. It is never indexed or cached, and does not say who made it.',
  noDraft: 'This year has no draft: there is nothing to show under embargo.',
  publishersOnly: 'Only the publishers group may create or revoke a link.',
  embargoUntil: 'Under embargo until (Paris time)',
  expiresAt: 'The link expires on (Paris time)',
  create: 'Create the link',
  creating: 'Creating…',
  created: 'Link created. Copy its address below and send it to journalists.',
  listHeading: 'Links',
  none: 'No link for this year.',
  state: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
  until: 'Embargo until',
  expires: 'Expires on',
  createdBy: (who, when) => `Created by ${who} on ${when}`,
  revokedBy: (who, when) => `Revoked by ${who} on ${when}`,
  address: 'Link address',
  copy: 'Copy the address',
  copied: 'Address copied.',
  open: 'Open',
  revoke: 'Revoke the link',
  revokeConfirm: (until) =>
    `Revoke this link (embargo until ${until})? Anyone opening it will at once read “This link is no longer valid”; it cannot be restored.`,
  revoked: 'Link revoked: it no longer works.',
  failed: 'That did not work:',
  problems: {
    embargoUntil: 'Give a date and time to come for the end of the embargo.',
    expiresAt: 'Give an expiry to come, no earlier than the end of the embargo and at most 60 days ahead.',
  },
};

export const embargoAdminText = (lang: Lang) => (lang === 'fr' ? fr : en);
