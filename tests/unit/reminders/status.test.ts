import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { itemStatus } from '../../../src/reminders/status';

const due = DateTime.fromISO('2026-06-19T17:00', { zone: 'Europe/London' });
const alex = { id: 'aad-alex', name: 'Alex Coordinator', teamsId: '29:alex' };

describe('the status of a return', () => {
  it('is due before its time and overdue from its time on', () => {
    assert.deepEqual(itemStatus(due, due.minus({ minutes: 1 }), undefined), { status: 'due' });
    assert.deepEqual(itemStatus(due, due, undefined), { status: 'overdue' });
  });

  it('is done once marked, even after its time; undone, it is due or overdue again', () => {
    const at = due.plus({ hours: 1 });
    assert.deepEqual(itemStatus(due, due.plus({ days: 2 }), { milestoneId: 'm', done: true, by: alex, at }), { status: 'done', by: alex, at });
    assert.deepEqual(itemStatus(due, due.plus({ days: 2 }), { milestoneId: 'm', done: false, by: alex, at }), { status: 'overdue' });
  });
});
