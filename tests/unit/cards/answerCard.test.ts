import assert from 'node:assert/strict';
import { answerCard } from '../../../src/cards/answerCard';
import { cardSize, MAX_CARD_BYTES } from '../../../src/cards/render';
import { welcomeCard } from '../../../src/cards/welcomeCard';
import { COMMANDS } from '../../../src/bot/commands';
import { loadGuidance } from '../../../src/guidance';
import { answerView } from '../../../src/guidance/view';
import { cardProblems } from '../../helpers/adaptiveCards';
import { cardText } from '../../helpers/botHttp';

describe('answer and welcome cards', () => {
  const { answerer, kb } = loadGuidance();

  it('renders an answer as a valid Adaptive Card 1.5 with title, text, edition and source', () => {
    const card = answerCard(answerView(answerer.answer('When is the draft report sent?')));
    assert.deepEqual(cardProblems(card), []);
    const text = cardText({ attachments: [card] });
    assert.match(text, /Friday of week 6/);
    assert.match(text, /15 working days/);
    assert.match(text, /Edition: round from September 2024/);
    assert.match(text, /Source: North Yorkshire Safeguarding Children Partnership/);
  });

  it('offers at most three related follow-up buttons that ask a question', () => {
    const card = answerCard(answerView(answerer.answer('What does ESN 28 say?')));
    const actions = (card.content.actions as Array<{ type: string; title: string; data: { verb: string; question: string } }>) ?? [];
    assert.ok(actions.length >= 1 && actions.length <= 3, `got ${actions.length} buttons`);
    for (const a of actions) {
      assert.equal(a.type, 'Action.Submit');
      assert.equal(a.data.verb, 'ask');
      assert.ok(a.data.question.length > 0);
    }
  });

  it('leaves the buttons off where the card goes into a chat the bot may not be in', () => {
    const card = answerCard(answerView(answerer.answer('What does ESN 28 say?')), { withFollowUps: false });
    assert.deepEqual(card.content.actions, []);
    assert.deepEqual(cardProblems(card), []);
  });

  it('renders every record of the knowledge base as a valid card under the size limit', () => {
    for (const record of kb.records) {
      const differs = record.differs.map((id) => kb.byId.get(id)).filter((r) => r !== undefined);
      const card = answerCard(answerView({ status: 'answered', record, related: [], differs }));
      assert.deepEqual(cardProblems(card), [], record.id);
      assert.ok(cardSize(card) < MAX_CARD_BYTES, `${record.id} is ${cardSize(card)} bytes`);
    }
  });

  it('renders a decline and a did-you-mean choice as valid cards', () => {
    const declined = answerCard(answerView({ status: 'declined', reason: 'not-in-guidance', unknownTerms: ['ILACS'] }));
    assert.deepEqual(cardProblems(declined), []);
    assert.match(cardText({ attachments: [declined] }), /does not mention "ILACS"/);
    const [a, b] = kb.records;
    assert.ok(a && b);
    const ambiguous = answerCard(answerView({ status: 'ambiguous', choices: [a, b] }));
    assert.deepEqual(cardProblems(ambiguous), []);
    assert.match(cardText({ attachments: [ambiguous] }), /Did you mean/);
  });

  it('renders the welcome card with the command list and the privacy reminder', () => {
    const card = welcomeCard(COMMANDS, { greeting: true });
    assert.deepEqual(cardProblems(card), []);
    const text = cardText({ attachments: [card] });
    assert.match(text, /Hello, I am the JTAI assistant/);
    assert.match(text, /help: Show this card/);
    assert.match(text, /unique ID/);
  });

  it('refuses card data of the wrong shape instead of rendering a broken card', () => {
    assert.throws(() => answerCard({ status: 'answered', heading: '', edition: '', paragraphs: [], differences: [], sources: [], followUps: [] }));
  });
});
