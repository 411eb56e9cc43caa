import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/render';
import type { Database } from '../../src/store/database';
import { cardProblems } from '../helpers/adaptiveCards';
import { activity, BOT, type BotUnderTest, cardButtons, cardText, PERSONAL, startBot, type TeamsActivity, USER } from '../helpers/botHttp';
import { resetDatabase, testDatabase } from '../helpers/db';
import { MockConnector } from '../helpers/mockConnector';

/**
 * The coordinator's story through the real app over HTTP: set the inspection in a channel, get
 * reminder cards in the channel and personal chats, mark items done from a card, undo, survive
 * 429s and a removed chat, and ad hoc reminders. Proactive sends and card updates go to a mock
 * Bot Connector; time is a fixed clock moved by the test.
 */

const TEAM = { tenant: { id: 'tenant-1' }, team: { id: '19:team-1@thread.tacv2' } };
const CHANNEL = { id: '19:jtai-channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
const GROUP = { id: '19:group-chat-2@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1', isGroup: true };
const SAM = { id: '29:user-sam', name: 'Sam Police', aadObjectId: '00000000-0000-0000-0000-00000000000b' };
const SAM_CHAT = { id: 'a:personal-sam', conversationType: 'personal', tenantId: 'tenant-1' };
const atBot = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: BOT.id, name: BOT.name } };
const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

type Card = Record<string, unknown>;
const content = (reply: Record<string, unknown>): Card => ((reply.attachments as Array<{ content: Card }> | undefined)?.[0]?.content ?? {});
/** Every Action.Execute in a card (body and actions), as verb + data. */
function executes(card: Card): Array<{ verb: string; title: string; data: Record<string, string> }> {
  const found: Array<{ verb: string; title: string; data: Record<string, string> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute') found.push({ verb: String(o.verb), title: String(o.title), data: o.data as Record<string, string> });
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

describe('the live inspection and its reminders in Teams (HTTP, real adapter, mock Bot Connector)', function () {
  this.timeout(30_000);
  let db: Database;
  let bot: BotUnderTest;
  let mock: MockConnector;
  let clock = london('2026-06-01T08:30');
  let inspectionId = '';
  let timetableCardId = '';

  const inChannel = (text: string, extra: Partial<TeamsActivity> = {}): Partial<TeamsActivity> => ({
    text: `<at>${BOT.name}</at> ${text}`,
    conversation: CHANNEL,
    channelData: TEAM,
    entities: [atBot],
    serviceUrl: mock.url,
    ...extra,
  });
  const say = (a: Partial<TeamsActivity>) => bot.send({ serviceUrl: mock.url, ...a });
  /** Normal delivery: replies go to the mock connector and get ids, as in Teams. */
  async function post(a: Partial<TeamsActivity>): Promise<void> {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity({ serviceUrl: mock.url, ...a })) });
    assert.equal(res.status, 200);
  }
  async function execute(verb: string, data: Record<string, string>, where: Partial<TeamsActivity>) {
    const { status, body } = await bot.invoke({
      name: 'adaptiveCard/action',
      serviceUrl: mock.url,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...where,
    });
    assert.equal(status, 200);
    return body as { statusCode: number; type: string; value: Card | string };
  }
  const pending = async (milestone: string) =>
    (await db.query<{ due_at: Date }>(`SELECT due_at FROM reminders WHERE milestone_id = $1 AND status = 'pending' ORDER BY due_at`, [milestone])).rows.map((r) =>
      DateTime.fromJSDate(new Date(r.due_at)).setZone('Europe/London').toFormat('ccc d LLL HH:mm'),
    );

  before(async () => {
    db = await testDatabase();
    await resetDatabase(db);
    mock = await new MockConnector().start();
    bot = await startBot({ db, now: () => clock, env: { REMINDER_DISPATCH: 'off', PUBLIC_URL: 'https://jtai.example.org' } });
    // The bot has personal chats with Alex (the coordinator) and Sam (police).
    await say({ text: 'help', conversation: PERSONAL });
    await say({ text: 'help', conversation: SAM_CHAT, from: SAM });
  });
  after(async () => {
    await bot.stop();
    await mock.stop();
  });

  it('answers "timeline <date>" and notification questions with a timetable card, and leaves other questions to the answerer', async () => {
    const [y2018] = await say({ text: 'timeline 2 June 2026 2018' });
    const t2018 = cardText(y2018 ?? {});
    assert.match(t2018, /JTAI timetable if notified Tue 2 Jun 2026/);
    assert.match(t2018, /2016-18 programme/);
    assert.match(t2018, /Key case file documents[^\n]*\nTue 9 Jun 2026, 17:00/);
    assert.match(t2018, /The 10\/10\/10\/6 case lists[^\n]*\nWed 3 Jun 2026, 15:00/);
    assert.deepEqual(cardProblems({ contentType: 'application/vnd.microsoft.card.adaptive', content: content(y2018 ?? {}) }), []);

    const [easter] = await say({ text: 'timeline 30 March 2026' });
    assert.match(cardText(easter ?? {}), /Moved from Monday 13 April to Wednesday 15 April 2026 because of Good Friday on Friday 3 April and Easter Monday/);
    assert.match(cardText(easter ?? {}), /Bank holidays in this period\nFri 3 Apr 2026: Good Friday/);

    const [natural] = await say({ text: 'we were notified today, when is fieldwork?' });
    assert.match(cardText(natural ?? {}), /JTAI timetable if notified Mon 1 Jun 2026\n.*\nFieldwork starts \(Monday of week 3\): Mon 15 Jun 2026, 09:00\./);
    assert.deepEqual(cardButtons(natural ?? {}), ['Set as our live inspection']);

    const [timelineQuestion] = await say({ text: 'timeline of the inspection?' });
    assert.doesNotMatch(cardText(timelineQuestion ?? {}), /JTAI timetable if notified|is not a date/);

    const [question] = await say({ text: 'when is the draft report?' });
    assert.doesNotMatch(cardText(question ?? {}), /JTAI timetable/);
    assert.match(cardText(question ?? {}), /Friday of week 6/);

    const [weekend] = await say({ text: 'timeline 30 May 2026' });
    assert.match(String(weekend?.text), /2026-05-30 is a Saturday: inspectors notify on a working day/);
  });

  it('refuses a bad date for the live inspection and stores nothing', async () => {
    const [reply] = await say(inChannel('set inspection 30 May 2026'));
    assert.match(String(reply?.text), /is a Saturday.*Nothing was stored\./);
    const [nonsense] = await say(inChannel('set inspection whenever it suits'));
    assert.match(String(nonsense?.text), /"whenever it suits" is not a date I can read.*Nothing was stored/);
    const [huge] = await say(inChannel(`set inspection ${'soon '.repeat(4000)}`));
    assert.ok(String(huge?.text).length < 400, 'a long message is not quoted back whole');
    assert.match(String(huge?.text), /^"soon soon .*\.\.\." is not a date I can read/);
    assert.equal((await db.query('SELECT id FROM inspections')).rows.length, 0);
  });

  it('sets the live inspection in a channel and posts the timetable card with status, buttons and a calendar link', async () => {
    await post(inChannel('set inspection 1 June 2026'));
    const [posted] = mock.messages(CHANNEL.id);
    assert.ok(posted);
    const card = content(posted);
    const text = cardText(posted);
    assert.match(text, /^Live inspection: notified Mon 1 Jun 2026\nround from September 2024\. Coordinator: Alex Coordinator\./);
    assert.match(text, /Live inspection set by Alex Coordinator\. 28 reminders scheduled\./);
    assert.match(text, /Notification of the inspection \(week 1\)\nMon 1 Jun 2026, 09:00\nWho provides it: inspectors\nDue in 30 minutes/);
    assert.match(text, /Fieldwork starts \(Monday of week 3\)\nMon 15 Jun 2026, 09:00/);
    assert.match(text, /Draft findings report sent to the partnership \(Friday of week 6\)\nFri 10 Jul 2026, 17:00/);
    assert.match(text, /Factual accuracy comments returned to inspectors \(Thursday of week 8\)\nThu 23 Jul 2026, 17:00\nWho provides it: DCS, partnership/);
    assert.match(text, /Report published \(Friday of week 10\)\nFri 7 Aug 2026, 09:00/);
    assert.match(text, /0 done, 0 overdue, 8 still due/);
    assert.equal(executes(card).filter((a) => a.verb === 'markDone').length, 8);
    assert.deepEqual(cardProblems({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }), []);
    assert.ok(cardSize({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }) < MAX_CARD_BYTES);

    const { rows } = await db.query<{ id: string; notified: string; coordinator_name: string; card_activity_id: string; calendar_token: string }>('SELECT * FROM inspections WHERE live');
    assert.equal(rows.length, 1);
    inspectionId = rows[0]?.id ?? '';
    timetableCardId = rows[0]?.card_activity_id ?? '';
    assert.equal(rows[0]?.notified, '2026-06-01');
    assert.equal(rows[0]?.coordinator_name, 'Alex Coordinator');
    assert.match(timetableCardId, /^activity-/, 'the posted card is remembered so it can be updated');
    const refresh = card.refresh as { action: { verb: string }; userIds: string[] };
    assert.equal(refresh.action.verb, 'refreshTimetable');
    assert.deepEqual(refresh.userIds, [USER.id]);

    const open = (card.actions as Array<{ type: string; url?: string }>).find((a) => a.type === 'Action.OpenUrl');
    assert.equal(open?.url, `https://jtai.example.org/api/calendar/${rows[0]?.calendar_token}.ics`);
    const ics = await fetch(`${bot.url}/api/calendar/${rows[0]?.calendar_token}.ics`);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
    const body = await ics.text();
    assert.match(body, /SUMMARY:Fieldwork starts \(Monday of week 3\)/);
    assert.match(body, /DTSTART:20260615T080000Z/);
    assert.equal((await fetch(`${bot.url}/api/calendar/${'A'.repeat(32)}.ics`)).status, 404);

    const [deadlines] = await say(inChannel('deadlines'));
    assert.match(cardText(deadlines ?? {}), /Live inspection: notified Mon 1 Jun 2026/);
  });

  it('assigns an owner by text, with an @mention, and shows it on the card', async () => {
    const mentionSam = { type: 'mention', text: `<at>${SAM.name}</at>`, mentioned: { id: SAM.id, name: SAM.name } };
    const [reply] = await say(inChannel(`assign factual accuracy comments to health and <at>${SAM.name}</at>`, { entities: [atBot, mentionSam] }));
    const text = cardText(reply ?? {});
    assert.match(text, /Factual accuracy comments returned to inspectors \(Thursday of week 8\) is now owned by health and Sam Police\./);
    assert.match(text, /Thu 23 Jul 2026, 17:00\nWho provides it: DCS, partnership\nOwner: health, Sam Police/);
    assert.deepEqual((content(reply ?? {}).refresh as { userIds: string[] }).userIds.sort(), [SAM.id, USER.id].sort());
    const [unknown] = await say(inChannel('assign the moon landing to police'));
    assert.match(String(unknown?.text), /No item of the timetable matches "the moon landing"/);
  });

  it('sends reminder cards at 09:00 on the working day before, to the channel and the coordinator\'s personal chat', async () => {
    mock.clear();
    clock = london('2026-06-12T09:00:05');
    const report = await bot.app.reminders.runOnce(clock);
    assert.equal(report.sent, 2);
    for (const conversationId of [CHANNEL.id, PERSONAL.id]) {
      const messages = mock.messages(conversationId);
      assert.equal(messages.length, 1, conversationId);
      const text = cardText(messages[0] ?? {});
      assert.match(text, /^Reminder: Fieldwork starts \(Monday of week 3\)\nDue Mon 15 Jun 2026, 09:00 \(in 3 days\)\nWho provides it: inspectors\nStatus: Not marked done yet/);
      assert.doesNotMatch(text, /Sent late/);
      assert.deepEqual(cardButtons(messages[0] ?? {}), ['Mark done', 'Show the timetable']);
    }
    assert.equal(mock.messages(SAM_CHAT.id).length, 0, 'Sam owns another item');
    const sent = await db.query<{ activity_id: string }>(`SELECT activity_id FROM reminders WHERE status = 'sent'`);
    assert.equal(sent.rows.length, 2);
    assert.ok(sent.rows.every((r) => /^activity-/.test(r.activity_id)));
    assert.equal((await bot.app.reminders.runOnce(clock.plus({ minutes: 1 }))).claimed, 0, 'never twice');
  });

  it('marks an item done from a reminder card: records who, refreshes both cards, cancels its later reminders; undo plans them again', async () => {
    const reminderMessage = mock.sent.find((s) => s.method === 'POST' && s.conversationId === PERSONAL.id);
    const button = executes(content(reminderMessage?.body ?? {})).find((a) => a.verb === 'markDone');
    assert.deepEqual(button?.data, { inspectionId, milestoneId: 'fieldwork-start', card: 'reminder' });
    mock.clear();
    clock = london('2026-06-12T09:10');
    assert.deepEqual(await pending('fieldwork-start'), ['Mon 15 Jun 07:00', 'Mon 15 Jun 07:00']);

    // The card's data names the item; who did it comes from the activity, not the card.
    const done = await execute('markDone', { ...(button?.data ?? {}), by: 'Someone Else' }, { conversation: PERSONAL, replyToId: 'activity-2' });
    assert.equal(done.type, 'application/vnd.microsoft.card.adaptive');
    const doneText = cardText({ attachments: [{ content: done.value }] });
    assert.match(doneText, /Status: Done by Alex Coordinator, Fri 12 Jun 2026, 09:10/);
    assert.deepEqual(executes(done.value as Card).map((a) => a.title), ['Undo', 'Show the timetable']);
    assert.deepEqual(await pending('fieldwork-start'), [], 'later reminders for the item are cancelled');

    const updates = mock.updates();
    assert.deepEqual(updates.map((u) => decodeURIComponent(u.path)).sort(), [`/v3/conversations/${CHANNEL.id}/activities/${timetableCardId}`, `/v3/conversations/${PERSONAL.id}/activities/activity-2`].sort());
    const channelCard = updates.find((u) => u.conversationId === CHANNEL.id)?.body ?? {};
    assert.match(cardText(channelCard), /Fieldwork starts \(Monday of week 3\)\nMon 15 Jun 2026, 09:00\nWho provides it: inspectors\nDone by Alex Coordinator, Fri 12 Jun 2026, 09:10/);
    assert.match(cardText(channelCard), /1 done, 1 overdue, 6 still due/);

    // Undo from the channel's timetable card.
    clock = london('2026-06-12T09:20');
    const undone = await execute('undoDone', { inspectionId, milestoneId: 'fieldwork-start', card: 'timetable' }, { conversation: CHANNEL, channelData: TEAM, replyToId: timetableCardId });
    const undoneText = cardText({ attachments: [{ content: undone.value }] });
    assert.match(undoneText, /Fieldwork starts \(Monday of week 3\)\nMon 15 Jun 2026, 09:00\nWho provides it: inspectors\nDue in 3 days/);
    assert.match(undoneText, /0 done, 1 overdue, 7 still due/);
    assert.deepEqual(await pending('fieldwork-start'), ['Mon 15 Jun 07:00', 'Mon 15 Jun 07:00'], 'undo plans the future reminders again');
    const { rows } = await db.query<{ done: boolean; by_name: string }>(`SELECT done, by_name FROM milestone_marks WHERE milestone_id = 'fieldwork-start' ORDER BY id`);
    assert.deepEqual(rows.map((r) => [r.done, r.by_name]), [[true, 'Alex Coordinator'], [false, 'Alex Coordinator']]);

    // Done again, by Sam this time, from the channel card: Monday's 07:00 reminders never go.
    clock = london('2026-06-12T09:30');
    const again = await execute('markDone', { inspectionId, milestoneId: 'fieldwork-start', card: 'timetable' }, { conversation: CHANNEL, channelData: TEAM, replyToId: timetableCardId, from: SAM });
    assert.match(cardText({ attachments: [{ content: again.value }] }), /Done by Sam Police, Fri 12 Jun 2026, 09:30/);
    mock.clear();
    assert.equal((await bot.app.reminders.runOnce(london('2026-06-15T07:00:05'))).sent, 0);
    assert.equal(mock.messages().length, 0);
  });

  it('retries a 429 after its Retry-After, then sends; never sooner', async () => {
    mock.clear();
    mock.failNext({ status: 429, retryAfterSeconds: 30, conversationId: CHANNEL.id });
    const at = london('2026-06-18T09:00:05');
    const first = await bot.app.reminders.runOnce(at);
    assert.deepEqual([first.sent, first.retried], [3, 1]);
    assert.equal(mock.messages(CHANNEL.id).length, 1);
    const { rows } = await db.query<{ next_attempt_at: Date; last_error: string; attempts: number }>(`SELECT next_attempt_at, last_error, attempts FROM reminders WHERE status = 'pending' AND last_error = 'HTTP 429'`);
    assert.equal(rows.length, 1);
    const wait = DateTime.fromJSDate(new Date(rows[0]?.next_attempt_at ?? 0)).diff(at, 'seconds').seconds;
    assert.ok(wait >= 30 && wait < 31, `waits ${wait}s`);
    assert.equal((await bot.app.reminders.runOnce(at.plus({ seconds: 10 }))).claimed, 0);
    assert.equal((await bot.app.reminders.runOnce(at.plus({ seconds: 31 }))).sent, 1);
    const channel = mock.messages(CHANNEL.id).map((m) => cardText(m).split('\n')[0]);
    assert.deepEqual(channel.sort(), ['Reminder: Fieldwork ends (Friday of week 3)', 'Reminder: Inspection findings fed back to the partnership (Friday of week 3)']);
  });

  it('retires a personal chat the bot was removed from (403) instead of retrying it', async () => {
    mock.clear();
    mock.failNext({ status: 403, conversationId: PERSONAL.id }, { status: 403, conversationId: PERSONAL.id });
    const report = await bot.app.reminders.runOnce(london('2026-06-19T15:00:05'));
    assert.equal(report.retired, 2, JSON.stringify(report));
    assert.equal(report.sent, 2);
    assert.equal(mock.messages(PERSONAL.id).length, 0);
    const conversation = await db.query<{ active: boolean; retired_reason: string }>('SELECT active, retired_reason FROM conversations WHERE conversation_id = $1', [PERSONAL.id]);
    assert.deepEqual(conversation.rows[0], { active: false, retired_reason: 'proactive send: HTTP 403' });
    const retired = await db.query(`SELECT id FROM reminders WHERE status = 'retired' AND target_user_id = $1`, [USER.aadObjectId]);
    assert.equal(retired.rows.length, 2);
    mock.clear();
    // Alex writes again: the chat is active again.
    await say({ text: 'help', conversation: PERSONAL });
    assert.equal((await db.query<{ active: boolean }>('SELECT active FROM conversations WHERE conversation_id = $1', [PERSONAL.id])).rows[0]?.active, true);
  });

  it('takes "remind me in 20 minutes to call the LADO", lists it under "my reminders", sends it on time; cancel works', async () => {
    clock = london('2026-06-18T16:00');
    const [ok] = await say({ text: 'remind me in 20 minutes to call the LADO', conversation: PERSONAL });
    assert.equal(ok?.text, 'OK: I will remind you on Thu 18 Jun 2026, 16:20, in 20 minutes: "call the LADO". Say "my reminders" to see or cancel it.');
    await say({ text: 'remind me at 17:30 to chase health for the documents', conversation: PERSONAL });
    const [past] = await say({ text: 'remind me at 14:30 to call the LADO', conversation: PERSONAL });
    assert.match(String(past?.text), /Thu 18 Jun 2026, 14:30 has already passed/);

    const [list] = await say({ text: 'my reminders', conversation: PERSONAL });
    const listText = cardText(list ?? {});
    assert.match(listText, /Thu 18 Jun 2026, 16:20 \(in 20 minutes\)\ncall the LADO\nFor you; set by Alex Coordinator\./);
    assert.match(listText, /Thu 18 Jun 2026, 17:30 \(in 2 hours\)\nchase health for the documents/);
    const cancel = executes(content(list ?? {})).filter((a) => a.verb === 'cancelReminder');
    assert.equal(cancel.length, 2);
    const cancelled = await execute('cancelReminder', cancel[1]?.data ?? {}, { conversation: PERSONAL });
    const after = cardText({ attachments: [{ content: cancelled.value }] });
    assert.match(after, /^Your reminders\nCancelled\./);
    assert.doesNotMatch(after, /chase health/);
    const foreign = await execute('cancelReminder', cancel[0]?.data ?? {}, { conversation: SAM_CHAT, from: SAM });
    assert.match(cardText({ attachments: [{ content: foreign.value }] }), /Only the person who set that reminder can cancel it/);

    mock.clear();
    assert.equal((await bot.app.reminders.runOnce(london('2026-06-18T16:19'))).claimed, 0);
    assert.equal((await bot.app.reminders.runOnce(london('2026-06-18T16:21'))).sent, 1);
    const [card] = mock.messages(PERSONAL.id);
    assert.equal(cardText(card ?? {}), 'Reminder\ncall the LADO\nSet by Alex Coordinator for Thu 18 Jun 2026, 16:20.');
    assert.equal((await bot.app.reminders.runOnce(london('2026-06-18T17:31'))).sent, 0, 'the cancelled one does not go');
    const [none] = await say({ text: 'my reminders', conversation: PERSONAL });
    assert.match(cardText(none ?? {}), /You have no reminders waiting/);
  });

  it('"remind us" in a channel reminds the channel', async () => {
    clock = london('2026-06-18T16:30');
    const [ok] = await say(inChannel('remind us on Monday at 10 to check the evaluations'));
    assert.match(String(ok?.text), /^OK: I will remind everyone here on Mon 22 Jun 2026, 10:00/);
    mock.clear();
    await bot.app.reminders.runOnce(london('2026-06-22T10:00:30'));
    assert.equal(cardText(mock.messages(CHANNEL.id)[0] ?? {}), 'Reminder\ncheck the evaluations\nSet by Alex Coordinator for Mon 22 Jun 2026, 10:00, for everyone here.');
  });

  it('sends reminders missed while the bot was down as soon as it starts again, marked late; not those whose deadline passed', async () => {
    await bot.stop();
    mock.clear();
    // Down from before 09:00 Thursday 9 July to 12:00: the draft report (Fri 17:00) reminders of 09:00 are late.
    clock = london('2026-07-09T12:00');
    bot = await startBot({ db, now: () => clock, env: { REMINDER_DISPATCH: 'on' } });
    const afterStartUp = await bot.app.reminders.runOnce(clock);
    assert.equal(afterStartUp.claimed, 0, 'the start-up run already sent them');
    await bot.app.reminders.stop(); // no more polling: the test moves the clock itself
    const late = mock.messages(CHANNEL.id).map(cardText);
    assert.equal(late.length, 1);
    assert.match(late[0] ?? '', /^Reminder: Draft findings report sent to the partnership \(Friday of week 6\)\nSent late: the bot was offline at 09:00\.\nDue Fri 10 Jul 2026, 17:00 \(in 29 hours\)/);
    assert.equal((await db.query(`SELECT id FROM reminders WHERE late AND milestone_id = 'draft-report'`)).rows.length, 2);

    // Down again through the whole of Friday afternoon: the 15:00 reminders are past their deadline.
    mock.clear();
    const report = await bot.app.reminders.runOnce(london('2026-07-10T17:30'));
    assert.deepEqual([report.sent, report.expired], [0, 2]);
    assert.equal(mock.messages().length, 0);
  });

  it('sends an item\'s reminder to its owner\'s personal chat too, and assigns owners from the card form', async () => {
    mock.clear();
    const report = await bot.app.reminders.runOnce(london('2026-07-22T09:00:05'));
    assert.equal(report.sent, 3);
    for (const conversationId of [CHANNEL.id, PERSONAL.id, SAM_CHAT.id]) {
      assert.match(
        cardText(mock.messages(conversationId)[0] ?? {}),
        /^Reminder: Factual accuracy comments returned to inspectors \(Thursday of week 8\)\nDue Thu 23 Jul 2026, 17:00 \(in 32 hours\)\nWho provides it: DCS, partnership\nOwner: health, Sam Police/,
        conversationId,
      );
    }
    clock = london('2026-07-22T09:30');
    const assigned = await execute('assignOwner', { inspectionId, milestoneId: 'publication', card: 'timetable', agency: 'partnership', me: 'true' }, { conversation: CHANNEL, channelData: TEAM, replyToId: timetableCardId });
    assert.match(cardText({ attachments: [{ content: assigned.value }] }), /Report published \(Friday of week 10\)\nFri 7 Aug 2026, 09:00\nWho provides it: inspectors\nOwner: partnership, Alex Coordinator/);
    const bad = await execute('assignOwner', { inspectionId, milestoneId: 'publication', agency: 'the moon' }, { conversation: CHANNEL, channelData: TEAM });
    assert.equal(bad.value, 'Choose one of the agencies in the list.');
  });

  it('takes a reminder timed from an item of the live inspection, and sends it then', async () => {
    clock = london('2026-07-22T10:00');
    const [ok] = await say(inChannel('remind us at 8am on the day the final report is due to check the embargo'));
    assert.equal(
      ok?.text,
      'OK: I will remind everyone here on Mon 3 Aug 2026, 08:00, in 12 days: "Final findings report sent to local partners, embargoed (Monday of week 10) is due Mon 3 Aug 2026, 09:00: check the embargo" Say "my reminders" to see or cancel it.',
    );
    const [past] = await say(inChannel('remind us 2 days before the draft report'));
    assert.match(String(past?.text), /Wed 8 Jul 2026, 09:00 has already passed: Draft findings report .* is due Fri 10 Jul 2026, 17:00/);
    const [unknown] = await say(inChannel('remind us the day before the moon landing'));
    assert.match(String(unknown?.text), /No item of the timetable matches "moon landing"/);
    mock.clear();
    await bot.app.reminders.runOnce(london('2026-08-03T08:00:30'));
    const texts = mock.messages(CHANNEL.id).map(cardText);
    assert.ok(
      texts.includes('Reminder\nFinal findings report sent to local partners, embargoed (Monday of week 10) is due Mon 3 Aug 2026, 09:00: check the embargo\nSet by Alex Coordinator for Mon 3 Aug 2026, 08:00, for everyone here.'),
      texts.join('\n---\n'),
    );
  });

  it('opens a personal chat with an owner who never chatted with the bot, and sends their reminders there', async () => {
    const ROBIN = { id: '29:user-robin', name: 'Robin Health' };
    const mentionRobin = { type: 'mention', text: `<at>${ROBIN.name}</at>`, mentioned: ROBIN };
    clock = london('2026-08-03T10:00');
    await say(inChannel(`assign publication to health and <at>${ROBIN.name}</at>`, { entities: [atBot, mentionRobin] }));
    mock.clear();
    const report = await bot.app.reminders.runOnce(london('2026-08-06T09:00:05'));
    assert.equal(report.sent, 3);
    const created = mock.sent.filter((s) => s.method === 'POST' && s.path === '/v3/conversations');
    assert.equal(created.length, 1);
    assert.deepEqual(created[0]?.body.members, [{ id: ROBIN.id, name: '' }]);
    assert.equal(created[0]?.body.tenantId, 'tenant-1');
    const { rows } = await db.query<{ conversation_id: string }>(`SELECT conversation_id FROM conversations WHERE conversation_type = 'personal' AND user_id = $1`, [ROBIN.id]);
    assert.equal(rows.length, 1);
    const robinChat = rows[0]?.conversation_id ?? '';
    assert.match(cardText(mock.messages(robinChat)[0] ?? {}), /^Reminder: Report published \(Friday of week 10\)\nDue Fri 7 Aug 2026, 09:00 \(in 24 hours\)\nWho provides it: inspectors\nOwner: health, Robin Health/);

    // The next reminder uses the stored chat: no second chat is opened.
    mock.clear();
    assert.equal((await bot.app.reminders.runOnce(london('2026-08-07T07:00:05'))).sent, 3);
    assert.equal(mock.sent.filter((s) => s.path === '/v3/conversations').length, 0);
    assert.equal(mock.messages(robinChat).length, 1);
  });

  it('keeps a "remind me" in the channel when Teams will not open a personal chat', async () => {
    const QUINN = { id: '29:user-quinn', name: 'Quinn Probation', aadObjectId: '00000000-0000-0000-0000-00000000000c' };
    clock = london('2026-08-03T10:00');
    mock.failNext({ status: 403, conversationId: '' });
    const [reply] = await say(inChannel('remind me in 20 minutes to call the LADO', { from: QUINN }));
    assert.match(String(reply?.text), /^OK: I will remind you here \(I have no personal chat with you yet\) on Mon 3 Aug 2026, 10:20/);
    const { rows } = await db.query<{ target_conversation_id: string }>(`SELECT target_conversation_id FROM reminders WHERE created_by_id = $1`, [QUINN.aadObjectId]);
    assert.deepEqual(rows.map((r) => r.target_conversation_id), [CHANNEL.id]);
  });

  it('asks before replacing a live inspection, and replaces it from the card button', async () => {
    const inGroup = (text: string) => ({ text, conversation: GROUP, serviceUrl: mock.url });
    clock = london('2026-06-01T10:00');
    await say(inGroup('set inspection 1 June 2026'));
    const [ask] = await say(inGroup('set inspection 8 June 2026'));
    assert.match(cardText(ask ?? {}), /^Replace the live inspection\?\nThis conversation already has a live inspection: notified Mon 1 Jun 2026/);
    const replace = executes(content(ask ?? {})).find((a) => a.verb === 'setInspection');
    assert.equal(replace?.title, 'Replace with Mon 8 Jun 2026');
    const result = await execute('setInspection', replace?.data ?? {}, { conversation: GROUP, replyToId: 'activity-ask' });
    assert.match(cardText({ attachments: [{ content: result.value }] }), /Live inspection: notified Mon 8 Jun 2026[\s\S]*It replaces the inspection notified 2026-06-01; that one's pending reminders are cancelled\./);
    const { rows } = await db.query<{ notified: string; live: boolean }>('SELECT notified, live FROM inspections WHERE partnership_key = $1 ORDER BY notified', [GROUP.id]);
    assert.deepEqual(rows.map((r) => [r.notified, r.live]), [['2026-06-01', false], ['2026-06-08', true]]);
    const stale = await execute('markDone', { inspectionId: (await db.query<{ id: string }>('SELECT id FROM inspections WHERE partnership_key = $1 AND NOT live', [GROUP.id])).rows[0]?.id ?? '', milestoneId: 'feedback' }, { conversation: GROUP });
    assert.match(String(stale.value), /replaced by a newer one/);
  });

  it('lists the new commands in help', async () => {
    const [help] = await say({ text: 'help' });
    const text = cardText(help ?? {});
    for (const command of ['timeline DATE [2018]', 'set inspection DATE [2018]', 'deadlines', 'assign ITEM to AGENCY and @person', 'remind me|us ...', 'my reminders']) {
      assert.ok(text.includes(`${command}: `), command);
    }
  });
});
