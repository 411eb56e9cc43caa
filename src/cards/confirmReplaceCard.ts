import { z } from 'zod';
import { londonDayFromIso } from '../calendar/london';
import type { Timetable } from '../calendar/timetable';
import { EDITION_LABEL } from '../guidance/schema';
import { cardDate, cardDateTime } from '../reminders/format';
import type { Inspection } from '../reminders/types';
import { type CardAttachment, renderCard } from './render';

export const ConfirmReplaceCardData = z
  .object({
    heading: z.string().min(1).max(300),
    paragraphs: z.array(z.string().min(1).max(1000)).max(5),
    replaceTitle: z.string().min(1).max(100),
    notified: z.string().min(1).max(10),
    edition: z.string().min(1).max(10),
    replacing: z.string().min(1).max(100),
  })
  .strict();

function day(iso: string): string {
  const d = londonDayFromIso(iso);
  return d ? cardDate(d) : iso;
}

/** Asked before a new live inspection replaces the one already set here. */
export function confirmReplaceCard(existing: Inspection, timetable: Timetable): CardAttachment {
  return renderCard('confirmReplace', ConfirmReplaceCardData, {
    heading: 'Replace the live inspection?',
    paragraphs: [
      `This conversation already has a live inspection: notified ${day(existing.notified)} (${EDITION_LABEL[existing.edition]}), set by ${existing.coordinator.name || 'someone'} on ${cardDateTime(existing.createdAt)}.`,
      `Replacing it with notification on ${day(timetable.notified)} (${EDITION_LABEL[timetable.edition]}) cancels its reminders; its done marks and owners stay with the old one.`,
    ],
    replaceTitle: `Replace with ${day(timetable.notified)}`,
    notified: timetable.notified,
    edition: timetable.edition,
    replacing: existing.id,
  });
}
