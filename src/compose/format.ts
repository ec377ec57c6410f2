/**
 * Dates and money written the local way in each language. Pure functions; rules from the fact
 * sheet: "Nouméa, le 1er mars 2026", "2026年3月1日", "2 300 F".
 */

const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Long date for running text: "1er mars 2026", "2026年3月1日", "1 March 2026". */
export function formatLongDate(isoDate: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (lang.startsWith("zh")) return `${year}年${month}月${day}日`;
  if (lang.startsWith("fr")) return `${day === 1 ? "1er" : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
  return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** Francs CFP the way OPT-NC writes prices: space between thousands, "F" after the amount. */
export function formatMoney(amount: number): string {
  const digits = Math.round(Math.abs(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${amount < 0 ? "-" : ""}${digits} F`;
}
