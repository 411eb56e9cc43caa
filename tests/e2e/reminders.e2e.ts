import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { LONDON, isWorkingDay, nextWorkingDay, toIsoDate } from '../../src/calendar';
import { type BotReply, E2EHarness, stopHarness } from './harness';

/**
 * Inspection timetable and reminders (issue 3) as a coordinator uses them in Teams.
 *
 * - "set inspection <date>" posts the live timetable card; "Mark done" on it is an
 *   Action.Execute: the same message is refreshed (no new message), and "Undo" restores it.
 * - "remind me in 1 minute to ..." makes the bot send a reminder card by itself a minute later.
 * - A deadline reminder card arrives proactively and "Mark done" on it refreshes it in place.
 *   Deadline reminders fire relative to a due time, so this bot runs with END_OF_DAY set to a
 *   few minutes after start-up: in the 2016-18 programme the CIN and CP lists are due "by the
 *   end of notification day". The inspection is notified today and the test sets
 *   "reminders N minutes before" so that the reminder falls a few seconds ahead. That needs
 *   today to be a working day in England (and not the last minutes before midnight): on other
 *   days that test skips, saying why.
 *
 * These tests get their own bot (REMINDER_POLL_SECONDS=1, END_OF_DAY as above), Playground and
 * browser.
 */

const MARK_DONE = 'Mark done';

/** A guidance answer, a "did you mean" or a refusal: what the bot would say to a command it did not know. */
function assertCommandUnderstood(reply: BotReply, command: string): void {
  const guidance = /Not in the inspection guidance|Did you mean one of these\?|Ask me about the JTAI/.test(reply.text);
  assert.ok(!guidance, `the bot answered "${command}" as a guidance question:\n${reply.text.slice(0, 400)}`);
}

/** Mocha prints no reason for a skip: say it in the output. */
function skipBecause(ctx: Mocha.Context, reason: string): never {
  console.log(`      skipped: ${reason}`);
  return ctx.skip();
}

function countButtons(h: E2EHarness, card: BotReply, title: string): Promise<number> {
  return h.cardButton(title, { within: card }).count();
}

/**
 * Clicks `title` (the `index`th such button) in `card` and waits until the same message shows
 * one `title` button fewer and one `becomes` button more; no new bot message may appear.
 */
async function clickAndExpectInPlace(
  h: E2EHarness,
  card: BotReply,
  title: string,
  becomes: string,
  index: number,
): Promise<string> {
  const before = { from: await countButtons(h, card, title), to: await countButtons(h, card, becomes) };
  assert.ok(before.from > index, `the card offers "${title}":\n${card.text}`);
  const checkpoint = await h.checkpoint();
  await h.cardButton(title, { within: card }).nth(index).click();
  const deadline = Date.now() + 30_000;
  for (;;) {
    // The locator is the message's own DOM node: if the Playground had posted a new message instead, this would not change.
    const now = { from: await countButtons(h, card, title), to: await countButtons(h, card, becomes) };
    if (now.from === before.from - 1 && now.to === before.to + 1) break;
    if (Date.now() > deadline) {
      await h.screenshot(`in-place-timeout-${Date.now()}`);
      assert.fail(
        `after "${title}" the card still has ${now.from} "${title}" and ${now.to} "${becomes}" buttons (before: ${before.from}, ${before.to})`,
      );
    }
    await h.page.waitForTimeout(200);
  }
  await h.expectNoBotReplySince(checkpoint, () => true);
  return card.locator.innerText();
}

/** "HH:MM" London time `minutes` from now, rounded up to the minute; undefined past midnight. */
function clockAfter(minutes: number): { hhmm: string; at: DateTime } | undefined {
  const now = DateTime.now().setZone(LONDON);
  const at = now.plus({ minutes }).startOf('minute').plus({ minutes: 1 });
  if (!at.hasSame(now, 'day')) return undefined;
  return { hhmm: at.toFormat('HH:mm'), at };
}

describe('e2e: inspection timetable and reminders', function () {
  let h: E2EHarness | undefined;
  const harness = (): E2EHarness => {
    if (!h) throw new Error('the e2e harness did not start (see the before hook failure)');
    return h;
  };
  let today = DateTime.now().setZone(LONDON).startOf('day');
  let endOfDay: ReturnType<typeof clockAfter>;
  /** Deadline reminders can be made to fire during the test: a working day, not just before midnight. */
  let deadlineToday = false;
  let inspectionSet = false;

  before(async function () {
    this.timeout(180_000);
    today = DateTime.now().setZone(LONDON).startOf('day');
    endOfDay = clockAfter(12);
    deadlineToday = isWorkingDay(today) && endOfDay !== undefined;
    // One stack at a time on a small CI machine: the shared harness starts again if a later file needs it.
    await stopHarness();
    h = await E2EHarness.start({
      botEnv: { REMINDER_POLL_SECONDS: '1', ...(deadlineToday && endOfDay ? { END_OF_DAY: endOfDay.hhmm } : {}) },
    });
  });

  after(async function () {
    this.timeout(30_000);
    await h?.stop();
  });

  beforeEach(async () => {
    await harness().openConversation('personal');
  });

  it('sets the live inspection, shows the timetable card, and marks an item done and undoes it in place', async () => {
    // Today in the 2016-18 programme when the deadline reminder test can run today, else the next working day.
    const command = deadlineToday
      ? `set inspection ${toIsoDate(today)} 2018`
      : `set inspection ${toIsoDate(nextWorkingDay(today))}`;
    await harness().sendMessage(command);
    const first = await harness().waitForBotReply(() => true);
    assertCommandUnderstood(first, command);

    const timetable = await harness().waitForBotReply((t) => t.includes(MARK_DONE) && /Live inspection/i.test(t));
    inspectionSet = true;
    await harness().screenshot('reminders-timetable');
    // The last item: the first (due today) is left for the deadline reminder test.
    const items = await countButtons(harness(), timetable, MARK_DONE);
    const done = await clickAndExpectInPlace(harness(), timetable, MARK_DONE, 'Undo', items - 1);
    assert.match(done, /\b1 done\b/, `the summary counts it:\n${done.slice(0, 400)}`);
    await harness().screenshot('reminders-timetable-done');
    const undone = await clickAndExpectInPlace(harness(), timetable, 'Undo', MARK_DONE, 0);
    assert.match(undone, /\b0 done\b/, `and Undo takes it back:\n${undone.slice(0, 400)}`);
  });

  it('sends an ad hoc reminder card by itself a minute later', async function () {
    this.timeout(200_000);
    const what = 'check the e2e case lists';
    const command = `remind me in 1 minute to ${what}`;
    await harness().sendMessage(command);
    const ack = await harness().waitForBotReply(() => true);
    assertCommandUnderstood(ack, command);
    assert.ok(ack.text.includes(what), `the bot confirms what it will remind about:\n${ack.text}`);
    await harness().screenshot('reminders-adhoc-set');

    // Nothing more is sent: the reminder comes by itself.
    await harness().markSeen();
    const reminder = await harness().waitForBotReply((t) => t.includes(what) && /^Reminder\b/m.test(t), 150_000);
    assert.match(reminder.text, /Set by .+ for /);
    await harness().screenshot('reminders-adhoc-received');
  });

  it('sends a deadline reminder card proactively; "Mark done" on it refreshes the card in place', async function () {
    this.timeout(200_000);
    if (!inspectionSet) skipBecause(this, 'no live inspection: the first test did not set one');
    if (!deadlineToday || !endOfDay) {
      skipBecause(
        this,
        `a deadline cannot be made due in a few minutes today (${today.toFormat('cccc d LLLL')}): not a working day in England, or too close to midnight`,
      );
    }
    const secondsLeft = endOfDay.at.diffNow().as('seconds');
    const minutesBefore = Math.floor((secondsLeft - 20) / 60);
    assert.ok(
      minutesBefore >= 5,
      `the suite took too long to get here: the CIN/CP lists are due in ${Math.round(secondsLeft)} s`,
    );

    await harness().sendMessage(`reminders ${minutesBefore} minutes before`);
    await harness().waitForBotReply((t) => t.includes(`${minutesBefore} minutes before`));
    await harness().markSeen();
    // Due at END_OF_DAY; reminded `minutesBefore` minutes earlier: 20-80 s from now.
    const reminder = await harness().waitForBotReply((t) => /^Reminder: /m.test(t) && t.includes(MARK_DONE), 150_000);
    assert.match(reminder.text, /^Status: /m);
    assert.doesNotMatch(reminder.text, /Status: Done/);
    assert.match(reminder.text, new RegExp(`Due .*${endOfDay.hhmm}`));
    await harness().screenshot('reminders-deadline-received');

    const refreshed = await clickAndExpectInPlace(harness(), reminder, MARK_DONE, 'Undo', 0);
    assert.match(refreshed, /Status: Done/, `the card shows the item done:\n${refreshed}`);
    await harness().screenshot('reminders-deadline-done');
    await harness().docScreenshot('reminder', reminder, { above: 24 });
  });
});
