/**
 * Calendar dates as ISO "YYYY-MM-DD" strings. The letter is dated in Nouméa's calendar, whatever
 * the time zone of the machine that prints it.
 */

const NOUMEA = new Intl.DateTimeFormat("en-US", {
  timeZone: "Pacific/Noumea",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in New Caledonia (UTC+11, no daylight saving) at the instant `now`. */
export function todayInNoumea(now: Date): string {
  // formatToParts rather than a locale's date layout, which is not guaranteed to stay ISO-like.
  const parts = NOUMEA.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

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
