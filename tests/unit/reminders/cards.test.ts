import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { confirmReplaceCard } from '../../../src/cards/confirmReplaceCard';
import { myRemindersCard } from '../../../src/cards/myRemindersCard';
import { type CardAttachment, MAX_CARD_BYTES, cardSize } from '../../../src/cards/render';
import { reminderCard } from '../../../src/cards/reminderCard';
import { liveTimetableCard, timetablePreviewCard } from '../../../src/cards/timetableCard';
import { computeTimetable } from '../../../src/calendar/timetable';
import { loadKnowledgeBase } from '../../../src/guidance/load';
import { DEFAULT_REMINDER_RULES } from '../../../src/reminders/plan';
import type { InspectionView } from '../../../src/reminders/service';
import type { Inspection, Reminder } from '../../../src/reminders/types';
import { pendingReminder } from '../../helpers/reminders';
import { cardProblems } from '../../helpers/adaptiveCards';
import { cardText } from '../../helpers/botHttp';

const now = DateTime.fromISO('2026-06-03T10:00', { zone: 'Europe/London' });
const records = loadKnowledgeBase().records;
const long = (n: number) => 'x'.repeat(n);
const person = { id: 'aad-1', name: `Sam ${long(150)}`, teamsId: '29:sam' };

function timetable(notified: string, edition: '2018' | '2024') {
  const result = computeTimetable({ deadlines: records, edition, notified, now });
  if (result.status !== 'ok') throw new Error(result.message);
  return result.timetable;
}

function inspection(edition: '2018' | '2024', notified: string): Inspection {
  return {
    id: '3f0c8a4e-0000-4000-8000-000000000000',
    tenantId: 't',
    partnershipKey: 'k',
    conversationId: 'c',
    conversationType: 'channel',
    notified,
    edition,
    coordinator: person,
    rules: DEFAULT_REMINDER_RULES,
    calendarToken: long(32),
    cardActivityId: undefined,
    live: true,
    createdAt: now,
    updatedAt: now,
  };
}

function assertGood(card: CardAttachment, label: string): void {
  assert.deepEqual(cardProblems(card), [], label);
  assert.ok(cardSize(card) < MAX_CARD_BYTES, `${label}: ${cardSize(card)} bytes`);
}

describe('timetable and reminder cards', () => {
  it('keeps the largest timetable (2016-18, every item owned and done, long names) valid and under 28 KB', () => {
    const t = timetable('2026-06-02', '2018');
    const view: InspectionView = {
      inspection: inspection('2018', '2026-06-02'),
      timetable: t,
      items: t.milestones.map((milestone) => ({
        milestone,
        status: { status: 'done', by: person, at: now },
        owner: { milestoneId: milestone.id, agency: long(60), person, assignedBy: person, at: now },
      })),
      pendingReminders: 99,
      now,
    };
    const card = liveTimetableCard(view, { intro: long(300), calendarUrl: `https://jtai.example.org/api/calendar/${long(32)}.ics`, refreshUserIds: Array.from({ length: 80 }, (_, i) => `29:u${i}`) });
    assertGood(card, 'live 2018');
    assert.equal((card.content.refresh as { userIds: string[] }).userIds.length, 60, 'Teams refreshes for at most 60 users');
    assertGood(timetablePreviewCard(t), 'preview 2018');
  });

  it('says on the card which dates a bank holiday moved, and why', () => {
    const card = timetablePreviewCard(timetable('2026-12-14', '2024'));
    const text = cardText({ attachments: [card] });
    assert.match(text, /Moved from .* because of Christmas Day on Friday 25 December/);
    assert.match(text, /Bank holidays in this period\nFri 25 Dec 2026: Christmas Day\nMon 28 Dec 2026: Boxing Day \(substitute day\)/);
  });

  it('renders deadline, late and ad hoc reminder cards', () => {
    const due = DateTime.fromISO('2026-06-09T17:00', { zone: 'Europe/London' });
    const deadline = reminderCard({
      reminderId: 'r',
      scheduledFor: DateTime.fromISO('2026-06-08T09:00', { zone: 'Europe/London' }),
      now: DateTime.fromISO('2026-06-08T11:30', { zone: 'Europe/London' }),
      late: true,
      content: { kind: 'deadline', inspectionId: 'i', milestoneId: 'key-documents', title: 'Key case file documents', due, who: ['police', 'health'], owner: { milestoneId: 'key-documents', agency: 'police', person: undefined, assignedBy: person, at: now }, status: { status: 'due' }, moved: undefined },
    });
    assertGood(deadline, 'deadline');
    assert.equal(
      cardText({ attachments: [deadline] }),
      'Reminder: Key case file documents\nSent late: the bot was offline at 09:00.\nDue Tue 9 Jun 2026, 17:00 (in 30 hours)\nWho provides it: police, health\nOwner: police\nStatus: Not marked done yet',
    );
    const adhoc = reminderCard({ reminderId: 'r', scheduledFor: now, now, late: false, content: { kind: 'adhoc', text: long(500), audience: 'us', setBy: person } });
    assertGood(adhoc, 'adhoc');
  });

  it('keeps "my reminders" under the limit however many and however long', () => {
    const reminders: Reminder[] = Array.from({ length: 50 }, (_, i) =>
      pendingReminder(
        {
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          subject: { kind: 'adhoc', text: long(500), audience: 'me' },
          target: { kind: 'user', userId: 'aad-1' },
          tenantId: 't',
          dueAt: now.plus({ hours: i }),
          createdBy: person,
        },
        now,
      ),
    );
    const card = myRemindersCard(reminders, now, 'Cancelled.');
    assertGood(card, 'my reminders');
    assert.match(cardText({ attachments: [card] }), /Cancelled\. Showing the next 20; 30 more after those\./);
    assertGood(myRemindersCard([], now), 'empty');
    assertGood(confirmReplaceCard(inspection('2024', '2026-06-01'), timetable('2026-06-08', '2024')), 'confirm');
  });
});
