import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { LONDON, nextWorkingDay, toIsoDate } from '../../src/calendar';
import { useHarness } from './harness';

/**
 * The team "My Team", channel General, as the Playground shows it: new posts at the top,
 * replies in the post's thread. The mention is inserted through the Playground's own picker
 * (type "@", choose the bot), so the bot receives `<at>Test Bot</at> ...` with a mention entity,
 * as from Teams. Like Teams, the Playground does not deliver a channel post that does not
 * mention the bot (its log panel shows no message activity for it), so the "stays quiet" half
 * checks what the user sees; the bot's own rule (ignore un-mentioned channel messages) is
 * tested over HTTP in tests/bot/guidance.test.ts.
 */
describe('e2e: @mentioning the JTAI assistant in a team channel', function () {
  const h = useHarness();

  it("answers a post that @mentions it, in the post's thread; a post without a mention gets no reply", async () => {
    await h().openConversation('channel');
    const before = await h().checkpoint();
    const quiet = 'when is fieldwork?';
    await h().sendMessage(quiet);
    await h().sendMessage('when do we receive the draft report?', { mentionBot: true });

    const card = await h().waitForBotReply((t) => t.includes('Friday of week 6'));
    const blocks = await h().textBlocks(card);
    assert.ok(
      blocks.some((b) => b.startsWith('Source:') && b.includes('North Yorkshire')),
      `a cited answer:\n${blocks.join('\n')}`,
    );
    // The reply sits in the thread of the post that mentioned the bot.
    const thread = h().page.locator('.fui-Card', { has: card.locator });
    assert.match(await thread.first().innerText(), /Test Bot\s*when do we receive the draft report\?/);

    // The un-mentioned post was sent first; by now its reply would be there too.
    const quietPost = h().page.locator('.fui-Card', { hasText: quiet });
    assert.equal(await quietPost.count(), 1, 'the un-mentioned post is shown');
    assert.equal(await quietPost.locator('.ac-adaptiveCard').count(), 0, 'and the bot did not answer it');
    await h().expectNoBotReplySince(before, (t) => !t.includes('Friday of week 6'));
    await h().screenshot('channel-mention');
  });

  it('sets the live inspection in the channel and gives a return an owner there', async () => {
    await h().openConversation('channel');
    const notified = toIsoDate(nextWorkingDay(DateTime.now().setZone(LONDON).startOf('day')));
    await h().sendMessage(`set inspection ${notified}`, { mentionBot: true });
    const timetable = await h().waitForBotReply((t) => /Live inspection/.test(t) && t.includes('Mark done'));
    assert.match(timetable.text, /Coordinator: /);
    assert.match(timetable.text, /Draft findings report sent to the partnership \(Friday of week 6\)/);

    await h().sendMessage('assign draft report to police and me', { mentionBot: true });
    const assigned = await h().waitForBotReply((t) => t.includes('is now owned by police and'));
    assert.match(assigned.text, /Owner: police, \S+/);
    await h().screenshot('channel-inspection-owner');
  });
});
