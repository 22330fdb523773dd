/**
 * The review's words (issue #16), in French and English: the states of a draft, the steps on
 * the year page, and what four eyes refuses. Times are Paris times, as La Cimade lives them.
 */
import type { Review } from '$core/editing-repository';
import type { Lang } from '$lib/format';

const fr = {
  heading: 'Relecture',
  status: {
    drafting: 'en cours',
    submitted: 'soumis à relecture',
    'sent-back': 'renvoyé avec commentaire',
    scheduled: (when: string) => `programmé pour le ${when}`,
  },
  statusLine: {
    drafting: 'Brouillon en cours : pas encore soumis à relecture.',
    submitted: (who: string, when: string) => `Soumis à relecture par ${who}, le ${when}.`,
    'sent-back': (who: string, when: string) => `Renvoyé par ${who}, le ${when}, avec ce commentaire :`,
    scheduled: (when: string, who: string) =>
      `Approuvé par ${who} : sera publié le ${when} (heure de Paris), tel qu’approuvé.`,
  },
  dropped: (when: string, who: string) =>
    `La publication programmée pour le ${when} (approuvée par ${who}) a été annulée : le brouillon a changé après son approbation. Il doit être approuvé à nouveau.`,
  schedulerFailed: (when: string, who: string) =>
    `La publication pour le ${when} (approuvée par ${who}) n’a pas pu être programmée : le service de programmation n’a pas répondu. L’approbation est annulée ; rien ne sera publié tant qu’elle n’est pas refaite.`,
  schedulerDown:
    'La publication n’a pas pu être programmée : le service de programmation n’a pas répondu. L’approbation est annulée ; réessayez dans quelques minutes.',
  schedulerDownNotUndone:
    'La publication n’a pas pu être programmée, et l’approbation n’a pas pu être annulée : le brouillon paraît programmé sans l’être. Annulez la programmation, puis réessayez.',
  approveAndPublish: 'Approuver et publier',
  submit: 'Soumettre à relecture',
  submitNote: 'Note pour la relecture (facultative)',
  submitted: 'Soumis à relecture : les publieurs et publieuses sont prévenus.',
  approveAt: 'Date et heure de publication (heure de Paris)',
  approveFor: (when: string) => (when ? `Approuver pour le ${when}` : 'Approuver pour le …'),
  scheduledDone: (when: string) => `Approuvé : publication programmée pour le ${when}.`,
  reschedule: 'Déplacer la publication',
  rescheduledDone: (when: string) => `Publication déplacée au ${when}.`,
  unschedule: 'Annuler la programmation',
  unscheduledDone: 'Programmation annulée : le brouillon attend de nouveau sa relecture.',
  sendBack: 'Renvoyer avec un commentaire',
  sendBackComment: 'Commentaire pour l’auteur ou l’autrice',
  sentBackDone: 'Renvoyé : son auteur ou autrice est prévenu avec votre commentaire.',
  ownDraft:
    'Vous avez fait la dernière modification de ce brouillon : une autre personne du groupe « publishers » doit l’approuver et le publier (principe des quatre yeux).',
  editorOnly: 'Seul le groupe « publishers » approuve et publie : soumettez le brouillon à relecture.',
  saveFirst: 'Enregistrez d’abord vos modifications.',
  fourEyes:
    'Refusé (quatre yeux) : vous avez fait la dernière modification de ce brouillon, une autre personne doit l’approuver.',
  forbidden: 'Refusé : seul le groupe « publishers » peut faire cela.',
  reviewState: 'Le brouillon a changé d’état entre-temps : rechargez la page.',
  commentRequired: 'Écrivez ce que l’auteur ou l’autrice doit revoir.',
  publishAtMalformed: 'Indiquez une date et une heure (heure de Paris).',
  publishAtPast: (now: string) => `Choisissez un moment à venir (il est ${now} à Paris).`,
  publishAtTooFar: (days: number) => `Au plus ${days} jours à l’avance.`,
};

type Dictionary = typeof fr;

const en: Dictionary = {
  heading: 'Review',
  status: {
    drafting: 'being drafted',
    submitted: 'submitted for review',
    'sent-back': 'sent back with a comment',
    scheduled: (when: string) => `scheduled for ${when}`,
  },
  statusLine: {
    drafting: 'Being drafted: not submitted for review yet.',
    submitted: (who: string, when: string) => `Submitted for review by ${who} on ${when}.`,
    'sent-back': (who: string, when: string) => `Sent back by ${who} on ${when}, with this comment:`,
    scheduled: (when: string, who: string) =>
      `Approved by ${who}: will be published on ${when} (Paris time), as approved.`,
  },
  dropped: (when: string, who: string) =>
    `The publication scheduled for ${when} (approved by ${who}) was dropped: the draft changed after its approval. It needs approving again.`,
  schedulerFailed: (when: string, who: string) =>
    `The publication for ${when} (approved by ${who}) could not be scheduled: the scheduling service did not answer. The approval is undone; nothing will be published until it is approved again.`,
  schedulerDown:
    'The publication could not be scheduled: the scheduling service did not answer. The approval is undone; try again in a few minutes.',
  schedulerDownNotUndone:
    'The publication could not be scheduled, and the approval could not be undone: the draft looks scheduled but is not. Cancel the schedule, then try again.',
  approveAndPublish: 'Approve and publish',
  submit: 'Submit for review',
  submitNote: 'Note for the reviewer (optional)',
  submitted: 'Submitted for review: the publishers are told.',
  approveAt: 'Publication date and time (Paris time)',
  approveFor: (when: string) => (when ? `Approve for ${when}` : 'Approve for …'),
  scheduledDone: (when: string) => `Approved: publication scheduled for ${when}.`,
  reschedule: 'Move the publication',
  rescheduledDone: (when: string) => `Publication moved to ${when}.`,
  unschedule: 'Cancel the schedule',
  unscheduledDone: 'Schedule cancelled: the draft awaits review again.',
  sendBack: 'Send back with a comment',
  sendBackComment: 'Comment for the author',
  sentBackDone: 'Sent back: the author is told, with your comment.',
  ownDraft:
    'You made the last change to this draft: another member of the “publishers” group must approve and publish it (four eyes).',
  editorOnly: 'Only the “publishers” group approves and publishes: submit the draft for review.',
  saveFirst: 'Save your changes first.',
  fourEyes: 'Refused (four eyes): you made the last change to this draft; someone else must approve it.',
  forbidden: 'Refused: only the “publishers” group may do this.',
  reviewState: 'The draft’s state changed meanwhile: reload the page.',
  commentRequired: 'Say what the author should change.',
  publishAtMalformed: 'Give a date and a time (Paris time).',
  publishAtPast: (now: string) => `Choose a time to come (it is ${now} in Paris).`,
  publishAtTooFar: (days: number) => `At most ${days} days ahead.`,
};

const dictionaries: Record<Lang, Dictionary> = { fr, en };
export const r = (lang: Lang): Dictionary => dictionaries[lang];
export type ReviewStrings = Dictionary;

/** A draft's review state in a few words (the admin home's list). */
export function sayStatus(review: Review | undefined, lang: Lang, when: (iso: string) => string): string {
  const R = r(lang);
  const status = review?.status ?? 'drafting';
  return status === 'scheduled' ? R.status.scheduled(when(review!.publishAt!)) : R.status[status];
}
