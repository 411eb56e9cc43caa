import type { DateTime } from 'luxon';
import { LONDON } from '../calendar/london';

/** "Tue 2 Jun 2026, 17:00", London time: how every card shows a moment. */
export function cardDateTime(at: DateTime): string {
  return at.setZone(LONDON).toFormat('ccc d LLL yyyy, HH:mm', { locale: 'en-GB' });
}

/** "Mon 1 Jun 2026" */
export function cardDate(at: DateTime): string {
  return at.setZone(LONDON).toFormat('ccc d LLL yyyy', { locale: 'en-GB' });
}

/** "09:00" when `at` is on the same London day as `now`, else "Tue 2 Jun 2026, 09:00". */
export function shortMoment(at: DateTime, now: DateTime): string {
  const a = at.setZone(LONDON);
  return a.hasSame(now.setZone(LONDON), 'day') ? a.toFormat('HH:mm') : cardDateTime(a);
}

/** "in 2 hours", "in 3 days", "20 minutes ago": a rough distance for a reader. */
export function fromNow(at: DateTime, now: DateTime): string {
  const minutes = Math.round((at.toMillis() - now.toMillis()) / 60_000);
  const abs = Math.abs(minutes);
  const amount =
    abs < 1
      ? 'less than a minute'
      : abs < 90
        ? unit(abs, 'minute')
        : abs < 36 * 60
          ? unit(Math.round(abs / 60), 'hour')
          : unit(Math.round(abs / (24 * 60)), 'day');
  if (abs < 1) return 'now';
  return minutes > 0 ? `in ${amount}` : `${amount} ago`;
}

function unit(n: number, name: string): string {
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}
