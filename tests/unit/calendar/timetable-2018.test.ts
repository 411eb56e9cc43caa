import assert from 'node:assert/strict';
import { dueOf, milestone, timetableFor } from './realDeadlines';

describe('timetable, 2016-18 programme (day-numbered Annex A deadlines)', () => {
  it('puts each deadline at its exact instant from a Tuesday notification in BST', () => {
    const t = timetableFor('2018', '2026-06-02');
    const due = Object.fromEntries(t.milestones.map((m) => [m.id, m.due.toISO({ suppressMilliseconds: true })]));
    assert.deepEqual(due, {
      'cin-cp-lists': '2026-06-02T17:00:00+01:00', // day 0, end of day
      'case-lists': '2026-06-03T15:00:00+01:00', // day 1, 3pm
      'twenty-children-selected': '2026-06-03T12:00:00+01:00', // day 1, midday
      'twenty-children-info': '2026-06-04T15:00:00+01:00', // day 2, mid-afternoon
      'meetings-schedule': '2026-06-04T17:00:00+01:00',
      'child-level-lists': '2026-06-04T17:00:00+01:00',
      'ten-am-call': '2026-06-05T10:00:00+01:00', // day 3, 10am
      'tracked-cases-selected': '2026-06-05T12:00:00+01:00',
      'key-documents': '2026-06-09T17:00:00+01:00', // day 5, Tuesday of week two
      'other-information': '2026-06-09T17:00:00+01:00',
      evaluations: '2026-06-11T17:00:00+01:00', // day 7, Thursday of week two
      'cqc-request': '2026-06-12T17:00:00+01:00', // Friday of week two
      'consent-arrangements': '2026-06-12T17:00:00+01:00',
    });
    assert.deepEqual(t.notes, []);
    assert.deepEqual(
      t.milestones.slice(0, 3).map((m) => m.id),
      ['cin-cp-lists', 'twenty-children-selected', 'case-lists'],
      'sorted by due time, not by day number',
    );
  });

  it('uses GMT in winter', () => {
    const t = timetableFor('2018', '2026-11-03');
    assert.equal(dueOf(t, 'cin-cp-lists'), '2026-11-03T17:00:00+00:00');
    assert.equal(dueOf(t, 'evaluations'), '2026-11-12T17:00:00+00:00');
    assert.equal(milestone(t, 'evaluations').due.toUTC().toISO({ suppressMilliseconds: true }), '2026-11-12T17:00:00Z');
  });

  it('keeps 17:00 London time when the clocks go back between notification and day five', () => {
    const t = timetableFor('2018', '2026-10-20');
    assert.equal(dueOf(t, 'cin-cp-lists'), '2026-10-20T17:00:00+01:00');
    assert.equal(dueOf(t, 'key-documents'), '2026-10-27T17:00:00+00:00');
  });

  it('moves the Friday of week 2 past Good Friday and Easter Monday (notified 2026-03-24)', () => {
    const t = timetableFor('2018', '2026-03-24');
    assert.equal(dueOf(t, 'evaluations'), '2026-04-02T17:00:00+01:00', 'day 7 is the Thursday before Good Friday');
    assert.equal(dueOf(t, 'cqc-request'), '2026-04-07T17:00:00+01:00');
    assert.equal(dueOf(t, 'consent-arrangements'), '2026-04-07T17:00:00+01:00');
    assert.equal(
      milestone(t, 'cqc-request').moved,
      'Moved from Friday 3 April to Tuesday 7 April 2026 because of Good Friday on Friday 3 April and Easter Monday on Monday 6 April.',
    );
    assert.equal(milestone(t, 'key-documents').moved, undefined);
    assert.equal(t.notes.length, 2);
  });

  it('counts day five past the spring bank holiday (notified 2026-05-19)', () => {
    const t = timetableFor('2018', '2026-05-19');
    assert.equal(dueOf(t, 'key-documents'), '2026-05-27T17:00:00+01:00');
    assert.equal(
      milestone(t, 'key-documents').moved,
      'Moved from Tuesday 26 May to Wednesday 27 May 2026 because of the Spring bank holiday on Monday 25 May.',
    );
    assert.equal(dueOf(t, 'evaluations'), '2026-05-29T17:00:00+01:00');
  });

  it('notes a notification that is not on a Tuesday', () => {
    const t = timetableFor('2018', '2026-06-01');
    assert.equal(dueOf(t, 'case-lists'), '2026-06-02T15:00:00+01:00');
    assert.deepEqual(t.notes, [
      'The guidance expects notification on a Tuesday (2016-18 programme), but 2026-06-01 is a Monday: day counts start from that day and week 1 is the week beginning Monday 1 June 2026.',
    ]);
  });

  it('uses the partnership’s own meaning of the named times', () => {
    const t = timetableFor('2018', '2026-06-02', { times: { 'end-of-day': '16:30', 'mid-afternoon': '14:00' } });
    assert.equal(dueOf(t, 'cin-cp-lists'), '2026-06-02T16:30:00+01:00');
    assert.equal(dueOf(t, 'twenty-children-info'), '2026-06-04T14:00:00+01:00');
    assert.equal(dueOf(t, 'twenty-children-selected'), '2026-06-03T12:00:00+01:00', 'midday unchanged');
    assert.equal(dueOf(t, 'case-lists'), '2026-06-03T15:00:00+01:00', 'a literal 15:00 is not a named time');
  });
});
