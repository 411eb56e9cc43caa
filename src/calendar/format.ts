import type { Source } from '../guidance/schema';
import { EDITION_LABEL } from '../guidance/schema';
import { LONDON, londonDayFromIso, longDate } from './london';
import type { Milestone, Timetable } from './timetable';

/** Pure renderings of a timetable: plain text for a terminal or chat, JSON for machines. */

/** "North Yorkshire Safeguarding Children Partnership, Inspection Timeline, Week 10 (003_....txt)" */
export function describeSource(source: Source): string {
  return `${source.publisher}, ${source.ref} (${source.seed})`;
}

export function describeWho(milestone: Pick<Milestone, 'who'>): string {
  return milestone.who.join(', ');
}

export interface TimetableJson {
  edition: string;
  notified: string;
  milestones: { id: string; title: string; due: string; who: string[]; source: string }[];
  notes: string[];
}

export function timetableToJson(timetable: Timetable): TimetableJson {
  return {
    edition: timetable.edition,
    notified: timetable.notified,
    milestones: timetable.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      due: isoInstant(m),
      who: [...m.who],
      source: describeSource(m.source),
    })),
    notes: [...timetable.notes],
  };
}

/** "2026-06-10T15:00:00+01:00": London wall-clock time with its offset. */
function isoInstant(m: Milestone): string {
  return m.due.setZone(LONDON).toISO({ suppressMilliseconds: true }) ?? m.due.toString();
}

/**
 * A fixed-width table: date with weekday, time, milestone, who; then bank holidays and notes.
 * A "*" after the date marks a milestone a bank holiday moved (the notes say why).
 */
export function formatTimetableText(timetable: Timetable): string {
  const notifiedDay = londonDayFromIso(timetable.notified);
  const heading = `JTAI timetable, ${EDITION_LABEL[timetable.edition]}: notified ${notifiedDay ? longDate(notifiedDay) : timetable.notified}`;

  const rows = timetable.milestones.map((m) => {
    const due = m.due.setZone(LONDON);
    return [
      due.toFormat('ccc d LLL yyyy', { locale: 'en-GB' }) + (m.moved !== undefined ? ' *' : ''),
      due.toFormat('HH:mm'),
      m.title,
      describeWho(m),
    ] as const;
  });
  const header = ['Date', 'Time', 'Milestone', 'Who'] as const;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? c.length)))
      .join('  ')
      .trimEnd();

  const out = [heading, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (timetable.milestones.some((m) => m.moved !== undefined)) {
    out.push('', '* moved later by a bank holiday: the notes say why.');
  }
  if (timetable.bankHolidays.length > 0) {
    out.push('', 'Bank holidays in this period:');
    for (const h of timetable.bankHolidays) {
      const day = londonDayFromIso(h.date);
      out.push(`- ${day ? longDate(day) : h.date}: ${h.name}`);
    }
  }
  if (timetable.notes.length > 0) {
    out.push('', 'Notes:');
    for (const note of timetable.notes) out.push(`- ${note}`);
  }
  return out.join('\n');
}
