import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { loadKnowledgeBase } from '../../src/guidance/load';
import { type Actor, InspectionService } from '../../src/reminders/service';
import type { Database } from '../../src/store/database';
import { InspectionStore } from '../../src/store/inspectionStore';
import { purgeExpired } from '../../src/reminders/retention';
import { ReminderStore } from '../../src/store/reminderStore';
import { ENGINE, resetDatabase, testDatabase } from '../helpers/db';

const NOW = DateTime.fromISO('2026-06-01T08:30', { zone: 'Europe/London' });
const alex = { id: 'aad-alex', name: 'Alex Coordinator', teamsId: '29:alex' };
const sam = { id: '29:sam', name: 'Sam Police', teamsId: '29:sam' };
const channel: Actor = { person: alex, tenantId: 'tenant-1', partnershipKey: '19:team-1', conversationId: '19:channel-1', conversationType: 'channel' };

interface Row {
  milestone_id: string;
  target_conversation_id: string | null;
  target_user_id: string | null;
  status: string;
  due_at: Date | string;
}

describe(`inspections, marks, owners and their reminders (${ENGINE})`, () => {
  let db: Database;
  let inspections: InspectionStore;
  let service: InspectionService;
  const records = loadKnowledgeBase().records;
  let reminderStore: ReminderStore;
  before(async () => {
    db = await testDatabase();
    inspections = new InspectionStore(db);
    reminderStore = new ReminderStore(db);
    service = new InspectionService({ inspections, reminders: reminderStore, records });
  });
  beforeEach(() => resetDatabase(db));

  const reminders = async (status?: string) =>
    (
      await db.query<Row>(
        `SELECT milestone_id, target_conversation_id, target_user_id, status, due_at FROM reminders
         WHERE kind = 'deadline' ${status ? 'AND status = $1' : ''} ORDER BY due_at, milestone_id, target_user_id NULLS FIRST`,
        status ? [status] : [],
      )
    ).rows;

  async function setLive(dateText = '1 June 2026') {
    const result = await service.set({ actor: channel, dateText, edition: '2024', now: NOW });
    assert.equal(result.status, 'set');
    if (result.status !== 'set') throw new Error('not set');
    return result;
  }

  it('stores the live inspection and plans two reminders per future milestone, to the channel and the coordinator', async () => {
    const { view, planned } = await setLive();
    assert.equal(view.inspection.notified, '2026-06-01');
    assert.equal(view.inspection.coordinator.name, 'Alex Coordinator');
    assert.equal((await inspections.live('tenant-1', '19:team-1'))?.id, view.inspection.id);
    // notification is due at 09:00 today, too soon for either reminder; 7 milestones x 2 times x 2 targets.
    assert.equal(planned, 28);
    const rows = await reminders('pending');
    assert.equal(rows.length, 28);
    const fieldwork = rows.filter((r) => r.milestone_id === 'fieldwork-start');
    assert.deepEqual(
      fieldwork.map((r) => [DateTime.fromJSDate(new Date(r.due_at)).setZone('Europe/London').toFormat('ccc d LLL HH:mm'), r.target_conversation_id ?? r.target_user_id]),
      [
        ['Fri 12 Jun 09:00', '19:channel-1'],
        ['Fri 12 Jun 09:00', 'aad-alex'],
        ['Mon 15 Jun 07:00', '19:channel-1'],
        ['Mon 15 Jun 07:00', 'aad-alex'],
      ],
    );
  });

  it('stores nothing for a bad date', async () => {
    for (const dateText of ['31 February 2026', 'Saturday 30 May 2026', 'as soon as possible', '1 June 2031']) {
      const result = await service.set({ actor: channel, dateText, edition: '2024', now: NOW });
      assert.equal(result.status, 'invalid', dateText);
    }
    assert.equal((await db.query('SELECT id FROM inspections')).rows.length, 0);
    assert.equal((await db.query('SELECT id FROM reminders')).rows.length, 0);
  });

  it('asks before replacing a different live inspection, then replaces it and cancels its reminders', async () => {
    const first = await setLive();
    const again = await service.set({ actor: channel, dateText: '2026-06-01', edition: '2024', now: NOW });
    assert.equal(again.status, 'unchanged');
    const ask = await service.set({ actor: channel, dateText: '8 June 2026', edition: '2024', now: NOW });
    assert.equal(ask.status, 'confirm-replace');
    assert.equal((await inspections.live('tenant-1', '19:team-1'))?.id, first.view.inspection.id, 'nothing changed yet');
    const replaced = await service.set({ actor: channel, dateText: '8 June 2026', edition: '2024', now: NOW, replacing: first.view.inspection.id });
    assert.equal(replaced.status, 'set');
    if (replaced.status !== 'set') return;
    assert.equal(replaced.replaced?.id, first.view.inspection.id);
    assert.equal((await inspections.get(first.view.inspection.id))?.live, false);
    const { rows } = await db.query<{ inspection_id: string; status: string; n: string }>(
      'SELECT inspection_id, status, count(*) AS n FROM reminders GROUP BY inspection_id, status ORDER BY inspection_id',
    );
    assert.deepEqual(
      rows.map((r) => [r.inspection_id === first.view.inspection.id ? 'old' : 'new', r.status, Number(r.n)]).sort(),
      [['new', 'pending', 32], ['old', 'cancelled', 28]].sort(),
    );
  });

  it('cancels a milestone\'s reminders when it is marked done, keeps the history, and plans them again on undo', async () => {
    const { view } = await setLive();
    const id = view.inspection.id;
    const at = DateTime.fromISO('2026-06-12T10:00', { zone: 'Europe/London' });
    const done = await service.mark({ inspectionId: id, milestoneId: 'fieldwork-end', done: true, actor: channel, now: at });
    assert.ok(done.status === 'ok' && done.changed);
    const item = done.status === 'ok' ? done.view.items.find((i) => i.milestone.id === 'fieldwork-end') : undefined;
    assert.equal(item?.status.status, 'done');
    assert.equal(item?.status.status === 'done' ? item.status.by.name : '', 'Alex Coordinator');
    assert.equal((await reminders()).filter((r) => r.milestone_id === 'fieldwork-end' && r.status === 'pending').length, 0);
    assert.equal((await reminders('pending')).filter((r) => r.milestone_id === 'feedback').length, 4, 'other items untouched');

    const twice = await service.mark({ inspectionId: id, milestoneId: 'fieldwork-end', done: true, actor: channel, now: at });
    assert.ok(twice.status === 'ok' && !twice.changed);

    const later = DateTime.fromISO('2026-06-18T10:00', { zone: 'Europe/London' });
    const undone = await service.mark({ inspectionId: id, milestoneId: 'fieldwork-end', done: false, actor: channel, now: later });
    assert.ok(undone.status === 'ok' && undone.changed);
    // Only the reminder still in the future (Friday 15:00, two hours before 17:00) comes back, to both targets.
    const again = (await reminders('pending')).filter((r) => r.milestone_id === 'fieldwork-end');
    assert.deepEqual(
      again.map((r) => DateTime.fromJSDate(new Date(r.due_at)).setZone('Europe/London').toFormat('ccc d LLL HH:mm')),
      ['Fri 19 Jun 15:00', 'Fri 19 Jun 15:00'],
    );
    const history = await inspections.history(id, 'fieldwork-end');
    assert.deepEqual(history.map((m) => [m.done, m.by.name]), [[true, 'Alex Coordinator'], [false, 'Alex Coordinator']]);
  });

  it('adds the owner\'s personal chat to a milestone\'s reminders when a person is assigned', async () => {
    await setLive();
    const result = await service.assign({ actor: channel, milestone: 'factual accuracy', agency: 'health', person: sam, now: NOW });
    assert.equal(result.status, 'ok');
    if (result.status !== 'ok') return;
    assert.equal(result.milestone.id, 'factual-accuracy-comments');
    const targets = (await reminders('pending')).filter((r) => r.milestone_id === 'factual-accuracy-comments').map((r) => r.target_conversation_id ?? r.target_user_id);
    assert.deepEqual(targets.sort(), ['19:channel-1', '19:channel-1', '29:sam', '29:sam', 'aad-alex', 'aad-alex']);
    const owners = await inspections.owners(result.view.inspection.id);
    assert.deepEqual(owners.map((o) => [o.milestoneId, o.agency, o.person?.name, o.assignedBy.name]), [['factual-accuracy-comments', 'health', 'Sam Police', 'Alex Coordinator']]);
  });

  it('does not let someone from another team change the inspection', async () => {
    const { view } = await setLive();
    const outsider: Actor = { ...channel, person: { id: 'aad-eve', name: 'Eve', teamsId: '29:eve' }, partnershipKey: '19:other-team', conversationId: '19:other' };
    const result = await service.mark({ inspectionId: view.inspection.id, milestoneId: 'feedback', done: true, actor: outsider, now: NOW });
    assert.equal(result.status, 'forbidden');
    const otherTenant = await service.mark({ inspectionId: view.inspection.id, milestoneId: 'feedback', done: true, actor: { ...channel, tenantId: 'tenant-2' }, now: NOW });
    assert.equal(otherTenant.status, 'not-found');
  });

  it('replans every milestone for new reminder times', async () => {
    await setLive();
    const result = await service.setRules({ actor: channel, text: '30 minutes before', now: NOW });
    assert.ok(result.status === 'ok');
    assert.equal((await reminders('pending')).length, 14);
    assert.equal((await service.setRules({ actor: channel, text: 'off', now: NOW })).status, 'ok');
    assert.equal((await reminders('pending')).length, 0);
  });

  it('serves the live timetable as an .ics file by its token only', async () => {
    const { view } = await setLive();
    const file = await service.calendarFile(view.inspection.calendarToken, NOW);
    assert.match(file?.body ?? '', /BEGIN:VCALENDAR/);
    assert.match(file?.body ?? '', /SUMMARY:Fieldwork starts/);
    assert.equal(file?.filename, 'jtai-timetable-2026-06-01.ics');
    assert.equal(await service.calendarFile('x'.repeat(32), NOW), undefined);
    assert.equal(await service.calendarFile('../etc/passwd', NOW), undefined);
  });

  describe('retention', () => {
    const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    const purge = (now: DateTime) => purgeExpired({ inspections, reminders: reminderStore, timetableOf: (i) => service.timetableOf(i) }, now, 90);

    it('deletes an inspection with its marks, owners and reminders 90 days after publication, and a replaced one 90 days after it was replaced', async () => {
      const first = await setLive('1 June 2026');
      const live = await service.set({ actor: channel, dateText: '8 June 2026', edition: '2024', now: NOW, replacing: first.view.inspection.id });
      assert.equal(live.status, 'set');
      if (live.status !== 'set') return;
      const id = live.view.inspection.id;
      await service.mark({ inspectionId: id, milestoneId: 'feedback', done: true, actor: channel, now: NOW });
      await service.assign({ actor: channel, milestone: 'draft report', agency: 'police', person: sam, now: NOW });
      const published = live.view.timetable.milestones.find((m) => m.id === 'publication')?.due;
      assert.equal(published?.toISODate(), '2026-08-14');
      if (!published) return;

      // The replaced one went out of use on 1 June: 90 days later it goes, the live one stays whole.
      assert.deepEqual(await purge(published.plus({ days: 89 })), { inspections: 1, reminders: 0 });
      assert.deepEqual((await db.query<{ id: string }>('SELECT id FROM inspections')).rows.map((r) => r.id), [id]);
      assert.equal(await count('milestone_marks'), 1);
      assert.equal(await count('milestone_owners'), 1);
      assert.ok((await count('reminders')) > 0);
      assert.equal((await db.query('SELECT id FROM reminders WHERE inspection_id = $1', [first.view.inspection.id])).rows.length, 0);

      assert.deepEqual(await purge(published.plus({ days: 91 })), { inspections: 1, reminders: 0 });
      for (const table of ['inspections', 'milestone_marks', 'milestone_owners', 'reminders']) assert.equal(await count(table), 0, table);
    });

    it('deletes finished ad hoc reminders 90 days after they finished, never pending ones', async () => {
      const adhoc = (id: string) => ({
        id,
        subject: { kind: 'adhoc' as const, text: 'call the LADO', audience: 'me' as const },
        target: { kind: 'user' as const, userId: 'aad-alex' },
        tenantId: 'tenant-1',
        dueAt: DateTime.now().plus({ days: 200 }),
        createdBy: alex,
      });
      await reminderStore.addMany([adhoc('r-cancelled'), adhoc('r-pending')]);
      assert.ok(await reminderStore.cancel('r-cancelled', 'cancelled by the user'));
      assert.deepEqual(await purge(DateTime.now().plus({ days: 89 })), { inspections: 0, reminders: 0 });
      assert.deepEqual(await purge(DateTime.now().plus({ days: 91 })), { inspections: 0, reminders: 1 });
      assert.deepEqual((await db.query<{ id: string }>('SELECT id FROM reminders')).rows.map((r) => r.id), ['r-pending']);
    });
  });
});
