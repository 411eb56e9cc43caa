import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { timetableToIcs } from '../../../src/calendar/ics';
import { timetableFor } from './realDeadlines';

const NOW = DateTime.fromISO('2026-05-01T10:00', { zone: 'Europe/London' });

/** The calendar's content lines, unfolded (RFC 5545 folds long lines with CRLF + whitespace). */
function lines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

function events(ics: string): string[][] {
  const result: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines(ics)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      result.push(current);
      current = undefined;
    } else current?.push(line);
  }
  return result;
}

const field = (event: string[], name: string): string | undefined =>
  event.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

describe('iCalendar export', () => {
  it('writes one event per milestone with a stable UID, the due instant in UTC and 30 minutes', () => {
    const t = timetableFor('2024', '2026-06-01');
    const ics = timetableToIcs(t, { now: NOW });
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    const all = events(ics);
    assert.equal(all.length, t.milestones.length);

    const byUid = new Map(all.map((e) => [field(e, 'UID'), e]));
    const fieldwork = byUid.get('2024-2026-06-01-fieldwork-start@jtai-assistant');
    assert.ok(fieldwork, 'fieldwork event');
    assert.equal(field(fieldwork, 'DTSTART'), '20260615T080000Z', '09:00 BST');
    assert.equal(field(fieldwork, 'DURATION'), 'PT30M');
    assert.equal(field(fieldwork, 'SUMMARY'), 'Fieldwork starts (Monday of week 3)');
    assert.equal(field(fieldwork, 'DTSTAMP'), '20260501T090000Z', 'stamped with the given now, not the clock');

    const comments = byUid.get('2024-2026-06-01-factual-accuracy-comments@jtai-assistant');
    assert.ok(comments);
    assert.equal(field(comments, 'DTSTART'), '20260723T160000Z', '17:00 BST');
    const description = field(comments, 'DESCRIPTION') ?? '';
    assert.match(description, /Who: DCS\\, partnership/);
    assert.match(
      description,
      /Source: North Yorkshire Safeguarding Children Partnership\\, Inspection Timeline\\, Weeks 7 and 8 \(003_d0033c1fea1300a3\.txt\)/,
    );
  });

  it('writes GMT instants in winter and explains a moved date', () => {
    const t = timetableFor('2024', '2026-12-14');
    const ics = timetableToIcs(t, { now: NOW, title: 'Our JTAI' });
    assert.ok(lines(ics).includes('X-WR-CALNAME:Our JTAI'));
    const start = events(ics).find((e) => field(e, 'UID') === '2024-2026-12-14-fieldwork-start@jtai-assistant');
    assert.ok(start);
    assert.equal(field(start, 'DTSTART'), '20261230T090000Z');
    assert.match(field(start, 'DESCRIPTION') ?? '', /Moved from Monday 28 December to Wednesday 30 December 2026/);
  });

  it('gives the same output for the same timetable and now', () => {
    const t = timetableFor('2018', '2026-06-02');
    assert.equal(timetableToIcs(t, { now: NOW }), timetableToIcs(timetableFor('2018', '2026-06-02'), { now: NOW }));
  });
});
