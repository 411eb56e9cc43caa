import assert from 'node:assert/strict';
import { dueDates, dueOf, milestone, timetableFor } from './realDeadlines';

describe('timetable, round from September 2024', () => {
  it('computes the ten weeks from a Monday notification with no bank holidays', () => {
    const t = timetableFor('2024', '2026-06-01');
    assert.deepEqual(dueDates(t), {
      notification: '2026-06-01',
      'fieldwork-start': '2026-06-15',
      'fieldwork-end': '2026-06-19',
      feedback: '2026-06-19',
      'draft-report': '2026-07-10',
      'factual-accuracy-comments': '2026-07-23',
      'final-report': '2026-08-03',
      publication: '2026-08-07',
    });
    assert.equal(dueOf(t, 'fieldwork-start'), '2026-06-15T09:00:00+01:00');
    assert.equal(dueOf(t, 'draft-report'), '2026-07-10T17:00:00+01:00');
    assert.deepEqual(t.notes, []);
    assert.deepEqual(t.bankHolidays, []);
    assert.equal(
      t.milestones.some((m) => m.moved !== undefined),
      false,
    );
  });

  it('sorts the milestones by due time and carries who, source and the guidance wording', () => {
    const t = timetableFor('2024', '2026-06-01');
    const times = t.milestones.map((m) => m.due.toMillis());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    const comments = milestone(t, 'factual-accuracy-comments');
    assert.equal(comments.recordId, 'deadline-2024-factual-accuracy-comments');
    assert.deepEqual(comments.who, ['DCS', 'partnership']);
    assert.equal(comments.source.publisher, 'North Yorkshire Safeguarding Children Partnership');
    assert.equal(comments.nominal, 'Thursday of week 8 (9 working days after the draft)');
    assert.equal(comments.due.zoneName, 'Europe/London');
  });

  it('moves fieldwork and the reports past Easter, the early May and the spring bank holidays (notified 2026-03-23)', () => {
    const t = timetableFor('2024', '2026-03-23');
    assert.deepEqual(dueDates(t), {
      notification: '2026-03-23',
      'fieldwork-start': '2026-04-08', // Good Friday and Easter Monday fall in week 2
      'fieldwork-end': '2026-04-14',
      feedback: '2026-04-14',
      'draft-report': '2026-05-06', // and the early May bank holiday in the 15 days after fieldwork
      'factual-accuracy-comments': '2026-05-19',
      'final-report': '2026-05-26', // Monday of week 10 is the spring bank holiday
      publication: '2026-05-29',
    });
    // Notified in GMT; fieldwork after the clocks go forward on 29 March.
    assert.equal(dueOf(t, 'notification'), '2026-03-23T09:00:00+00:00');
    assert.equal(dueOf(t, 'fieldwork-start'), '2026-04-08T09:00:00+01:00');

    assert.equal(
      milestone(t, 'fieldwork-start').moved,
      'Moved from Monday 6 April to Wednesday 8 April 2026 because of Good Friday on Friday 3 April and Easter Monday on Monday 6 April.',
    );
    assert.equal(
      milestone(t, 'draft-report').moved,
      'Moved from Friday 1 May to Wednesday 6 May 2026 because of Good Friday on Friday 3 April, Easter Monday on Monday 6 April and the Early May bank holiday on Monday 4 May.',
    );
    assert.equal(
      milestone(t, 'final-report').moved,
      'Moved from Monday 25 May to Tuesday 26 May 2026 because of the Spring bank holiday on Monday 25 May.',
    );
    assert.equal(milestone(t, 'notification').moved, undefined);
    assert.equal(milestone(t, 'publication').moved, undefined);
    assert.deepEqual(
      t.bankHolidays.map((h) => h.date),
      ['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25'],
    );
    assert.equal(t.notes.length, 6, 'one note per moved milestone');
    assert.ok(
      t.notes.includes(
        'Fieldwork starts (Monday of week 3): moved from Monday 6 April to Wednesday 8 April 2026 because of Good Friday on Friday 3 April and Easter Monday on Monday 6 April.',
      ),
    );
  });

  it('moves fieldwork past Christmas and New Year (notified 2026-12-14), in GMT', () => {
    const t = timetableFor('2024', '2026-12-14');
    assert.deepEqual(dueDates(t), {
      notification: '2026-12-14',
      'fieldwork-start': '2026-12-30',
      'fieldwork-end': '2027-01-06',
      feedback: '2027-01-06',
      'draft-report': '2027-01-27',
      'factual-accuracy-comments': '2027-02-09',
      'final-report': '2027-02-15',
      publication: '2027-02-19',
    });
    assert.equal(dueOf(t, 'fieldwork-end'), '2027-01-06T17:00:00+00:00');
    assert.equal(
      milestone(t, 'fieldwork-start').moved,
      'Moved from Monday 28 December to Wednesday 30 December 2026 because of Christmas Day on Friday 25 December and Boxing Day (substitute day) on Monday 28 December.',
    );
    assert.equal(
      milestone(t, 'fieldwork-end').moved,
      "Moved from Friday 1 January to Wednesday 6 January 2027 because of Christmas Day on Friday 25 December 2026, Boxing Day (substitute day) on Monday 28 December 2026 and New Year's Day on Friday 1 January.",
    );
    assert.deepEqual(t.bankHolidays, [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      { date: '2027-01-01', name: "New Year's Day" },
    ]);
  });

  it('moves fieldwork a day when the spring bank holiday falls in week 2 (notified 2026-05-18)', () => {
    const t = timetableFor('2024', '2026-05-18');
    assert.deepEqual(dueDates(t), {
      notification: '2026-05-18',
      'fieldwork-start': '2026-06-02',
      'fieldwork-end': '2026-06-08',
      feedback: '2026-06-08',
      'draft-report': '2026-06-29',
      'factual-accuracy-comments': '2026-07-10',
      'final-report': '2026-07-20',
      publication: '2026-07-24',
    });
    assert.equal(
      milestone(t, 'fieldwork-end').moved,
      'Moved from Friday 5 June to Monday 8 June 2026 because of the Spring bank holiday on Monday 25 May.',
    );
    assert.equal(milestone(t, 'final-report').moved, undefined, 'week 10 has no bank holiday');
  });

  it('moves fieldwork when the early May bank holiday falls in week 2 (notified 2026-04-27)', () => {
    const t = timetableFor('2024', '2026-04-27');
    assert.equal(dueOf(t, 'fieldwork-start'), '2026-05-12T09:00:00+01:00');
    assert.equal(dueOf(t, 'fieldwork-end'), '2026-05-18T17:00:00+01:00');
    assert.equal(
      milestone(t, 'fieldwork-start').moved,
      'Moved from Monday 11 May to Tuesday 12 May 2026 because of the Early May bank holiday on Monday 4 May.',
    );
    // The draft's 15 working days also cross the spring bank holiday.
    assert.equal(dueOf(t, 'draft-report'), '2026-06-09T17:00:00+01:00');
    assert.match(
      milestone(t, 'draft-report').moved ?? '',
      /Early May bank holiday on Monday 4 May and the Spring bank holiday on Monday 25 May\.$/,
    );
  });

  it('accepts a notification on another weekday with a note, counting week 1 from its Monday', () => {
    const t = timetableFor('2024', '2026-06-03');
    assert.equal(dueOf(t, 'fieldwork-start'), '2026-06-17T09:00:00+01:00');
    assert.equal(dueOf(t, 'final-report'), '2026-08-03T09:00:00+01:00');
    assert.deepEqual(t.notes, [
      'The guidance expects notification on a Monday (round from September 2024), but 2026-06-03 is a Wednesday: day counts start from that day and week 1 is the week beginning Monday 1 June 2026.',
    ]);
  });
});
