import assert from 'node:assert/strict';
import { normalise } from '../../../src/guidance/text';

/** normalise's full rules, written out once more: what the plain-ASCII shortcut must agree with. */
function fullRules(s: string): string {
  return s
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('normalising a question', () => {
  it('gives plain ASCII text the same result as the full rules, character by character', () => {
    for (let code = 0; code < 0x80; code++) {
      const c = String.fromCharCode(code);
      for (const s of [`when${c}is it`, `${c}  ESN 23  ${c}`, `${c}${c}`]) assert.equal(normalise(s), fullRules(s), JSON.stringify(s));
    }
  });

  it('collapses runs of spaces and trims, and leaves the words as typed', () => {
    assert.equal(normalise('   When  is the   Draft report?  '), 'When is the Draft report?');
  });

  it('still folds what is not plain ASCII: backticks, curly quotes, dashes, tabs, control and full-width characters', () => {
    assert.equal(normalise('the `front door`'), "the 'front door'");
    assert.equal(normalise('the \u201cdeep dive\u201d \u2013 2018'), 'the "deep dive" - 2018');
    assert.equal(normalise('ESN\t23\n\u0007please'), 'ESN 23 please');
    assert.equal(normalise('\uff25\uff33\uff2e 23'), 'ESN 23');
  });
});
