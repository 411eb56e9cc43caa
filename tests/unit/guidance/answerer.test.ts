import assert from 'node:assert/strict';
import { loadGuidance } from '../../../src/guidance';
import { asking } from './asking';

/**
 * Questions written for these tests (not the dev set the benchmark scores), in the ways
 * practitioners phrase them: typos, abbreviations, slang, several facts at once.
 */
describe('the answerer', () => {
  const { answer, text, answeredWith, declined } = asking();

  describe('exact look-ups', () => {
    it('answers an ESN number with that criterion', () => {
      for (const n of [23, 26, 30, 34, 38]) {
        const a = answer(`ESN ${n}`);
        assert.equal(a.status === 'answered' && a.record.esn, n, `ESN ${n}`);
      }
      answeredWith('what does esn29 cover', /multi-agency risk assessment conferences support the protection of children/i);
    });

    it('answers an Annex A document code with that request', () => {
      answeredWith('what goes in 1.6?', /multi-agency safeguarding hub/i);
      answeredWith('what is item 3.9 for the police', /MARAC/);
      answeredWith('do we need to send 4.5', /approved premises/i);
    });

    it('answers a week of the 2024 timeline', () => {
      answeredWith('what happens in week 2', /fieldwork timetable/i);
      answeredWith('week 10?', /embargo/i);
    });

    it('answers what an acronym stands for', () => {
      answeredWith('what does RCPC stand for', /review child protection conference/i);
      answeredWith('IDVA meaning', /independent domestic violence advis/i);
      answeredWith('what is HMICFRS', /Constabulary and Fire and Rescue Services/i);
    });
  });

  describe('ranked search in practitioners\' words', () => {
    it('copes with typos', () => {
      answeredWith('when does the draft reprot arrive', /Friday of week 6/);
      answeredWith('wat is the embargo on the finel report', /embargoed/);
    });

    it('understands informal names through synonyms', () => {
      answeredWith('do they observe strat meetings?', /strategy/i);
      answeredWith('what do they want on the CP plan list', /Initial category of abuse/);
      answeredWith('which criterion covers perps', /perpetrators/i);
      answeredWith('will they talk to the kids\' schools', /school/i);
    });

    it('finds the Annex A fields asked for', () => {
      answeredWith('what fields go in the referrals list?', /Referral source/);
      answeredWith('section 47 list - which columns', /Section 47 enquiry start date/);
      answeredWith('how far back does the early help list go', /six months/);
    });

    it('finds deadlines by what is due', () => {
      answeredWith('when are the joint evaluations due', /end of day seven/i);
      answeredWith('deadline for the CIN and CP lists', /end of the day/i);
      answeredWith('when does the CQC ask for health records', /Friday of week two/i);
    });

    it('finds the statutory timescales, sourced to Working Together 2023', () => {
      answeredWith('how soon after the strategy discussion must the ICPC happen', /15 working days/);
      assert.match(text('how soon after the strategy discussion must the ICPC happen'), /Working Together to Safeguard Children 2023/);
      answeredWith('when is the first review conference', /3 months|three months/);
    });

    it('reads siblings as the guidance\'s brothers or sisters', () => {
      answeredWith('do they look at siblings', /brothers or sisters/);
    });

    it('does not take the verb "send" for the acronym SEND', () => {
      const a = answer('what do we need to send for health');
      assert.ok(a.status !== 'answered' || a.record.id !== 'glossary-send');
      answeredWith('what does SEND mean', /Special Educational Needs/i);
    });

    it('answers scope questions', () => {
      answeredWith('are 16 and 17 year olds in abusive relationships covered', /peer relationships/);
      answeredWith('does the new JTAI cover unborn babies', /unborn/i);
    });
  });

  describe('where the sources differ', () => {
    it('names both editions for the inspection team', () => {
      const t = text('who is on the inspection team');
      assert.match(t, /three inspectors from each of/);
      assert.match(t, /1 education inspector/);
      assert.match(t, /2016-18 programme/);
      assert.match(t, /round from September 2024/);
    });

    it('names both notification days', () => {
      const t = text('what day of the week are we notified');
      assert.match(t, /Tuesday/);
      assert.match(t, /Monday/);
    });

    it('says how many children are tracked in each source', () => {
      const t = text('how many children do inspectors track');
      assert.match(t, /five and seven|five to seven/);
      assert.match(t, /five and eight|at least five/);
    });
  });

  describe('declines', () => {
    it('declines questions from outside the subject', () => {
      declined('what time does the canteen close');
      declined('how do I reset my laptop password');
      declined('can you recommend a good pizza place near the office');
    });

    it('declines in-subject questions the guidance does not answer', () => {
      declined('what is the email address for the Leeds front door');
      declined('who is the chair of our safeguarding partnership now?');
      declined('what judgement did Bradford get in its JTAI');
      declined('what will the next JTAI theme be');
      declined('can we get more time for the annex a lists');
      declined('what does the LADO need from us');
      declined('how much does the inspection cost us');
    });

    it('names the words the guidance does not mention', () => {
      const a = answer('what does our MOSAIC system export for CP lists');
      assert.equal(a.status, 'declined');
      assert.ok(a.status === 'declined' && a.unknownTerms?.includes('MOSAIC'));
    });

    it('declines empty and huge input politely', () => {
      assert.deepEqual(answer('   '), { status: 'declined', reason: 'empty' });
      assert.deepEqual(answer('?!'), { status: 'declined', reason: 'empty' });
      assert.deepEqual(answer('a'.repeat(5000)), { status: 'declined', reason: 'too-long' });
    });

    it('never throws on odd input', () => {
      for (const q of ['\u0000\u0001', '🙂'.repeat(300), 'ESN 99', 'week 0', 'day 99', '1.0', '((((', 'SELECT * FROM users;', '<script>alert(1)</script>']) {
        assert.doesNotThrow(() => answer(q), q);
      }
    });
  });

  it('answers every record when asked its own title, as the buttons ask it', () => {
    const { kb } = loadGuidance();
    for (const r of kb.records) {
      const a = answer(r.title);
      assert.equal(a.status === 'answered' ? a.record.id : a.status, r.id);
    }
  });

  it('offers choices when a short question matches several parts of the guidance', () => {
    const a = answer('lists');
    assert.ok(a.status === 'ambiguous' || a.status === 'answered');
    if (a.status === 'ambiguous') assert.ok(a.choices.length >= 2 && a.choices.length <= 3);
  });
});
