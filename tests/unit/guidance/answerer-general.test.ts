import assert from 'node:assert/strict';
import { splitRemarks } from '../../../src/guidance/text';
import { asking } from './asking';

/**
 * Classes of question the answerer must handle however they are worded: remarks after the
 * question, everyday words around the guidance's own, numbers asked for, derived word forms,
 * whole sections of the document list, and kinds of request the guidance cannot answer.
 */
describe('the answerer, on kinds of question', () => {
  const { answeredWith, declined } = asking();

  describe('remarks after the question', () => {
    it('splits off statements about the asker, not lists that belong to the question', () => {
      assert.equal(splitRemarks('when is fieldwork? our director wants the dates').remarks, 'our director wants the dates');
      assert.equal(splitRemarks('what do they ask about the 20 - court orders etc').remarks, '');
      assert.equal(splitRemarks('contacts list - how far back?').remarks, '');
    });

    it('answers the question whatever words the remark uses', () => {
      answeredWith('how many children do they track? asking for our staffing rota', /five and seven|five and eight|at least five/);
      answeredWith('what goes in the chronology, our recording system is a nightmare', /significant events/);
      answeredWith('when is the draft report sent? trying to plan the comms', /Friday of week 6/);
    });

    it('still declines when the question itself is off the subject', () => {
      declined('which hotel do inspectors use, we need to book it');
    });
  });

  it('does not let everyday words decide between records', () => {
    answeredWith('when is the report made public', /published/);
    answeredWith('will they look at the audits we do ourselves', /audits undertaken locally/);
  });

  it('finds the record that gives the number asked for', () => {
    answeredWith('how many HMICFRS inspectors come', /3 inspectors from HMICFRS|three inspectors from each/i);
  });

  it('answers the list of an agency\'s documents for "4.x" or "the 5s"', () => {
    answeredWith('what are the 4.x documents', /4\.1[\s\S]*4\.5/);
    answeredWith('YOT docs 5.1-5.4?', /5\.1[\s\S]*5\.4/);
  });

  it('asks for a list\'s fields, not for what its acronym means', () => {
    answeredWith('which fields go on the child protection plan list', /Number of previous child protection plans/);
  });

  it('knows words derived from the guidance\'s own', () => {
    answeredWith('what are the Leeds summaries of the criteria on risk reduction', /prevented and reduced|risk of harm to children is reduced/i);
  });

  it('declines the kinds of request the guidance does not cover', () => {
    declined('is there a car park for the inspectors');
    declined('what should I wear when inspectors observe the strategy meeting');
    declined('how do I complain about the draft findings');
    declined('who runs the MASH in Leeds');
    declined('how many children are subject to CP plans here at the moment');
    declined('can the fieldwork be postponed because of school holidays');
    declined('when will the next domestic abuse JTAI be announced');
    declined('how do I refer a child to early help in our area');
    declined('any tips for the practitioner interviews');
  });
});
