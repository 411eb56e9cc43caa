import assert from 'node:assert/strict';
import { answerView } from '../../../src/guidance/view';
import { asking } from './asking';

/**
 * Questions that ask two things at once get the record for each part, each with its own source;
 * a question one record answers still gets exactly that record.
 */
describe('the answerer, on questions in two parts', () => {
  const { answer, text, answeredWith } = asking();

  const parts = (q: string): [string, string | undefined] => {
    const a = answer(q);
    assert.equal(a.status, 'answered', q);
    return a.status === 'answered' ? [a.record.id, a.also?.record.id] : ['', undefined];
  };

  it('answers both parts, each from its own record with its own source line', () => {
    const q = 'Who contacts the schools of the tracked children, and when does the CQC request health documents?';
    answeredWith(q, /education inspector/i);
    assert.match(text(q), /Friday of week two/);
    const [first, second] = parts(q);
    assert.ok(second && second !== first, `${q}: ${first} + ${String(second)}`);
    const view = answerView(answer(q));
    assert.ok(view.also, 'the second part is shown');
    assert.ok(view.sources.length > 0 && view.also.sources.length > 0, 'each part names its source');
    assert.match(text(q), /\nAlso: /);
    assert.equal(text(q).match(/^Source: /gm)?.length, view.sources.length + view.also.sources.length);
  });

  it('answers two look-ups asked together', () => {
    for (const [q, a, b] of [
      ['What is ESN 24 about, and what is ESN 33 about?', /child-centred approach/, /commissioned local services/],
      ['What does document request 3.2 ask for and what is 6.3?', /risk assessments for adult victims/, /annual reports on safeguarding/],
      ['What does MASH stand for and what does MARAC stand for?', /multi-agency safeguarding hub/i, /multi-agency risk assessment conference/i],
    ] as const) {
      answeredWith(q, a);
      assert.match(text(q), b, q);
    }
  });

  it('answers a fact of one edition and a fact of the other', () => {
    const q = 'How many children are tracked in the 2018 guidance, and who is on the inspection team in 2024?';
    answeredWith(q, /five and seven/);
    assert.match(text(q), /education inspector/);
  });

  it('answers the second part when it asks about the first part\'s subject', () => {
    const q = 'How many children does the lead inspector pick at midday on Wednesday, and what extra information is wanted?';
    answeredWith(q, /20 children/);
    assert.match(text(q), /youth offending team/i);
  });

  it('keeps one record where one record answers the question', () => {
    for (const q of [
      'When is the draft report sent?',
      'What does ESN 28 say?',
      'CIN and CP lists - deadline?',
      'What are the 3pm lists on day one?',
      // "that" is the draft report: the second part asks more about the first
      'When is the draft report sent and how many working days after fieldwork is that?',
      // "how many from CQC" leaves out what is counted: the same record counts both
      'How many inspectors come from HMICFRS and how many from CQC?',
      // "what days?" is a detail of the first part, not a question of its own
      'which week is fieldwork and what days?',
    ]) {
      const [first, second] = parts(q);
      assert.equal(second, undefined, `${q}: ${first} + ${String(second)}`);
      assert.doesNotMatch(text(q), /\nAlso: /, q);
    }
  });
});
