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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Reads `length` decimal digits at `start`; -1 when any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Fast path for `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`, the form exports use; attribution
 * parses millions of these. Returns null for other forms, undefined for impossible values.
 */
function parseZonedDateTime(text: string): number | undefined | null {
  const n = text.length;
  if (n < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  let second = 0;
  let millis = 0;
  let i = 16;
  if (text.charCodeAt(i) === 58) {
    second = digitsAt(text, 17, 2);
    i = 19;
    if (text.charCodeAt(i) === 46) {
      i += 1;
      let scale = 100;
      const start = i;
      while (i < n && i - start < 9) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale /= 10;
        i += 1;
      }
      if (i === start) return null;
      millis = Math.floor(millis);
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 && i === n - 1) offsetMinutes = 0;
  else if ((zone === 43 || zone === 45) && n - i === 6 && text.charCodeAt(i + 3) === 58) {
    const oh = digitsAt(text, i + 1, 2);
    const om = digitsAt(text, i + 4, 2);
    if (oh < 0 || om < 0) return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (oh * 60 + om);
  } else return null;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); cheaper than Date.UTC. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses an ISO date or date-time to epoch milliseconds; undefined when not ISO or when
 * the date cannot exist (2025-02-30). A date-time without a zone is read as UTC so
 * results do not depend on the host.
 */
export function parseIsoTimestamp(text: string): number | undefined {
  const fast = parseZonedDateTime(text);
  if (fast !== null) return fast;
  const trimmed = text.trim();
  const date = parseIsoDate(trimmed);
  if (date) return date.getTime();
  if (!ISO_DATE_TIME.test(trimmed)) return undefined;
  const iso = trimmed.replace(' ', 'T');
  const zoned = parseZonedDateTime(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : `${iso}Z`);
  return zoned ?? undefined;
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
