import assert from 'node:assert/strict';
import { formatTimetableText, timetableToJson } from '../../../src/calendar/format';
import { timetableFor } from './realDeadlines';

describe('timetable formats', () => {
  it('renders JSON with ISO instants carrying the London offset and a one-line source', () => {
    const json = timetableToJson(timetableFor('2018', '2026-06-02'));
    assert.deepEqual(Object.keys(json), ['edition', 'notified', 'milestones', 'notes']);
    assert.equal(json.edition, '2018');
    assert.equal(json.notified, '2026-06-02');
    assert.deepEqual(
      json.milestones.find((m) => m.id === 'case-lists'),
      {
        id: 'case-lists',
        title: 'The 10/10/10/6 case lists (3pm, day one)',
        due: '2026-06-03T15:00:00+01:00',
        who: ['local authority', 'YOT', 'probation'],
        source: 'Ofsted, Annex A, paragraph 15 (004_0f37f550dc5e673b.txt)',
      },
    );
    assert.deepEqual(json.notes, []);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'plain JSON values only');
  });

  it('renders a fixed-width table with weekday, time, milestone and who, then bank holidays and notes', () => {
    const text = formatTimetableText(timetableFor('2024', '2026-05-18'));
    const lines = text.split('\n');
    assert.equal(lines[0], 'JTAI timetable, round from September 2024: notified Monday 18 May 2026');
    const header = lines[2] ?? '';
    assert.match(header, /^Date\s+Time\s+Milestone\s+Who$/);
    const row = lines.find((l) => l.includes('Fieldwork starts')) ?? '';
    assert.match(row, /^Tue 2 Jun 2026 \*\s+09:00\s+Fieldwork starts \(Monday of week 3\)\s+inspectors$/);
    // Columns line up: every row's time starts where the header's does.
    const timeColumn = header.indexOf('Time');
    for (const l of lines.slice(4, 12)) assert.match(l.slice(timeColumn, timeColumn + 5), /^\d\d:\d\d$/, l);
    assert.ok(lines.includes('- Monday 25 May 2026: Spring bank holiday'));
    assert.ok(lines.includes('* moved later by a bank holiday: the notes say why.'));
    assert.ok(lines.includes('Notes:'));
    assert.ok(
      lines.includes(
        '- Fieldwork starts (Monday of week 3): moved from Monday 1 June to Tuesday 2 June 2026 because of the Spring bank holiday on Monday 25 May.',
      ),
    );
  });
});
