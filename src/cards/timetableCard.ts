import { z } from 'zod';
import { describeWho } from '../calendar/format';
import { londonDayFromIso } from '../calendar/london';
import type { Milestone, Timetable } from '../calendar/timetable';
import { AGENCIES, EDITION_LABEL } from '../guidance/schema';
import { cardDate, cardDateTime, fromNow } from '../reminders/format';
import { describeRules } from '../reminders/plan';
import type { InspectionView } from '../reminders/service';
import type { ItemStatus } from '../reminders/status';
import type { MilestoneOwner } from '../reminders/types';
import { type CardAttachment, renderCard } from './render';

const line = z.string().max(2000);
const Color = z.enum(['Default', 'Good', 'Attention', 'Warning']);

export const TimetableCardData = z
  .object({
    heading: z.string().min(1).max(300),
    subheading: line,
    intro: line,
    summary: line,
    items: z
      .array(
        z
          .object({
            id: z.string().min(1).max(100),
            title: z.string().min(1).max(300),
            due: z.string().min(1).max(100),
            who: z.string().max(300),
            owner: z.string().max(300),
            status: z.string().max(300),
            statusColor: Color,
            moved: line,
            showDone: z.boolean(),
            showUndo: z.boolean(),
          })
          .strict(),
      )
      .max(30),
    bankHolidays: z.array(line).max(20),
    notes: z.array(line).max(30),
    footer: z.array(line).max(5),
    source: line,
    inspectionId: z.string().max(100),
    notified: z.string().max(10),
    edition: z.string().max(10),
    calendarUrl: z.string().max(500),
    milestoneChoices: z.array(z.object({ title: z.string().min(1).max(200), value: z.string().min(1).max(100) }).strict()).max(30),
    agencyChoices: z.array(z.string().min(1).max(60)).max(20),
  })
  .strict();
export type TimetableCardData = z.infer<typeof TimetableCardData>;

/** Agencies a partnership assigns returns to (the inspectors and CQC are not owners). */
export const OWNER_AGENCIES: readonly string[] = AGENCIES.filter((a) => !['lead inspector', 'inspectors', 'CQC'].includes(a));

export function statusText(status: ItemStatus, due: Milestone['due'], now: Milestone['due']): { text: string; color: z.infer<typeof Color> } {
  switch (status.status) {
    case 'done':
      return { text: `Done by ${status.by.name || 'someone'}, ${cardDateTime(status.at)}`, color: 'Good' };
    case 'overdue':
      return { text: `Overdue: was due ${fromNow(due, now)}`, color: 'Attention' };
    case 'due': {
      const soon = due.toMillis() - now.toMillis() < 24 * 60 * 60_000;
      return { text: `Due ${fromNow(due, now)}`, color: soon ? 'Warning' : 'Default' };
    }
  }
}

export function ownerText(owner: MilestoneOwner | undefined): string {
  if (!owner) return '';
  return [owner.agency, owner.person?.name].filter((x): x is string => !!x).join(', ');
}

function notesWithoutMoves(timetable: Timetable): string[] {
  const moved = timetable.milestones.filter((m) => m.moved !== undefined).map((m) => `${m.title}: `);
  return timetable.notes.filter((n) => !moved.some((prefix) => n.startsWith(prefix)));
}

function sourceLine(timetable: Timetable): string {
  const seen = new Set<string>();
  for (const m of timetable.milestones) seen.add(`${m.source.publisher} (${m.source.seed})`);
  return [...seen].join('; ');
}

function bankHolidayLines(timetable: Timetable): string[] {
  return timetable.bankHolidays.map((h) => {
    const day = londonDayFromIso(h.date);
    return `${day ? cardDate(day) : h.date}: ${h.name}`;
  });
}

function notifiedText(timetable: Timetable): string {
  const day = londonDayFromIso(timetable.notified);
  return day ? cardDate(day) : timetable.notified;
}

/** A timetable for a date someone asked about: no statuses, and a button to make it the live one. */
export function timetablePreviewCard(timetable: Timetable, options: { intro?: string } = {}): CardAttachment {
  return renderCard('timetable', TimetableCardData, {
    heading: `JTAI timetable if notified ${notifiedText(timetable)}`,
    subheading: EDITION_LABEL[timetable.edition],
    intro: options.intro ?? '',
    summary: '',
    items: timetable.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      due: cardDateTime(m.due),
      who: describeWho(m),
      owner: '',
      status: '',
      statusColor: 'Default' as const,
      moved: m.moved ?? '',
      showDone: false,
      showUndo: false,
    })),
    bankHolidays: bankHolidayLines(timetable),
    notes: notesWithoutMoves(timetable),
    footer: [`To be reminded before each deadline and track who has done what, make it your live inspection: "set inspection ${timetable.notified}${timetable.edition === '2018' ? ' 2018' : ''}".`],
    source: sourceLine(timetable),
    inspectionId: '',
    notified: timetable.notified,
    edition: timetable.edition,
    calendarUrl: '',
    milestoneChoices: [],
    agencyChoices: [],
  });
}

export interface LiveTimetableOptions {
  intro?: string;
  calendarUrl?: string;
  /** Teams user ids ("29:...") whose view refreshes itself (Universal Actions; at most 60). */
  refreshUserIds?: readonly string[];
}

/** The live inspection: each item with its status, owner and buttons; refreshes itself for the people who act on it. */
export function liveTimetableCard(view: InspectionView, options: LiveTimetableOptions = {}): CardAttachment {
  const { inspection, timetable, now } = view;
  const counts = { done: 0, overdue: 0, due: 0 };
  for (const item of view.items) counts[item.status.status]++;
  const card = renderCard('timetable', TimetableCardData, {
    heading: `Live inspection: notified ${notifiedText(timetable)}`,
    subheading: `${EDITION_LABEL[timetable.edition]}. Coordinator: ${inspection.coordinator.name || 'not named'}.`,
    intro: options.intro ?? '',
    summary: `${counts.done} done, ${counts.overdue} overdue, ${counts.due} still due.`,
    items: view.items.map((item) => {
      const status = statusText(item.status, item.milestone.due, now);
      return {
        id: item.milestone.id,
        title: item.milestone.title,
        due: cardDateTime(item.milestone.due),
        who: describeWho(item.milestone),
        owner: ownerText(item.owner),
        status: status.text,
        statusColor: status.color,
        moved: item.milestone.moved ?? '',
        showDone: item.status.status !== 'done',
        showUndo: item.status.status === 'done',
      };
    }),
    bankHolidays: bankHolidayLines(timetable),
    notes: notesWithoutMoves(timetable),
    footer: [
      `Reminders: ${describeRules(inspection.rules)} (${view.pendingReminders} still to go), to this conversation, the coordinator and each item's owner. Change them with "reminders 08:30 the working day before and 1 hour before", or "reminders off".`,
      'Assign an owner with the button below, or say for example "assign draft report to police and @Sam".',
    ],
    source: sourceLine(timetable),
    inspectionId: inspection.id,
    notified: timetable.notified,
    edition: timetable.edition,
    calendarUrl: options.calendarUrl ?? '',
    milestoneChoices: timetable.milestones.map((m) => ({ title: shorten(m.title), value: m.id })),
    agencyChoices: [...OWNER_AGENCIES],
  });
  const userIds = [...new Set(options.refreshUserIds ?? [])].slice(0, 60);
  if (userIds.length > 0) {
    card.content.refresh = { action: { type: 'Action.Execute', title: 'Refresh', verb: 'refreshTimetable', data: { inspectionId: inspection.id } }, userIds };
  }
  return card;
}

function shorten(label: string): string {
  return label.length <= 80 ? label : `${label.slice(0, 77).trimEnd()}...`;
}
