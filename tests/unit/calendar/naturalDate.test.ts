import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseIsoDate, parseNaturalDate } from '../../../src/calendar/naturalDate';

// Thursday 4 June 2026, 10:00 in London.
const NOW = DateTime.fromISO('2026-06-04T10:00', { zone: 'Europe/London' });

describe('natural dates', () => {
  it('reads day-first English dates', () => {
    assert.equal(parseNaturalDate('1 June 2026', NOW), '2026-06-01');
    assert.equal(parseNaturalDate('01/06/2026', NOW), '2026-06-01', 'day before month');
    assert.equal(parseNaturalDate('31/12/2026', NOW), '2026-12-31');
    assert.equal(parseNaturalDate('we were notified on 3rd March 2026', NOW), '2026-03-03');
    assert.equal(parseNaturalDate('2026-06-01', NOW), '2026-06-01');
  });

  it('reads relative words against today in London', () => {
    assert.equal(parseNaturalDate('today', NOW), '2026-06-04');
    assert.equal(parseNaturalDate('yesterday', NOW), '2026-06-03');
    assert.equal(parseNaturalDate('last Monday', NOW), '2026-06-01');
    assert.equal(parseNaturalDate('next Tuesday', NOW), '2026-06-09');
  });

  it('takes London’s date when `now` is given in another zone', () => {
    // 23:30 UTC on 3 June is 00:30 BST on 4 June.
    const lateUtc = DateTime.fromISO('2026-06-03T23:30:00Z', { zone: 'utc' });
    assert.equal(parseNaturalDate('today', lateUtc), '2026-06-04');
  });

  it('takes London’s date when the process itself runs in another zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      assert.equal(
        parseNaturalDate('today', DateTime.fromISO('2026-06-04T00:30', { zone: 'Europe/London' })),
        '2026-06-04',
      );
      assert.equal(parseNaturalDate('yesterday', NOW), '2026-06-03');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('returns undefined for text with no date in it, or an impossible date', () => {
    assert.equal(parseNaturalDate('when is the draft report due?', NOW), undefined);
    assert.equal(parseNaturalDate('31/02/2026', NOW), undefined);
    assert.equal(parseNaturalDate('', NOW), undefined);
  });
});

describe('strict ISO dates', () => {
  it('accepts YYYY-MM-DD naming a real day and nothing else', () => {
    assert.equal(parseIsoDate('2026-06-01'), '2026-06-01');
    assert.equal(parseIsoDate(' 2026-06-01 '), '2026-06-01');
    assert.equal(parseIsoDate('2026-02-29'), undefined);
    assert.equal(parseIsoDate('2028-02-29'), '2028-02-29');
    assert.equal(parseIsoDate('2026-6-1'), undefined);
    assert.equal(parseIsoDate('1 June 2026'), undefined);
    assert.equal(parseIsoDate('2026-06-01T10:00'), undefined);
  });
});
