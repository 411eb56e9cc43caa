import assert from 'node:assert/strict';
import { asking } from './asking';

/**
 * People name an edition without its year ("the current round", "the original programme"), and
 * sometimes add to a question a second one the guidance cannot answer.
 */
describe('the answerer, on editions named without a year', () => {
  const { answer, answeredWith } = asking();

  const recordOf = (q: string): string => {
    const a = answer(q);
    assert.equal(a.status, 'answered', q);
    return a.status === 'answered' ? a.record.id : '';
  };

  it('reads "the current round" and "this year\'s" as the round from September 2024', () => {
    assert.equal(recordOf('in the current round how many inspectors does Ofsted send?'), 'team-2024');
    answeredWith("under this year's JTAIs what day of the week are we normally notified?", /Monday/);
  });

  it('reads "the first programme" and "back in 2017" as the 2016-18 programme, leading with its record where the editions differ', () => {
    assert.equal(recordOf('in the first programme how many CQC inspectors were there?'), 'team-2018');
    answeredWith('back in 2017 how was an area told it was being inspected?', /Tuesday/);
  });

  it('keeps what a named round is of: "the new DA JTAIs" still asks about the domestic abuse JTAIs', () => {
    answeredWith('start date of the new DA jtais?', /September/);
    answeredWith('what was the deep dive topic of the very first JTAIs in 2016?', /child sexual exploitation/i);
  });

  it('does not take "send" for the SEND acronym when it is written as a verb', () => {
    assert.equal(recordOf('how many inspectors does Ofsted send?').startsWith('team-'), true);
  });

  it('answers "what time period" as a look-back, not a time of day', () => {
    answeredWith('the referrals list - what time period does it cover?', /three months/);
  });
});

describe('the answerer, on a question with an aside it cannot answer', () => {
  const { answer, text, declined } = asking();

  it('answers the first part and says the guidance does not cover the second', () => {
    const q = 'when is the draft report sent, and who is the DCS in Leeds?';
    const a = answer(q);
    assert.equal(a.status, 'answered', q);
    assert.match(text(q), /Friday of week 6/);
    assert.match(text(q), /other part of your question is not in the inspection guidance/);
    assert.match(text(q), /who holds a post/);
  });

  it('declines whole when the out-of-scope part comes first or the aside refers back to the first', () => {
    declined('What grade did Leeds get in its JTAI and when was the letter published?');
    declined('who is the DCS in Leeds and when is the draft report sent?');
    declined('Who is the lead inspector and what is their phone number?');
  });

  it('declines requests for training courses, local thresholds and pass rates', () => {
    declined('what training courses does Ofsted run on domestic abuse for practitioners?');
    declined('what is the MARAC referral threshold in North Yorkshire?');
    declined('what is the pass rate for areas in the current round?');
    declined('which local authorities are being inspected next month?');
    declined('who is the lead inspector assigned to our inspection?');
  });

  it('still answers a question that mentions a course in passing', () => {
    assert.equal(answer("how long does the dcs have to check the draft, she's away on a course").status, 'answered');
  });
});
