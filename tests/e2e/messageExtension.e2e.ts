import assert from 'node:assert/strict';
import { SEARCH_COMMAND } from '../../src/bot/routes/messageExtension';
import { type E2EHarness, useHarness } from './harness';

const DRAFT_REPORT = 'Draft findings report sent to the partnership (Friday of week 6)';

/**
 * The search-based message extension. The Playground does not read the app manifest, so its
 * compose-box "+" > Search Command asks for the command id and parameter name by hand: they
 * are the manifest's (`searchGuidance`, `query`).
 */
describe('e2e: the message extension inserts a guidance card into a chat', function () {
  const h = useHarness();

  async function insertAnswer(harness: E2EHarness, query: string, title: string): Promise<void> {
    const search = await harness.searchMessageExtension(SEARCH_COMMAND, 'query', query);
    await search.surface.getByText(title, { exact: true }).waitFor();
    const titles = await search.titles();
    assert.equal(titles[0], title, `the best match comes first: ${titles.join(' | ')}`);
    await harness.screenshot('message-extension-results');
    await search.surface.getByText(title, { exact: true }).click();
    await search.surface.waitFor({ state: 'hidden' });
    await harness.page.locator('button[aria-label="Send Message"]').first().click();
  }

  /** Cards the user posted (not the bot's bubbles) that contain `text`. */
  function postedCards(harness: E2EHarness, text: string) {
    return harness.page
      .locator('.ac-adaptiveCard', { hasText: text })
      .filter({ hasNot: harness.page.locator('xpath=ancestor::*[contains(@class, "fai-OutputCard")]') });
  }

  it('searches the guidance from the compose box and posts the answer card into a group chat', async () => {
    await h().openConversation('group');
    const before = await h().checkpoint();
    await insertAnswer(h(), 'draft report', DRAFT_REPORT);

    const posted = postedCards(h(), DRAFT_REPORT).last();
    await posted.waitFor();
    const text = await posted.innerText();
    assert.match(text, /Friday of week 6/);
    assert.match(text, /Source: North Yorkshire Safeguarding Children Partnership/);
    assert.equal(
      await posted.locator('.ac-actionSet button').count(),
      0,
      'no follow-up buttons on a card shared where the bot may not be',
    );
    await h().screenshot('message-extension-posted');

    // In a group chat the bot only hears @mentions: ask it something and check it ignored the card.
    await h().sendMessage('help', { mentionBot: true });
    await h().waitForBotReply((t) => t.includes('What I can do'));
    await h().expectNoBotReplySince(before, (t) => !t.includes('What I can do'));
  });

  // The Playground delivers a card inserted into the bot's own chat as a message whose text is
  // the card's markup (`<span class="inline-compose-card" ...>`): shared to be read, not a question.
  it("does not answer a card the user inserts into the bot's own chat", async () => {
    await h().openConversation('personal');
    const before = await h().checkpoint();
    await insertAnswer(h(), 'draft report', DRAFT_REPORT);
    await postedCards(h(), DRAFT_REPORT).last().waitFor();
    await h().sendMessage('help');
    await h().waitForBotReply((t) => t.includes('What I can do'));
    await h().expectNoBotReplySince(before, (t) => !t.includes('What I can do'));
  });
});
