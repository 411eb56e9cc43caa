import type { DateTime } from 'luxon';
import { z } from 'zod';
import { cardDateTime, fromNow } from '../reminders/format';
import type { Reminder } from '../reminders/types';
import { type CardAttachment, renderCard } from './render';

export const MyRemindersCardData = z
  .object({
    heading: z.string().min(1).max(200),
    note: z.string().max(1000),
    empty: z.string().min(1).max(1000),
    items: z
      .array(
        z
          .object({ id: z.string().min(1).max(100), when: z.string().min(1).max(200), text: z.string().min(1).max(1000), detail: z.string().min(1).max(300) })
          .strict(),
      )
      .max(50),
    footer: z.string().min(1).max(1000),
  })
  .strict();

/** Enough to scan; the card stays well under Teams' size limit whatever the reminders say. */
const SHOWN = 20;

/** The ad hoc reminders still to go that this person set, or that are for this conversation, each with Cancel. */
export function myRemindersCard(reminders: readonly Reminder[], now: DateTime, note = ''): CardAttachment {
  const adhoc = reminders.filter((r) => r.subject.kind === 'adhoc');
  const shown = adhoc.slice(0, SHOWN);
  const more = adhoc.length - shown.length;
  return renderCard('myReminders', MyRemindersCardData, {
    heading: 'Your reminders',
    note: [note, more > 0 ? `Showing the next ${SHOWN}; ${more} more after those.` : ''].filter(Boolean).join(' '),
    empty: 'You have no reminders waiting.',
    items: shown.flatMap((r) =>
      r.subject.kind === 'adhoc'
        ? [
            {
              id: r.id,
              when: `${cardDateTime(r.dueAt)} (${fromNow(r.dueAt, now)})`,
              text: r.subject.text.length > 300 ? `${r.subject.text.slice(0, 297)}...` : r.subject.text,
              detail: `${r.subject.audience === 'us' ? 'For everyone in the conversation' : 'For you'}; set by ${r.createdBy?.name || 'someone'}.`,
            },
          ]
        : [],
    ),
    footer: 'Set one with "remind me in 20 minutes to call the LADO" or "remind us on Friday at 10 to check the evaluations". Deadline reminders stop when an item is marked done.',
  });
}
