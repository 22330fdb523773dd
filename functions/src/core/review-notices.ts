/**
 * What staff are told, in words: French first, then English, in one message (an e-mail may
 * reach someone reading either). Times are said in Europe/Paris.
 */
import type { Notice, NoticeMessage, Recipient } from './review-ports';
import { toParisWallClock } from './paris-time';

const PUBLISHERS: Recipient = { publishers: true };
const person = (id: string): Recipient => ({ person: id });

/** `2026-12-03T14:30:00Z` → « 03/12/2026 à 15:30 » / "03/12/2026 at 15:30" (Paris). */
function paris(instant: string, lang: 'fr' | 'en'): string {
  const [date, time] = toParisWallClock(new Date(instant)).split('T') as [string, string];
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${lang === 'fr' ? 'à' : 'at'} ${time.slice(0, 5)}`;
}

function words(n: Notice): { subject: [string, string]; body: [string, string]; to: Recipient[] } {
  switch (n.kind) {
    case 'submitted':
      return {
        subject: [`${n.year} : brouillon soumis à relecture`, `${n.year}: draft submitted for review`],
        body: [
          `${n.by} a soumis le brouillon ${n.year} à relecture.${n.comment ? ` Note : « ${n.comment} »` : ''}`,
          `${n.by} submitted the ${n.year} draft for review.${n.comment ? ` Note: "${n.comment}"` : ''}`,
        ],
        to: [PUBLISHERS],
      };
    case 'sent-back':
      return {
        subject: [
          `${n.year} : brouillon renvoyé avec un commentaire`,
          `${n.year}: draft sent back with a comment`,
        ],
        body: [
          `${n.by} a renvoyé le brouillon ${n.year} : « ${n.comment} »`,
          `${n.by} sent the ${n.year} draft back: "${n.comment}"`,
        ],
        to: [person(n.author)],
      };
    case 'scheduled':
      return {
        subject: [`${n.year} : publication programmée`, `${n.year}: publication scheduled`],
        body: [
          `${n.by} a approuvé le brouillon ${n.year} pour le ${paris(n.publishAt, 'fr')} (heure de Paris).`,
          `${n.by} approved the ${n.year} draft for ${paris(n.publishAt, 'en')} (Paris time).`,
        ],
        to: [person(n.author)],
      };
    case 'published':
      return {
        subject: [`${n.year} : chiffres publiés`, `${n.year}: figures published`],
        body: [
          `Les chiffres ${n.year} sont publiés${n.scheduledFor ? ` comme programmé pour le ${paris(n.scheduledFor, 'fr')}` : ''} (approuvés par ${n.by}).`,
          `The ${n.year} figures are published${n.scheduledFor ? ` as scheduled for ${paris(n.scheduledFor, 'en')}` : ''} (approved by ${n.by}).`,
        ],
        to: [person(n.author)],
      };
    case 'schedule-dropped':
      return {
        subject: [`${n.year} : publication programmée annulée`, `${n.year}: scheduled publication dropped`],
        body: [
          `Le brouillon ${n.year} a changé (${n.by}) après son approbation : la publication programmée pour le ${paris(n.publishAt, 'fr')} est annulée. Il doit être approuvé à nouveau.`,
          `The ${n.year} draft changed (${n.by}) after its approval: the publication scheduled for ${paris(n.publishAt, 'en')} is dropped. It needs approving again.`,
        ],
        to: [PUBLISHERS, person(n.approvedBy)],
      };
  }
}

export function noticeMessage(n: Notice): NoticeMessage {
  const w = words(n);
  return {
    subject: `${w.subject[0]} / ${w.subject[1]}`,
    text: `${w.body[0]}\n\n${w.body[1]}\n\n— La Cimade en chiffres`,
    to: w.to,
  };
}
