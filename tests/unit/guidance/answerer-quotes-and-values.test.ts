import assert from 'node:assert/strict';
import { quotedPassages } from '../../../src/guidance/lookups';
import { stemWord } from '../../../src/guidance/text';
import { asking } from './asking';

/**
 * Quoted passages, irregular verb forms, values the guidance does not give, and neighbouring
 * requests (other inspections, legal advice, Teams itself) that it cannot answer.
 */
describe('the answerer, on quotes and the values asked for', () => {
  const { answeredWith, declined } = asking();

  describe('a quoted passage', () => {
    it('finds quotes at word boundaries, not apostrophes inside words', () => {
      assert.deepEqual(quotedPassages("which ESNs does 'Is there a plan?' map to"), [' is there a plan ']);
      assert.deepEqual(quotedPassages("what's in the children's list"), []);
      assert.deepEqual(quotedPassages('what does "front door" mean'), [' front door ']);
    });

    it('answers with the record the passage comes from, not a longer one that repeats it', () => {
      answeredWith("The guidance says 'abuse does not necessarily end when people stop living together' - which criterion is that?", /ESN 28/);
      answeredWith("Which ESNs does 'Is there a plan?' map to?", /06, 28, 30/);
    });
  });

  it('folds irregular past forms into their verb', () => {
    assert.equal(stemWord('spoken'), stemWord('speak'));
    assert.equal(stemWord('chosen'), stemWord('choose'));
    answeredWith('Will IDVAs be spoken to?', /independent domestic violence advis/i);
  });

  describe('a value the guidance does not give', () => {
    it('declines a time of day the record does not state', () => {
      declined('What time on the Friday of week 3 is the feedback meeting?');
      answeredWith('what time is the 2016-18 notification call?', /9:30am/);
    });

    it('declines a number of something no record counts', () => {
      declined('How many pages can the findings letter be?');
      answeredWith('how many ICPCs in the last 12 months - which list is that on', /section 47/i);
    });

    it('declines when the thing asked for is never spoken of', () => {
      declined('What is the password for the secure online site?');
      declined('What colour coding does the tracking tool use?');
      answeredWith('what was the deep dive topic of the very first JTAIs in 2016?', /child sexual exploitation/i);
    });
  });

  it('declines neighbouring requests: other inspections, legal advice, local talk, Teams itself', () => {
    declined('How many inspectors are on a SEND inspection team?');
    declined('How long is a CQC inspection of a GP practice?');
    declined("Can I be sued for sharing case files with inspectors without the family's consent?");
    declined('What did our DCS say at the set-up meeting?');
    declined('How do I change my Teams notification settings?');
    answeredWith('will inspectors speak to the MARAC coordinator?', /MARAC coordinator/);
  });
});
