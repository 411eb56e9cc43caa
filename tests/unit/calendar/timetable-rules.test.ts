import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { DeadlineRuleError } from '../../../src/calendar/timetable';
import { deadlineRecord, dueDates, dueOf, milestone, realDeadlines, timetableFor } from './realDeadlines';

describe('timetable rules, read from the records', () => {
  it('rolls a week-day deadline that lands on a bank holiday forward to the next working day', () => {
    // Monday of week 2 after a notification on Monday 18 May 2026 is the spring bank holiday.
    const deadlines = [
      deadlineRecord({
        id: 'test-monday-week-2',
        milestone: 'monday-week-2',
        due: { rule: 'week-day', week: 2, weekday: 'monday', time: 'midday' },
      }),
      deadlineRecord({
        id: 'test-friday-week-2',
        milestone: 'friday-week-2',
        due: { rule: 'week-day', week: 2, weekday: 'friday', time: 'midday' },
      }),
    ];
    const t = timetableFor('2024', '2026-05-18', { deadlines });
    assert.equal(dueOf(t, 'monday-week-2'), '2026-05-26T12:00:00+01:00');
    assert.equal(
      milestone(t, 'monday-week-2').moved,
      'Moved from Monday 25 May to Tuesday 26 May 2026 because of the Spring bank holiday on Monday 25 May.',
    );
    assert.equal(dueOf(t, 'friday-week-2'), '2026-05-29T12:00:00+01:00');
    assert.equal(milestone(t, 'friday-week-2').moved, undefined);
  });

  it('resolves a milestone counted from another, whatever order the records are written in', () => {
    const deadlines = [
      deadlineRecord({
        id: 'test-c',
        milestone: 'c',
        due: { rule: 'working-days-after', from: 'b', days: 2, time: 'end-of-day' },
      }),
      deadlineRecord({
        id: 'test-b',
        milestone: 'b',
        due: { rule: 'working-days-after', from: 'a', days: 3, time: 'end-of-day' },
      }),
      deadlineRecord({
        id: 'test-a',
        milestone: 'a',
        due: { rule: 'working-days-after', from: 'notification', days: 1, time: '10:00' },
      }),
    ];
    const t = timetableFor('2024', '2026-06-01', { deadlines });
    assert.deepEqual(dueDates(t), { a: '2026-06-02', b: '2026-06-05', c: '2026-06-09' });
    assert.deepEqual(
      t.milestones.map((m) => m.id),
      ['a', 'b', 'c'],
    );
  });

  it('throws a DeadlineRuleError naming the circle when milestones count from each other', () => {
    const deadlines = [
      deadlineRecord({
        id: 'test-x',
        milestone: 'x',
        due: { rule: 'working-days-after', from: 'y', days: 1, time: 'midday' },
      }),
      deadlineRecord({
        id: 'test-y',
        milestone: 'y',
        due: { rule: 'working-days-after', from: 'x', days: 1, time: 'midday' },
      }),
    ];
    assert.throws(
      () => timetableFor('2024', '2026-06-01', { deadlines }),
      (err: unknown) => {
        assert.ok(err instanceof DeadlineRuleError);
        assert.match(err.message, /circle: x -> y -> x/);
        return true;
      },
    );
  });

  it('throws a DeadlineRuleError when a record counts from a milestone the edition lacks', () => {
    const deadlines = [
      deadlineRecord({
        id: 'test-z',
        milestone: 'z',
        due: { rule: 'working-days-after', from: 'nowhere', days: 1, time: 'midday' },
      }),
    ];
    assert.throws(() => timetableFor('2024', '2026-06-01', { deadlines }), /counts from milestone "nowhere"/);
  });

  it('uses only the deadline records of the edition asked for', () => {
    const t2024 = timetableFor('2024', '2026-06-01');
    const t2018 = timetableFor('2018', '2026-06-02');
    assert.ok(t2024.milestones.every((m) => m.recordId.startsWith('deadline-2024-')));
    assert.ok(t2018.milestones.every((m) => m.recordId.startsWith('deadline-2018-')));
    const expected2024 = realDeadlines().filter((r) => r.kind === 'deadline' && r.edition === '2024').length;
    assert.equal(t2024.milestones.length, expected2024);
  });

  it('gives the same timetable whatever zone `now` is expressed in', () => {
    const london = timetableFor('2024', '2026-06-01', {
      now: DateTime.fromISO('2026-05-31T23:30', { zone: 'Europe/London' }),
    });
    const tokyo = timetableFor('2024', '2026-06-01', {
      now: DateTime.fromISO('2026-05-31T23:30', { zone: 'Europe/London' }).setZone('Asia/Tokyo'),
    });
    assert.deepEqual(dueDates(london), dueDates(tokyo));
    assert.equal(milestone(tokyo, 'publication').due.zoneName, 'Europe/London');
  });
});
