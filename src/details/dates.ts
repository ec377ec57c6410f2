/**
 * Calendar dates as ISO "YYYY-MM-DD" strings. The letter is dated in Nouméa's calendar, whatever
 * the time zone of the machine that prints it.
 */

/**
 * Nouméa's offset from UTC: +11 hours all year, no daylight saving (the time zone database's
 * Pacific/Noumea, which tests/details/dates.test.ts compares hour by hour). Plain arithmetic rather than Intl.DateTimeFormat with "Pacific/Noumea": creating
 * that formatter loads ICU's locale and zone data, 20-30 ms of every start of the command.
 */
const NOUMEA_OFFSET_MS = 11 * 60 * 60 * 1000;

/** Today's date in New Caledonia (UTC+11, no daylight saving) at the instant `now`. */
export function todayInNoumea(now: Date): string {
  return new Date(now.getTime() + NOUMEA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The days a letter or an end date may be: a date outside them is a slip ("0000-01-01", "2206"),
 * not a plan. Wide enough for any real letter, narrow enough to print sensibly ("1er janvier 0").
 */
export const DATE_RANGE = { min: "2000-01-01", max: "2099-12-31" } as const;

/** Strict "YYYY-MM-DD" shape, nothing more: see isRealIsoDate for the calendar. */
export function isIsoDateShape(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** A strict "YYYY-MM-DD" that exists in the calendar: 2028-02-29 yes, 2026-02-29 and 2026-02-30 no. */
export function isRealIsoDate(text: string): boolean {
  if (!isIsoDateShape(text)) return false;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return day >= 1 && day <= daysInMonth(year, month);
}
