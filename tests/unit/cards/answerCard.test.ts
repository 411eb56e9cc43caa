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

  it('shortens long button titles at a word with three dots, keeping every card Latin-1', () => {
    let shortened = 0;
    for (const record of kb.records) {
      const card = answerCard(answerView(answerer.answer(record.title)));
      for (const a of (card.content.actions as Array<{ title: string; data: { question: string } }>) ?? []) {
        assert.ok(a.title.length <= 45, `"${a.title}" is ${a.title.length} characters`);
        if (a.title !== a.data.question) {
          shortened++;
          assert.match(a.title, /\S\.\.\.$/);
          assert.ok(a.data.question.startsWith(a.title.slice(0, -3)), `"${a.title}" shortens "${a.data.question}"`);
        }
      }
      assert.doesNotMatch(JSON.stringify(card), /[^ -\u00ff]/, `the card for "${record.title}" has a character beyond Latin-1`);
    }
    assert.ok(shortened > 10, `only ${shortened} titles were long enough to shorten`);
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

  it('renders a two-part answer as one valid card with both parts and their sources, under the size limit', () => {
    const card = answerCard(answerView(answerer.answer('Who contacts the schools of the tracked children, and when does the CQC request health documents?')));
    assert.deepEqual(cardProblems(card), []);
    const text = cardText({ attachments: [card] });
    assert.match(text, /education inspector/i);
    assert.match(text, /Friday of week two/);
    assert.match(text, /Also: /);
    assert.ok((text.match(/Source: /g) ?? []).length >= 2, text);
    // the two largest records together still make a card well under the limit
    const size = (r: (typeof kb.records)[number]) => cardSize(answerCard(answerView({ status: 'answered', record: r, related: [], differs: [] })));
    const [a, b] = [...kb.records].sort((x, y) => size(y) - size(x));
    assert.ok(a && b);
    const both = answerCard(answerView({ status: 'answered', record: a, related: [], differs: [], also: { record: b, differs: [] } }));
    assert.deepEqual(cardProblems(both), []);
    assert.ok(cardSize(both) < MAX_CARD_BYTES, `${cardSize(both)} bytes`);
  });

  it('renders an answer with a note on the part of the question the guidance cannot answer', () => {
    const card = answerCard(answerView(answerer.answer('when is the draft report sent, and who is the DCS in Leeds?')));
    assert.deepEqual(cardProblems(card), []);
    const text = cardText({ attachments: [card] });
    assert.match(text, /Friday of week 6/);
    assert.match(text, /other part of your question is not in the inspection guidance/);
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
