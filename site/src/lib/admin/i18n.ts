/**
 * Every string of the staff pages, in French and English (the public pages' strings are in
 * $lib/i18n.ts, whose qualifier names and site title this reuses).
 */
import { auditWords } from '$core/audit-words';
import type { Action } from '$core/editing-repository';
import { formatParis } from '$core/paris-time';
import type { Lang } from '$lib/format';
import { t as publicStrings } from '$lib/i18n';

export type { Lang };

/** Who did something, as staff say it: the initial figures loaded from data/ are « La Cimade (chiffres initiaux) », not a file name. */
export const sayWho = (who: string, lang: Lang): string =>
  who.startsWith('seed:') ? dictionaries[lang].seedAuthor : who;
/** Dates as La Cimade lives them, in Paris, wherever the editor's browser is. */
export const formatDate = (iso: string, lang: Lang): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatParis(d, lang);
};

const fr = {
  area: 'Espace équipe',
  seedAuthor: 'import initial (data/)',
  skip: 'Aller au contenu',
  nav: { label: 'Espace équipe', years: 'Les années', import: 'Importer', publicSite: 'Site public' },
  otherLang: { label: 'English', lang: 'en' as Lang, name: 'Use the staff area in English' },
  signedInAs: 'Connecté·e :',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  signInTitle: 'Connexion de l’équipe',
  signInIntro:
    'Cet espace sert à l’équipe de La Cimade à saisir, vérifier et publier les chiffres de chaque année. Connectez-vous avec votre compte de l’équipe.',
  signedOut: 'Vous êtes déconnecté·e.',
  expired:
    'Votre session a expiré ou n’est plus valable : reconnectez-vous. Les modifications non enregistrées de cet onglet sont gardées et reviendront après la connexion.',
  forbidden: (who: string) =>
    `Le compte ${who} n’est pas dans le groupe « editors » : il ne peut ni modifier ni publier les chiffres. Demandez l’accès à un administrateur.`,
  checking: 'Vérification de votre session…',
  notConfigured:
    'La connexion n’est pas configurée sur ce serveur (variables AUTH_AUTHORIZE_URL, AUTH_TOKEN_URL et AUTH_CLIENT_ID).',
  callback: {
    title: 'Connexion en cours…',
    denied: 'La connexion a été refusée.',
    state:
      'Cette réponse de connexion ne correspond à aucune demande faite depuis cet onglet (lien périmé, ou ouvert dans un autre onglet).',
    exchange: 'Le jeton de connexion n’a pas pu être obtenu.',
    retry: 'Recommencer la connexion',
  },
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué.',
  networkError: 'Le serveur ne répond pas. Rien n’est perdu dans le formulaire : réessayez dans un instant.',
  retry: 'Réessayer',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  close: 'Fermer',
  none: '—',

  years: {
    title: 'Les années',
    intro:
      'Chaque année a au plus une version publiée, celle que voit le public, et un brouillon. Modifiez le brouillon, regardez l’aperçu des graphiques, puis publiez.',
    caption: 'Années, version publiée et brouillon',
    year: 'Année',
    published: 'Publiée',
    draft: 'Brouillon',
    actions: 'Actions',
    on: (date: string) => `le ${date}`,
    by: (who: string) => `par ${who}`,
    notPublished: 'non publiée',
    noDraft: 'aucun',
    edit: 'Modifier',
    editYear: (y: number) => `Modifier ${y}`,
    history: 'Historique',
    historyOf: (y: number) => `Historique de ${y}`,
    empty: 'Aucune année n’est encore enregistrée.',
    newTitle: 'Saisir une autre année',
    newLabel: 'Année',
    newHint: (first: number, last: number) =>
      `Une année de ${first} à ${last}. Une année déjà enregistrée s’ouvre telle quelle.`,
    open: 'Ouvrir',
    badYear: (first: number, last: number) => `Indiquez une année entre ${first} et ${last}.`,
  },

  edit: {
    title: (y: number) => `Chiffres de ${y}`,
    back: 'Toutes les années',
    historyLink: 'Historique de cette année',
    statusNew:
      'Nouvelle année : rien n’est encore enregistré. Le public ne verra ces chiffres qu’après la publication.',
    statusPublished: (date: string, who: string) => `Publiée le ${date} par ${who}.`,
    statusNotPublished: 'Jamais publiée : le public ne voit rien de cette année.',
    statusDraft: (date: string, who: string) => `Brouillon enregistré le ${date} par ${who}.`,
    statusNoDraft:
      'Pas de brouillon : le formulaire montre la version publiée, et l’enregistrer crée un brouillon.',
    figuresHeading: 'Les chiffres',
    figure: (n: number) => `Chiffre ${n}`,
    noFigures: 'Aucun chiffre : ajoutez-en un.',
    metric: 'Indicateur',
    chooseMetric: 'Choisir un indicateur…',
    where: 'Portée',
    national: 'National',
    scopes: { region: 'Régions de La Cimade', centre: 'Centres', local_group: 'Groupes locaux' },
    value: 'Valeur',
    valueHint: 'Un nombre (2678, 2 678 ou 2,5) ou une fourchette (150-200).',
    qualifier: 'Précision',
    qualifiers: {
      exact: 'exact',
      approx: '« près de » (approché)',
      about: '« environ » (approché)',
      more_than: '« plus de » (un minimum)',
    },
    unit: 'Unité',
    unitHint: (unit: string) => `Ce que la source compte, si elle le précise. Par défaut : ${unit}.`,
    unitHintNone: 'Ce que la source compte, si elle le précise.',
    sourceTitle: 'Titre de la source',
    sourceUrl: 'Lien de la source',
    sourceUrlHint: 'L’adresse http(s) de la page ou du document.',
    note: 'Note interne (jamais publiée)',
    more: 'Citation, fiabilité, pays',
    quote: 'Citation de la source',
    confidence: 'Fiabilité',
    confidenceNames: { '': 'non précisée', high: 'élevée', medium: 'moyenne' },
    countries: 'Pays partenaires (codes ISO à deux lettres, séparés par des virgules)',
    add: 'Ajouter un chiffre',
    remove: 'Retirer',
    removeLabel: (n: number, what: string) => `Retirer le chiffre ${n}${what ? ` (${what})` : ''}`,
    removed: (n: number) => `Chiffre ${n} retiré.`,
    notes: 'Notes sur l’année',
    notesHint: 'Facultatif : ce qu’un lecteur doit savoir sur les chiffres de cette année.',
    problemsHeading: (n: number) =>
      n === 1 ? '1 problème à corriger avant d’enregistrer' : `${n} problèmes à corriger avant d’enregistrer`,
    warningsHeading: (n: number) =>
      n === 1
        ? '1 point à vérifier (n’empêche pas d’enregistrer)'
        : `${n} points à vérifier (n’empêchent pas d’enregistrer)`,
    valid: 'Le formulaire est valide.',
    checkingWarnings: 'vérification par rapport aux années publiées…',
    unsaved: 'Modifications non enregistrées',
    upToDate: 'Tout est enregistré',
    save: 'Enregistrer le brouillon',
    saving: 'Enregistrement…',
    saved: 'Brouillon enregistré. Il n’est pas encore public.',
    fixFirst: 'Corrigez d’abord les problèmes signalés.',
    previewShow: 'Aperçu des graphiques',
    previewHide: 'Masquer l’aperçu',
    previewHeading: 'Aperçu : les graphiques avec ce brouillon',
    previewIntro: (y: number) =>
      `Les graphiques tels qu’ils seront publiés, avec les chiffres de ce formulaire pour ${y} (année mise en avant). Rien n’est public avant la publication.`,
    previewUnsaved:
      'Ce formulaire contient des modifications non enregistrées : l’aperçu les montre, mais il faut enregistrer avant de publier.',
    previewInvalid: 'Corrigez d’abord les problèmes : l’aperçu ne montre que des chiffres valides.',
    previewEmpty: 'Aucun chiffre à montrer.',
    themeOther: { awareness: 'Sensibilisation', finances: 'Finances' } as Record<string, string>,
    publish: 'Publier',
    publishing: 'Publication…',
    publishNeedsDraft: 'Enregistrez un brouillon pour pouvoir le publier.',
    publishNeedsSave: 'Enregistrez vos modifications avant de publier.',
    publishedDone: 'Publié. Le site public affiche maintenant ces chiffres.',
    cdnStale:
      'La publication est faite, mais le cache du site n’a pas pu être vidé : des lecteurs peuvent voir les chiffres précédents pendant une journée au plus. L’équipe technique est alertée.',
    seePublic: (y: number) => `Voir ${y} sur le site public`,
    discard: 'Abandonner le brouillon',
    discardConfirm: (y: number, published: boolean) =>
      published
        ? `Abandonner le brouillon de ${y} ? Le formulaire reviendra à la version publiée. Le brouillon reste dans l’historique.`
        : `Abandonner le brouillon de ${y} ? L’année n’a jamais été publiée : le formulaire sera vide. Le brouillon reste dans l’historique.`,
    discarded: 'Brouillon abandonné (il reste dans l’historique).',
    conflict:
      'Quelqu’un d’autre a modifié cette année pendant que vous travailliez. Rien n’a été écrasé. Rechargez pour voir ses changements.',
    reload: 'Recharger la dernière version',
    reloadLoses: 'Vos modifications non enregistrées seront remplacées par la version actuelle.',
    serverRefused: 'Le serveur a refusé ces chiffres :',
    restoredNotice:
      'La version choisie dans l’historique est maintenant le brouillon. Relisez-le, regardez l’aperçu, puis publiez-le.',
    notFound: 'Cette année n’existe pas.',
    recoveredKept:
      'Vos modifications non enregistrées ont été récupérées. Elles ne sont pas encore enregistrées.',
    recoveredDropped:
      'Des modifications non enregistrées de cet onglet ont été écartées : l’année a été modifiée entre-temps.',
    leaveConfirm: 'Quitter cette page ? Vos modifications non enregistrées seront perdues.',
    stateLine: (problems: number, warnings: number) =>
      [
        problems === 1 ? '1 problème' : problems ? `${problems} problèmes` : 'aucun problème',
        warnings === 1 ? '1 point à vérifier' : warnings ? `${warnings} points à vérifier` : '',
      ]
        .filter(Boolean)
        .join(' · '),
  },

  history: {
    title: (y: number) => `Historique de ${y}`,
    intro:
      'Chaque enregistrement, import, restauration, publication ou abandon crée une version, avec qui et quand. Restaurer une version en fait un nouveau brouillon : rien n’est effacé.',
    editLink: (y: number) => `Modifier ${y}`,
    empty: 'Cette année n’a encore aucune version.',
    version: (v: number) => `Version ${v}`,
    actions: {
      seed: 'Chiffres initiaux',
      save: 'Brouillon enregistré',
      import: 'Import d’un tableau',
      restore: 'Restauration',
      publish: 'Publication',
      discard: 'Brouillon abandonné',
      submit: 'Soumis à relecture',
      'send-back': 'Renvoyé avec un commentaire',
      approve: 'Approuvé et programmé',
      reschedule: 'Programmation déplacée',
      unschedule: 'Programmation annulée',
    } satisfies Record<Action, string>,
    byOn: (who: string, when: string) => `par ${who}, le ${when}`,
    restoredFrom: (v: number) => `restaure la version ${v}`,
    currentPublished: 'publiée actuellement',
    currentDraft: 'brouillon actuel',
    figureCount: (n: number) => (n === 1 ? '1 chiffre' : `${n} chiffres`),
    noChanges: 'Aucun changement de chiffre.',
    changes: (n: number) => (n === 1 ? '1 changement' : `${n} changements`),
    caption: (v: number) => `Changements de la version ${v}`,
    metric: 'Indicateur',
    field: 'Champ',
    before: 'Avant',
    after: 'Après',
    // The same words as the journal and its exports (the history and the journal name fields alike).
    fields: auditWords('fr').fields,
    absent: '(vide)',
    restore: 'Restaurer comme brouillon',
    restoreLabel: (v: number) => `Restaurer la version ${v} comme brouillon`,
    restoreConfirm: (v: number, y: number) =>
      `Restaurer la version ${v} de ${y} comme nouveau brouillon ? Le public ne verra rien avant la publication.`,
    yearNotes: 'Notes sur l’année',
  },

  import: {
    title: 'Importer un tableau',
    intro:
      'Depuis votre tableur : un classeur Excel (.xlsx) ou un CSV, séparé par des points-virgules ou des virgules, tel qu’Excel l’enregistre. Colonnes : Année, Indicateur (son nom, par exemple « Personnes accompagnées » ou « Bénévoles — Île-de-France »), Valeur (2 678 ou 72,5), Précision (exact, « plus de », « environ », « près de »), Titre et Lien de la source, et si besoin Unité, Citation, Fiabilité, Pays, Note, Notes sur l’année. Une colonne absente laisse ce champ tel qu’il est. Chaque année du fichier devient un brouillon, à relire puis à publier.',
    template: 'Télécharger le modèle',
    templateHint:
      '(toutes les années telles qu’elles sont maintenant, à ouvrir dans Excel : le réimporter sans le modifier ne change rien)',
    file: 'Fichier (.xlsx ou .csv)',
    paste: 'Contenu du fichier (ou collez-le ici)',
    preview: 'Prévisualiser l’import',
    previewing: 'Lecture du fichier…',
    problems: (n: number) =>
      n === 1
        ? 'Le fichier a 1 problème : rien n’a été importé.'
        : `Le fichier a ${n} problèmes : rien n’a été importé.`,
    problemsCaption: 'Problèmes du fichier, par ligne et colonne',
    row: 'Ligne',
    column: 'Colonne',
    problem: 'Problème',
    previewHeading: 'Ce que l’import changerait',
    previewIntro: 'Rien n’est encore enregistré. Relisez les changements, puis importez.',
    yearLine: (y: number, n: number, head: number) =>
      `${y} : ${n === 1 ? '1 chiffre' : `${n} chiffres`} dans le fichier ; ${head === 0 ? 'nouvelle année' : 'l’année existe déjà'}.`,
    unchanged: 'Aucun changement par rapport au brouillon ou à la version publiée.',
    doImport: (n: number) =>
      n === 1 ? 'Importer comme brouillon' : `Importer comme brouillons (${n} années)`,
    importing: 'Import…',
    done: 'Importé. Chaque année est un brouillon : relisez-le, regardez l’aperçu, puis publiez-le.',
    openDraft: (y: number) => `Ouvrir le brouillon de ${y}`,
    stale:
      'Une des années a changé depuis la prévisualisation. Rien n’a été importé : prévisualisez à nouveau.',
    empty: 'Choisissez un fichier ou collez son contenu.',
    noFigures: 'Le fichier ne contient aucun chiffre.',
    failed: 'L’import n’a pas pu se faire, rien n’a été enregistré.',
    readAs: (format: 'csv' | 'xlsx', encoding?: string): string =>
      format === 'xlsx'
        ? 'Fichier lu comme classeur Excel (première feuille).'
        : encoding === 'windows-1252'
          ? 'Fichier CSV lu comme Windows-1252 (l’encodage d’Excel sous Windows) et converti : vérifiez les accents ci-dessous.'
          : 'Fichier CSV lu en UTF-8.',
  },

  failure: {
    tooLarge:
      'Le fichier est trop gros (700 Ko au plus) : retirez les années que vous n’importez pas, ou découpez-le.',
    notFound: 'Cette page ou cette année n’existe pas (ou plus).',
    unavailable:
      'Les données sont momentanément inaccessibles : réessayez dans une minute. Rien n’est perdu dans le formulaire.',
    other: (status: string) =>
      `Le serveur a rencontré une erreur${status ? ` (code ${status})` : ''}. Réessayez ; si cela continue, prévenez l’administrateur du site.`,
  },

  problem: {
    required: 'ne peut pas être vide',
    chooseMetric: 'choisissez un indicateur',
    valueRequired: 'indiquez une valeur',
    notANumber: (raw: string) => `« ${raw} » n’est pas un nombre`,
    wholeNumber: (v: string) => `un nombre de personnes ou de choses est entier (saisi : ${v})`,
    negative: (v: string) => `ne peut pas être négatif (saisi : ${v})`,
    atMost: (max: string, v: string) => `ne peut pas dépasser ${max} (saisi : ${v})`,
    upperAbove: 'le haut de la fourchette doit dépasser le bas',
    unknownCountry: (iso: string) => `pays partenaire inconnu : « ${iso} »`,
    yearRange: (a: string, b: string, y: string) => `l’année doit être entre ${a} et ${b} (saisi : ${y})`,
    twice: (key: string, n: number) => `« ${key} » apparaît deux fois (aussi au chiffre ${n})`,
    twiceInFile: (key: string, line: number) =>
      `« ${key} » apparaît deux fois pour cette année (aussi à la ligne ${line}) : gardez une seule ligne`,
    tooLong: (n: string) => `${n} caractères au plus`,
    tooMany: (n: string) => `${n} éléments au plus`,
    controlCharacter: (char: string, at: number) =>
      `contient un caractère invisible (${char}, au caractère ${at}), souvent venu d’un copier-coller : retapez ce texte ou supprimez ce caractère`,
    sourceTitle: 'indiquez le titre de la source',
    url: 'indiquez une adresse http:// ou https://',
    notAKey: (key: string) => `« ${key} » n’est pas un indicateur`,
    unknownMetric: (m: string) => `indicateur inconnu : « ${m} »`,
    noNational:
      'cet indicateur n’a pas de chiffre national : choisissez une région, un centre ou un groupe local',
    unknownPlace: (kind: string, slug: string) => `${kind} inconnu(e) : « ${slug} »`,
    notBrokenDown: (kind: string) => `cet indicateur n’est pas détaillé par ${kind}`,
    notAYear: (raw: string) => `« ${raw} » n’est pas une année`,
    notQualifier: (raw: string) =>
      `« ${raw} » n’est pas une précision connue : écrivez exact, « plus de », « environ » ou « près de »`,
    notConfidence: (raw: string) =>
      `« ${raw} » n’est pas une fiabilité connue : écrivez « élevée » ou « moyenne », ou laissez vide`,
    missingColumns: (cols: string) =>
      `colonne(s) manquante(s) : ${cols}. La première ligne doit nommer les colonnes, comme le modèle (Année, Indicateur, Valeur, Titre de la source, Lien de la source…)`,
    notASpreadsheet:
      'ce fichier n’est ni un CSV ni un classeur XLSX : enregistrez-le depuis votre tableur en « CSV » ou en « Classeur Excel (.xlsx) »',
    invalid: 'valeur non valable',
    kinds: { region: 'région', centre: 'centre', local_group: 'groupe local' } as Record<
      'region' | 'centre' | 'local_group',
      string
    >,
  },

  warning: {
    largeChange: (what: string, value: string, pct: string, prev: string, year: string) =>
      `${what} : ${value}, soit ${pct} par rapport à ${prev} en ${year}. Vérifiez ce chiffre.`,
    smallCount: (what: string, value: string) =>
      `${what} : ${value} personnes, un si petit nombre pourrait permettre d’identifier quelqu’un.`,
    other: 'Point à vérifier.',
  },
  /** Corrections, the publish dialog, checked warnings, conflicts (issue 12). */
  correct: {
    reasonRequired:
      'indiquez pourquoi vous corrigez ces chiffres publiés : les lecteurs verront cette raison à côté de « corrigé le … »',
    dialogTitle: (y: number) => `Publier les chiffres de ${y}`,
    dialogTitleCorrect: (y: number) => `Corriger les chiffres publiés de ${y}`,
    dialogIntro: (y: number) =>
      `Les pages publiques et les graphiques intégrés dans la presse afficheront les chiffres de ${y} dans la minute.`,
    dialogIntroCorrect: (y: number, date: string) =>
      `${y} est déjà publiée (le ${date}). Publier ce brouillon corrige ces chiffres : partout où ils paraissent, le public lira « corrigé le … » avec la raison que vous donnez ici.`,
    changesHeading: (n: number) =>
      n === 0 ? 'Aucun changement' : n === 1 ? 'Le changement publié' : `Les ${n} changements publiés`,
    noChange: 'Ce brouillon ne change aucun chiffre publié (seulement des notes internes, peut-être).',
    openWarnings: (n: number) =>
      n === 1
        ? '1 point à vérifier n’est pas encore vérifié'
        : `${n} points à vérifier ne sont pas encore vérifiés`,
    reasonLabel: 'Raison de la correction (publique)',
    reasonHint:
      'Par exemple : « Chiffre du rapport d’activité définitif » ou « Erreur de saisie ». Votre nom n’est jamais publié.',
    confirmCorrect: 'Publier la correction',
    publicNote: (date: string, reason?: string) => `Corrigé le ${date}${reason ? ` : ${reason}` : ''}`,
    markChecked: 'Marquer comme vérifié',
    markCheckedLabel: (what: string) => `Marquer comme vérifié : ${what}`,
    checkedBy: (who: string, date: string) => `Vérifié par ${who}, le ${date}.`,
    checkFailed: 'Ce point n’a pas pu être marqué comme vérifié. Réessayez.',
    conflictWho: (who: string, date: string) =>
      `${who} a enregistré cette année le ${date}, pendant que vous travailliez. Rien n’a été écrasé.`,
    conflictDiffers: (n: number) =>
      n === 0
        ? 'Vos modifications et les siennes ne se recouvrent pas.'
        : n === 1
          ? 'Un champ a été modifié des deux côtés :'
          : `${n} champs ont été modifiés des deux côtés :`,
    theirChanges: (n: number) => (n === 1 ? 'Son changement' : `Ses ${n} changements`),
    reapply: 'Réappliquer mes modifications sur sa version',
    reapplied: (n: number) =>
      `Vos modifications sont réappliquées sur la nouvelle version${n ? ` (pour ${n === 1 ? 'le champ modifié des deux côtés, c’est votre valeur qui est gardée' : `les ${n} champs modifiés des deux côtés, ce sont vos valeurs qui sont gardées`})` : ''}. Relisez, puis enregistrez.`,
    discardMine: 'Abandonner mes modifications et recharger',
    historyReason: (reason: string) => `Correction publique, raison donnée : « ${reason} »`,
    bothChanged: (what: string, field: string, theirs: string, mine: string) =>
      `${what}, ${field} : « ${theirs} » chez l’autre, « ${mine} » chez vous`,
  },
};

type Dictionary = typeof fr;

const en: Dictionary = {
  area: 'Staff area',
  seedAuthor: 'initial import (data/)',
  skip: 'Skip to content',
  nav: { label: 'Staff area', years: 'Years', import: 'Import', publicSite: 'Public site' },
  otherLang: { label: 'Français', lang: 'fr', name: 'Utiliser l’espace équipe en français' },
  signedInAs: 'Signed in as',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInTitle: 'Staff sign-in',
  signInIntro:
    'This is where La Cimade’s staff enter, check and publish each year’s figures. Sign in with your staff account.',
  signedOut: 'You are signed out.',
  expired:
    'Your session has expired or is no longer valid: please sign in again. Unsaved changes in this tab are kept and come back once you are signed in.',
  forbidden: (who) =>
    `The account ${who} is not in the “editors” group: it can neither edit nor publish figures. Ask an administrator for access.`,
  checking: 'Checking your session…',
  notConfigured:
    'Sign-in is not configured on this server (AUTH_AUTHORIZE_URL, AUTH_TOKEN_URL and AUTH_CLIENT_ID).',
  callback: {
    title: 'Signing in…',
    denied: 'Sign-in was refused.',
    state:
      'This sign-in answer matches no request made from this tab (an old link, or one opened in another tab).',
    exchange: 'The sign-in token could not be obtained.',
    retry: 'Sign in again',
  },
  loading: 'Loading…',
  loadFailed: 'Loading failed.',
  networkError: 'The server does not answer. Nothing in the form is lost: try again in a moment.',
  retry: 'Try again',
  confirm: 'Confirm',
  cancel: 'Cancel',
  close: 'Close',
  none: '—',

  years: {
    title: 'Years',
    intro:
      'Each year has at most one published version, the one the public sees, and one draft. Edit the draft, look at the chart preview, then publish.',
    caption: 'Years, published version and draft',
    year: 'Year',
    published: 'Published',
    draft: 'Draft',
    actions: 'Actions',
    on: (date) => date,
    by: (who) => `by ${who}`,
    notPublished: 'not published',
    noDraft: 'none',
    edit: 'Edit',
    editYear: (y) => `Edit ${y}`,
    history: 'History',
    historyOf: (y) => `History of ${y}`,
    empty: 'No year is recorded yet.',
    newTitle: 'Enter another year',
    newLabel: 'Year',
    newHint: (first, last) => `A year from ${first} to ${last}. A year already recorded opens as it is.`,
    open: 'Open',
    badYear: (first, last) => `Enter a year between ${first} and ${last}.`,
  },

  edit: {
    title: (y) => `Figures for ${y}`,
    back: 'All years',
    historyLink: 'History of this year',
    statusNew:
      'A new year: nothing is saved yet. The public sees these figures only once they are published.',
    statusPublished: (date, who) => `Published on ${date} by ${who}.`,
    statusNotPublished: 'Never published: the public sees nothing of this year.',
    statusDraft: (date, who) => `Draft saved on ${date} by ${who}.`,
    statusNoDraft: 'No draft: the form shows the published version, and saving it creates a draft.',
    figuresHeading: 'The figures',
    figure: (n) => `Figure ${n}`,
    noFigures: 'No figures: add one.',
    metric: 'Measure',
    chooseMetric: 'Choose a measure…',
    where: 'Scope',
    national: 'National',
    scopes: { region: 'La Cimade’s regions', centre: 'Centres', local_group: 'Local groups' },
    value: 'Value',
    valueHint: 'A number (2678, 2,678 or 2.5) or a range (150-200).',
    qualifier: 'Precision',
    qualifiers: {
      exact: 'exact',
      approx: '“nearly” (approximate)',
      about: '“about” (approximate)',
      more_than: '“more than” (a minimum)',
    },
    unit: 'Unit',
    unitHint: (unit) => `What the source counts, if it says. By default: ${unit}.`,
    unitHintNone: 'What the source counts, if it says.',
    sourceTitle: 'Source title',
    sourceUrl: 'Source link',
    sourceUrlHint: 'The http(s) address of the page or document.',
    note: 'Internal note (never published)',
    more: 'Quote, confidence, countries',
    quote: 'Quote from the source',
    confidence: 'Confidence',
    confidenceNames: { '': 'not given', high: 'high', medium: 'medium' },
    countries: 'Partner countries (two-letter ISO codes, separated by commas)',
    add: 'Add a figure',
    remove: 'Remove',
    removeLabel: (n, what) => `Remove figure ${n}${what ? ` (${what})` : ''}`,
    removed: (n) => `Figure ${n} removed.`,
    notes: 'Notes on the year',
    notesHint: 'Optional: what a reader should know about this year’s figures.',
    problemsHeading: (n) =>
      n === 1 ? '1 problem to fix before saving' : `${n} problems to fix before saving`,
    warningsHeading: (n) =>
      n === 1
        ? '1 thing to check (does not prevent saving)'
        : `${n} things to check (they do not prevent saving)`,
    valid: 'The form is valid.',
    checkingWarnings: 'checking against the published years…',
    unsaved: 'Unsaved changes',
    upToDate: 'Everything is saved',
    save: 'Save draft',
    saving: 'Saving…',
    saved: 'Draft saved. It is not public yet.',
    fixFirst: 'Fix the problems shown first.',
    previewShow: 'Chart preview',
    previewHide: 'Hide the preview',
    previewHeading: 'Preview: the charts with this draft',
    previewIntro: (y) =>
      `The charts as they will be published, with this form’s figures for ${y} (the highlighted year). Nothing is public until you publish.`,
    previewUnsaved:
      'This form has unsaved changes: the preview shows them, but you must save before publishing.',
    previewInvalid: 'Fix the problems first: the preview shows valid figures only.',
    previewEmpty: 'No figure to show.',
    themeOther: { awareness: 'Awareness', finances: 'Finances' },
    publish: 'Publish',
    publishing: 'Publishing…',
    publishNeedsDraft: 'Save a draft to be able to publish it.',
    publishNeedsSave: 'Save your changes before publishing.',
    publishedDone: 'Published. The public site now shows these figures.',
    cdnStale:
      'The publication is done, but the site’s cache could not be emptied: readers may see the previous figures for up to a day. The technical team is alerted.',
    seePublic: (y) => `See ${y} on the public site`,
    discard: 'Discard draft',
    discardConfirm: (y, published) =>
      published
        ? `Discard the ${y} draft? The form goes back to the published version. The draft stays in the history.`
        : `Discard the ${y} draft? The year was never published: the form will be empty. The draft stays in the history.`,
    discarded: 'Draft discarded (it stays in the history).',
    conflict:
      'Someone else changed this year while you were working. Nothing was overwritten. Reload to see their changes.',
    reload: 'Reload the latest version',
    reloadLoses: 'Your unsaved changes will be replaced by the current version.',
    serverRefused: 'The server refused these figures:',
    restoredNotice:
      'The version chosen in the history is now the draft. Review it, look at the preview, then publish it.',
    notFound: 'This year does not exist.',
    recoveredKept: 'Your unsaved changes were brought back. They are not saved yet.',
    recoveredDropped: 'Unsaved changes from this tab were set aside: the year was changed in the meantime.',
    leaveConfirm: 'Leave this page? Your unsaved changes will be lost.',
    stateLine: (problems, warnings) =>
      [
        problems === 1 ? '1 problem' : problems ? `${problems} problems` : 'no problem',
        warnings === 1 ? '1 thing to check' : warnings ? `${warnings} things to check` : '',
      ]
        .filter(Boolean)
        .join(' · '),
  },

  history: {
    title: (y) => `History of ${y}`,
    intro:
      'Every save, import, restore, publication or discard makes a version, with who and when. Restoring a version makes it a new draft: nothing is erased.',
    editLink: (y) => `Edit ${y}`,
    empty: 'This year has no version yet.',
    version: (v) => `Version ${v}`,
    actions: {
      seed: 'Initial figures',
      save: 'Draft saved',
      import: 'Spreadsheet import',
      restore: 'Restore',
      publish: 'Published',
      discard: 'Draft discarded',
      submit: 'Submitted for review',
      'send-back': 'Sent back with a comment',
      approve: 'Approved and scheduled',
      reschedule: 'Schedule moved',
      unschedule: 'Schedule cancelled',
    },
    byOn: (who, when) => `by ${who}, ${when}`,
    restoredFrom: (v) => `restores version ${v}`,
    currentPublished: 'currently published',
    currentDraft: 'current draft',
    figureCount: (n) => (n === 1 ? '1 figure' : `${n} figures`),
    noChanges: 'No figure changed.',
    changes: (n) => (n === 1 ? '1 change' : `${n} changes`),
    caption: (v) => `Changes in version ${v}`,
    metric: 'Measure',
    field: 'Field',
    before: 'Before',
    after: 'After',
    fields: auditWords('en').fields,
    absent: '(empty)',
    restore: 'Restore as draft',
    restoreLabel: (v) => `Restore version ${v} as a draft`,
    restoreConfirm: (v, y) =>
      `Restore version ${v} of ${y} as a new draft? The public sees nothing until it is published.`,
    yearNotes: 'Notes on the year',
  },

  import: {
    title: 'Import a spreadsheet',
    intro:
      'From your spreadsheet: an Excel workbook (.xlsx) or a CSV, separated by semicolons or commas, as Excel saves it. Columns: Year, Metric (its name, e.g. “People supported” or « Personnes accompagnées »), Value (2678 or 72.5), Precision (exact, “more than”, “about”, “nearly”), Source title and link, and where needed Unit, Quote, Confidence, Countries, Note, Notes on the year. A missing column leaves that field as it is. Each year in the file becomes a draft, to review and then publish.',
    template: 'Download the template',
    templateHint: '(every year as it is now, to open in Excel: importing it back unchanged changes nothing)',
    file: 'File (.xlsx or .csv)',
    paste: 'The file’s content (or paste it here)',
    preview: 'Preview the import',
    previewing: 'Reading the file…',
    problems: (n) =>
      n === 1
        ? 'The file has 1 problem: nothing was imported.'
        : `The file has ${n} problems: nothing was imported.`,
    problemsCaption: 'Problems in the file, by line and column',
    row: 'Line',
    column: 'Column',
    problem: 'Problem',
    previewHeading: 'What the import would change',
    previewIntro: 'Nothing is saved yet. Review the changes, then import.',
    yearLine: (y, n, head) =>
      `${y}: ${n === 1 ? '1 figure' : `${n} figures`} in the file; ${head === 0 ? 'a new year' : 'the year exists already'}.`,
    unchanged: 'No change against the draft or the published version.',
    doImport: (n) => (n === 1 ? 'Import as a draft' : `Import as drafts (${n} years)`),
    importing: 'Importing…',
    done: 'Imported. Each year is a draft: review it, look at the preview, then publish it.',
    openDraft: (y) => `Open the ${y} draft`,
    stale: 'One of the years changed since the preview. Nothing was imported: preview again.',
    empty: 'Choose a file or paste its content.',
    noFigures: 'The file holds no figures.',
    failed: 'The import could not be done; nothing was saved.',
    readAs: (format, encoding) =>
      format === 'xlsx'
        ? 'File read as an Excel workbook (first sheet).'
        : encoding === 'windows-1252'
          ? 'CSV file read as Windows-1252 (Excel’s encoding on Windows) and converted: check the accents below.'
          : 'CSV file read as UTF-8.',
  },

  failure: {
    tooLarge: 'The file is too large (700 KB at most): remove the years you are not importing, or split it.',
    notFound: 'This page or year does not exist (any more).',
    unavailable: 'The data cannot be reached just now: try again in a minute. Nothing in the form is lost.',
    other: (status) =>
      `The server ran into an error${status ? ` (code ${status})` : ''}. Try again; if it goes on, tell the site’s administrator.`,
  },

  problem: {
    required: 'must not be empty',
    chooseMetric: 'choose a measure',
    valueRequired: 'enter a value',
    notANumber: (raw) => `“${raw}” is not a number`,
    wholeNumber: (v) => `a count of people or things is a whole number (entered: ${v})`,
    negative: (v) => `cannot be negative (entered: ${v})`,
    atMost: (max, v) => `cannot exceed ${max} (entered: ${v})`,
    upperAbove: 'the top of the range must be above its bottom',
    unknownCountry: (iso) => `unknown partner country: “${iso}”`,
    yearRange: (a, b, y) => `the year must be between ${a} and ${b} (entered: ${y})`,
    twice: (key, n) => `“${key}” appears twice (also as figure ${n})`,
    twiceInFile: (key, line) => `“${key}” appears twice for this year (also on line ${line}): keep one line`,
    tooLong: (n) => `at most ${n} characters`,
    tooMany: (n) => `at most ${n} items`,
    controlCharacter: (char, at) =>
      `contains an invisible character (${char}, at character ${at}), often from a copy and paste: retype this text or delete that character`,
    sourceTitle: 'enter the source’s title',
    url: 'enter an http:// or https:// address',
    notAKey: (key) => `“${key}” is not a measure`,
    unknownMetric: (m) => `unknown measure: “${m}”`,
    noNational: 'this measure has no national figure: choose a region, centre or local group',
    unknownPlace: (kind, slug) => `unknown ${kind}: “${slug}”`,
    notBrokenDown: (kind) => `this measure is not broken down by ${kind}`,
    notAYear: (raw) => `“${raw}” is not a year`,
    notQualifier: (raw) =>
      `“${raw}” is not a known precision: write exact, “more than”, “about” or “nearly” (or plus de, environ, près de)`,
    notConfidence: (raw) => `“${raw}” is not a known confidence: write high or medium, or leave it empty`,
    missingColumns: (cols) =>
      `missing column(s): ${cols}. The first line must name the columns, as the template does (Year, Metric, Value, Source title, Source link…)`,
    notASpreadsheet:
      'this file is neither a CSV nor an XLSX workbook: save it from your spreadsheet as “CSV” or “Excel Workbook (.xlsx)”',
    invalid: 'not a valid value',
    kinds: { region: 'region', centre: 'centre', local_group: 'local group' },
  },

  warning: {
    largeChange: (what, value, pct, prev, year) =>
      `${what}: ${value}, that is ${pct} against ${prev} in ${year}. Please check this figure.`,
    smallCount: (what, value) => `${what}: ${value} people, a number this small could identify someone.`,
    other: 'Something to check.',
  },
  /** Corrections, the publish dialog, checked warnings, conflicts (issue 12). */
  correct: {
    reasonRequired:
      'say why you are correcting these published figures: readers will see this reason beside “corrected on …”',
    dialogTitle: (y) => `Publish the figures of ${y}`,
    dialogTitleCorrect: (y) => `Correct the published figures of ${y}`,
    dialogIntro: (y) =>
      `The public pages and the charts embedded in the press will show the figures of ${y} within a minute.`,
    dialogIntroCorrect: (y, date) =>
      `${y} is already published (${date}). Publishing this draft corrects those figures: wherever they appear, the public will read “corrected on …” with the reason you give here.`,
    changesHeading: (n) =>
      n === 0 ? 'No change' : n === 1 ? 'The change to publish' : `The ${n} changes to publish`,
    noChange: 'This draft changes no published figure (only internal notes, perhaps).',
    openWarnings: (n) => (n === 1 ? '1 warning is not checked yet' : `${n} warnings are not checked yet`),
    reasonLabel: 'Reason for the correction (public)',
    reasonHint:
      'For example: “Figure from the final annual report” or “Typing error”. Your name is never published.',
    confirmCorrect: 'Publish the correction',
    publicNote: (date, reason) => `Corrected on ${date}${reason ? `: ${reason}` : ''}`,
    markChecked: 'Mark as checked',
    markCheckedLabel: (what) => `Mark as checked: ${what}`,
    checkedBy: (who, date) => `Checked by ${who}, ${date}.`,
    checkFailed: 'This warning could not be marked as checked. Try again.',
    conflictWho: (who, date) =>
      `${who} saved this year on ${date}, while you were working. Nothing was overwritten.`,
    conflictDiffers: (n) =>
      n === 0
        ? 'Your changes and theirs do not overlap.'
        : n === 1
          ? 'One field was changed on both sides:'
          : `${n} fields were changed on both sides:`,
    theirChanges: (n) => (n === 1 ? 'Their change' : `Their ${n} changes`),
    reapply: 'Re-apply my changes on top of their version',
    reapplied: (n) =>
      `Your changes are re-applied on top of the new version${n ? ` (where a field was changed on both sides, ${n === 1 ? 'your value is kept' : 'your values are kept'})` : ''}. Review, then save.`,
    discardMine: 'Drop my changes and reload',
    historyReason: (reason) => `Public correction, reason given: “${reason}”`,
    bothChanged: (what, field, theirs, mine) => `${what}, ${field}: “${theirs}” theirs, “${mine}” yours`,
  },
};

const dictionaries: Record<Lang, Dictionary> = { fr, en };

/** The staff pages' strings, with the public ones they share. */
export const a = (lang: Lang) => ({ ...dictionaries[lang], site: publicStrings(lang) });

export type AdminStrings = ReturnType<typeof a>;

/** `/admin/2027` in French, `/en/admin/2027` in English. */
export const adminPath = (lang: Lang, path = ''): string => `${lang === 'en' ? '/en' : ''}/admin${path}`;
