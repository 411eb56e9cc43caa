import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { runTimeline } from '../../../src/cli/timeline';
import type { GuidanceRecord } from '../../../src/guidance/schema';
import { realDeadlines } from './realDeadlines';

const NOW = DateTime.fromISO('2026-05-01T10:00', { zone: 'Europe/London' });

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const deadlines: GuidanceRecord[] = realDeadlines();
  const code = await runTimeline(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, NOW, deadlines);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jtai timeline', () => {
  it('prints the 2024 timetable as text by default', async () => {
    const { code, out, err } = await run('--notified', '2026-06-01');
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.match(out, /round from September 2024: notified Monday 1 June 2026/);
    assert.match(out, /Fri 7 Aug 2026\s+09:00\s+Report published \(Friday of week 10\)/);
  });

  it('prints JSON with edition, notified, milestones and notes', async () => {
    const { code, out } = await run('--notified', '2026-06-02', '--edition', '2018', '--json');
    assert.equal(code, 0);
    const json = JSON.parse(out) as {
      edition: string;
      notified: string;
      milestones: Record<string, unknown>[];
      notes: string[];
    };
    assert.equal(json.edition, '2018');
    assert.equal(json.notified, '2026-06-02');
    assert.deepEqual(json.notes, []);
    assert.equal(json.milestones.length, 13);
    assert.deepEqual(json.milestones[0], {
      id: 'cin-cp-lists',
      title: 'Lists of children in need and children on a child protection plan (notification day)',
      due: '2026-06-02T17:00:00+01:00',
      who: ['DCS'],
      source: 'Ofsted, Annex A, paragraph 14 (004_0f37f550dc5e673b.txt)',
    });
  });

  it('prints an iCalendar file with --ics', async () => {
    const { code, out } = await run('--notified', '2026-06-01', '--ics');
    assert.equal(code, 0);
    assert.ok(out.startsWith('BEGIN:VCALENDAR'));
    assert.ok(out.includes('UID:2024-2026-06-01-publication@jtai-assistant'));
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [
      [],
      ['--notified'],
      ['--notified', '2026-06-01', '--colour'],
      ['--notified', '1 June 2026'],
      ['--notified', '2026-06-01', '--edition', '2019'],
      ['--notified', '2026-06-01', '--json', '--ics'],
      ['2026-06-01'],
    ]) {
      const { code, out, err } = await run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, /Usage: jtai timeline --notified YYYY-MM-DD/);
    }
    assert.match((await run()).err, /--notified is required/);
    assert.match((await run('--notified', '2026-06-01', '--edition', '2019')).err, /--edition is 2024 or 2018/);
  });

  it('exits 1 with the reason when the date cannot be a notification date', async () => {
    const weekend = await run('--notified', '2026-06-06');
    assert.equal(weekend.code, 1);
    assert.equal(weekend.out, '');
    assert.equal(
      weekend.err,
      '2026-06-06 is a Saturday: inspectors notify on a working day. Did you mean Friday 5 June or Monday 8 June 2026?',
    );
    assert.equal((await run('--notified', '2026-02-30')).code, 1);
    assert.equal((await run('--notified', '2031-06-02')).code, 1);
  });

  it('prints the usage with --help', async () => {
    const { code, out } = await run('--help');
    assert.equal(code, 0);
    assert.match(out, /--edition\s+2024/);
  });
});
