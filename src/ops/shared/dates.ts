/** Date helpers: ISO dates only, so results never depend on the machine's locale. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses `YYYY-MM-DD` to UTC midnight; undefined for anything else or an impossible date. */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : undefined;
}

/**
 * Parses an ISO date or date-time to epoch milliseconds; undefined when not ISO.
 * A date-time without a zone is read as UTC so results do not depend on the host.
 */
export function parseIsoTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  const date = parseIsoDate(trimmed);
  if (date) return date.getTime();
  if (!ISO_DATE_TIME.test(trimmed)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const ms = Date.parse(hasZone ? trimmed.replace(' ', 'T') : `${trimmed.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The UTC calendar date of a moment as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Whole calendar months between two UTC dates (b after a gives a positive number). */
export function monthsBetween(a: Date, b: Date): number {
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return months;
}
