import { asking } from './asking';

/**
 * More classes of question: chat shorthand and hedges, a source or a paragraph named, the two
 * editions compared, a phrase asked to be defined, statutory timescales the records do not
 * hold, and further kinds of request the guidance cannot answer.
 */
describe('the answerer, on shorthand, sources named and timescales', () => {
  const { answeredWith, declined } = asking();

  it('reads chat shorthand for the words the guidance spells out, and ignores hedges', () => {
    answeredWith('which yr did the govt introduce JTAIs', /January 2016/);
    answeredWith('what does the Adoption & Children Act (ACA) say harm includes', /seeing or hearing the ill-treatment/);
    answeredWith('health docs incl primary care policies?', /primary care/i);
    answeredWith('probably a silly question but how far back does the contacts list go?', /three months/);
  });

  it('answers a footnote or a numbered paragraph asked for by number', () => {
    answeredWith('the footnote on who counts as professionals', /teachers and school staff/);
    answeredWith('what does para 9 say', /mainly focus on children living with domestic abuse/);
    answeredWith('scope of all JTAIs (para 8)', /leadership and management/);
  });

  it('takes the publisher of a named source as where to look, not the document as the subject', () => {
    answeredWith('the NY guidance on the quality assurance manager', /Senior His Majesty/);
    answeredWith('which inspectorates carry out JTAIs according to the leeds webpage', /Care Quality Commission/);
    answeredWith('who is the 2018 guidance written for', /inspectors from Ofsted/);
  });

  it('answers a comparison of the editions with the record that shows both', () => {
    answeredWith('notification day 2018 vs 2024?', /Monday[\s\S]*Tuesday|Tuesday[\s\S]*Monday/);
    answeredWith("what does 'living with domestic abuse' mean here", /outside of their home/);
  });

  it('gives a statutory timescale only for the conference it times', () => {
    answeredWith('how long from strategy discussion to ICPC', /15 working days/);
    answeredWith('first review conference - within how long', /3 months/);
    declined('how many working days should a section 47 enquiry take');
    declined('timescale for the first core group after the conference?');
    declined('what is the timescale for holding a strategy meeting');
  });

  it('declines local results, future inspections, rates, careers and templates', () => {
    declined('who is the lead inspector for our inspection');
    declined('who chairs the Leeds partnership');
    declined('when will we next be inspected');
    declined('how many DA themed JTAIs have there been so far');
    declined('what proportion of CP plans nationally are for domestic abuse');
    declined('what did inspectors say about our front door last time');
    declined('what did the JTAI report for Leeds conclude');
    declined('is there a JTAI on neglect coming up');
    declined('how do I become an Ofsted inspector');
    declined('is there a template for the chronology');
  });

  it('answers what is coming up in the timeline, and declines what is coming up for the programme', () => {
    answeredWith("what's coming up in week 3?", /Week 3 \(2024\): fieldwork Monday to Friday/);
    declined('what themes are coming up next');
  });
});
