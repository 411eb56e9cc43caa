import { z } from 'zod';
import type { DeadlineReminderContent, ReminderMessage } from '../reminders/dispatcher';
import { cardDateTime, fromNow, shortMoment } from '../reminders/format';
import { type CardAttachment, renderCard } from './render';
import { ownerText, statusText } from './timetableCard';

const line = z.string().max(2000);
export const ReminderCardData = z
  .object({
    heading: z.string().min(1).max(400),
    late: line,
    text: z.string().max(1000),
    lines: z.array(line).max(6),
    status: line,
    statusColor: z.enum(['Default', 'Good', 'Attention', 'Warning']),
    moved: line,
    inspectionId: z.string().max(100),
    milestoneId: z.string().max(100),
    showDone: z.boolean(),
    showUndo: z.boolean(),
  })
  .strict();

/** "Sent late: the bot was offline at 09:00." */
export function lateText(scheduledFor: ReminderMessage['scheduledFor'], now: ReminderMessage['now']): string {
  return `Sent late: the bot was offline at ${shortMoment(scheduledFor, now)}.`;
}

/** The card a reminder sends: a deadline (with Mark done) or an ad hoc reminder. */
export function reminderCard(message: ReminderMessage): CardAttachment {
  const { content, now } = message;
  const late = message.late ? lateText(message.scheduledFor, now) : '';
  if (content.kind === 'adhoc') {
    return renderCard('reminder', ReminderCardData, {
      heading: 'Reminder',
      late,
      text: content.text,
      lines: [`Set by ${content.setBy?.name || 'someone'} for ${cardDateTime(message.scheduledFor)}${content.audience === 'us' ? ', for everyone here' : ''}.`],
      status: '',
      statusColor: 'Default',
      moved: '',
      inspectionId: '',
      milestoneId: '',
      showDone: false,
      showUndo: false,
    });
  }
  return deadlineCard(content, now, late);
}

/** A deadline reminder, also as it looks after "Mark done" or "Undo" on it. */
export function deadlineCard(content: DeadlineReminderContent, now: ReminderMessage['now'], late = ''): CardAttachment {
  const status =
    content.status.status === 'done'
      ? statusText(content.status, content.due, now)
      : content.status.status === 'overdue'
        ? { text: 'Overdue, not marked done', color: 'Attention' as const }
        : { text: 'Not marked done yet', color: 'Default' as const };
  const owner = ownerText(content.owner);
  return renderCard('reminder', ReminderCardData, {
    heading: `Reminder: ${content.title}`,
    late,
    text: '',
    lines: [
      `Due ${cardDateTime(content.due)} (${fromNow(content.due, now)})`,
      `Who provides it: ${content.who.join(', ') || 'not stated'}`,
      ...(owner ? [`Owner: ${owner}`] : []),
    ],
    status: `Status: ${status.text}`,
    statusColor: status.color,
    moved: content.moved ?? '',
    inspectionId: content.inspectionId,
    milestoneId: content.milestoneId,
    showDone: content.status.status !== 'done',
    showUndo: content.status.status === 'done',
  });
}
