import assert from 'node:assert/strict';
import { COMMANDS } from '../../src/bot/commands';
import { loadGuidance } from '../../src/guidance';
import { useHarness } from './harness';

/**
 * Short questions that the answerer finds ambiguous today (it offers 2-3 choices). The test
 * takes the first one that still is, so content edits do not silently turn the scenario into
 * a plain answer; if none is, it fails and says so.
 */
const AMBIGUOUS_CANDIDATES = ['report at midday', 'marac at 3pm', 'health midday', 'tracking training'];

/** A button title without the ellipsis the card adds to long titles. */
function unshortened(label: string): string {
  return label.replace(/\s*(\.\.\.|\u2026)$/, '');
}

describe('e2e: asking the JTAI assistant in the Agents Playground (personal chat)', function () {
  const h = useHarness();

  beforeEach(async () => {
    await h().openConversation('personal');
  });

  it('answers "when do we receive the draft report?" with a cited card', async () => {
    await h().sendMessage('when do we receive the draft report?');
    const card = await h().waitForBotReply((t) => t.includes('Friday of week 6'));
    const blocks = await h().textBlocks(card);
    assert.ok(
      blocks.some((b) => b.includes('Friday of week 6')),
      `a text block says "Friday of week 6":\n${blocks.join('\n')}`,
    );
    const source = blocks.find((b) => b.startsWith('Source:'));
    assert.ok(source, `a "Source:" line:\n${blocks.join('\n')}`);
    assert.match(source, /North Yorkshire Safeguarding Children Partnership/);
    assert.match(source, /Inspection Timeline/);
    await h().screenshot('answer-draft-report');
    await h().docScreenshot('answer-card', card);
  });

  it('offers "Did you mean one of these?" for an ambiguous question, and answers the choice clicked', async () => {
    const answerer = loadGuidance().answerer;
    const pick = AMBIGUOUS_CANDIDATES.map((q) => ({ q, a: answerer.answer(q) })).find(
      (x) => x.a.status === 'ambiguous',
    );
    assert.ok(
      pick && pick.a.status === 'ambiguous',
      `none of ${AMBIGUOUS_CANDIDATES.join(', ')} is ambiguous any more: pick a new short question`,
    );
    const choices = pick.a.choices.map((c) => c.title);

    await h().sendMessage(pick.q);
    const didYouMean = await h().waitForBotReply((t) => t.includes('Did you mean one of these?'));
    const titles = await h().buttonTitles(didYouMean);
    assert.equal(titles.length, choices.length, `one button per choice: ${titles.join(' | ')}`);
    // Long titles are shortened on the button ("..." or "…"), so compare the start.
    for (const [i, choice] of choices.entries())
      assert.ok(choice.startsWith(unshortened(titles[i] ?? '')), `button ${i + 1} "${titles[i] ?? ''}" is "${choice}"`);
    await h().screenshot('did-you-mean');
    await h().docScreenshot('did-you-mean', didYouMean);

    // The last choice: for "report at midday" its title, typed as a question, ranks another
    // record first, so this also checks that the button asks for that record, not its words.
    const chosen = choices.at(-1) ?? '';
    await h().clickCardButton(titles.at(-1) ?? '', { within: didYouMean });
    const answer = await h().waitForBotReply((t) => t.split('\n')[0]?.trim() === chosen);
    const blocks = await h().textBlocks(answer);
    assert.equal(blocks[0], chosen, 'the answer card is headed by the choice');
    assert.ok(
      blocks.some((b) => b.startsWith('Source:')),
      'and cites its source',
    );
    await h().screenshot('did-you-mean-answer');
  });

  it('answers the question a "Related" follow-up button asks', async () => {
    await h().sendMessage('when is fieldwork?');
    const first = await h().waitForBotReply((t) => /fieldwork/i.test(t) && t.includes('Source:'));
    const [related] = await h().buttonTitles(first);
    assert.ok(related, 'the answer card offers related follow-ups');
    await h().clickCardButton(related, { within: first });
    const next = await h().waitForBotReply((t) => t.includes('Source:'));
    const heading = (await h().textBlocks(next))[0] ?? '';
    assert.ok(heading.startsWith(unshortened(related)), `"${heading}" answers "${related}"`);
    await h().screenshot('related-follow-up');
  });

  it('declines "how do i do a vlookup in excel?" with a "Not in the inspection guidance" card', async () => {
    await h().sendMessage('how do i do a vlookup in excel?');
    const card = await h().waitForBotReply((t) => t.includes('Not in the inspection guidance'));
    const blocks = await h().textBlocks(card);
    assert.equal(blocks[0], 'Not in the inspection guidance');
    assert.ok(
      blocks.some((b) => /vlookup/i.test(b)),
      `it says which word the guidance does not mention:\n${blocks.join('\n')}`,
    );
    assert.ok(!blocks.some((b) => b.startsWith('Source:')), 'no source is cited for a refusal');
    await h().screenshot('decline-vlookup');
    await h().docScreenshot('decline', card);
  });

  it('shows the help card listing every command', async () => {
    await h().sendMessage('help');
    const card = await h().waitForBotReply((t) => t.includes('What I can do'));
    for (const command of COMMANDS) {
      assert.ok(card.text.includes(command.name), `help lists "${command.name}":\n${card.text}`);
      assert.ok(card.text.includes(command.description), `with its description "${command.description}"`);
    }
    await h().screenshot('help');
  });
});
