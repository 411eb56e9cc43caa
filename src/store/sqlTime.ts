import { DateTime } from 'luxon';

/** timestamptz in and out: ISO strings go in (both engines read them), Dates or strings come out. */
export function toSqlTime(at: DateTime): string {
  const iso = at.toUTC().toISO();
  if (iso === null) throw new RangeError('an invalid time cannot be stored');
  return iso;
}

export function fromSqlTime(value: unknown): DateTime {
  const at =
    value instanceof Date ? DateTime.fromJSDate(value, { zone: 'utc' }) : typeof value === 'string' ? DateTime.fromISO(value.replace(' ', 'T'), { zone: 'utc' }) : undefined;
  if (!at?.isValid) throw new RangeError(`not a stored time: ${String(value)}`);
  return at;
}

export function fromOptionalSqlTime(value: unknown): DateTime | undefined {
  return value === null || value === undefined ? undefined : fromSqlTime(value);
}

/** PostgreSQL's unique_violation. */
export function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === '23505';
}
