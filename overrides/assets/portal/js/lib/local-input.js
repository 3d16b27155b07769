// @ts-check
/**
 * The value of an <input type="datetime-local">: a date and time on the
 * reader's clock, without a zone. The calculator reads and writes it; the
 * request e-mail names the zone it was typed in.
 */

const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");

/**
 * The value of an <input type="datetime-local"> for `date` in the browser's zone.
 * @param {Date} date
 */
export const toLocalInput = (date) =>
  `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/**
 * The instant an <input type="datetime-local"> names, read in the browser's
 * zone (a time that a DST change skips moves forward, as in Date). null when
 * the value is empty or not a real date.
 * @param {string} value
 * @returns {Date | null}
 */
export function fromLocalInput(value) {
  const m = /^(\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?$/.exec(String(value ?? ""));
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(0);
  date.setFullYear(y, mo - 1, d); // not new Date(y, ...), which reads years 0..99 as 19xx
  date.setHours(h, mi, s, 0);
  if (date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59) return null;
  return date;
}

/**
 * A date and time field holds no zone: the partner's clock read it, so the
 * message says which clock ("2026-11-20 14:30 (Europe/Paris, UTC+01:00)").
 * A value that names no date is given back as it is.
 * @param {string} value @returns {string}
 */
export function withZone(value) {
  const when = fromLocalInput(value);
  if (!when) return value;
  const east = -when.getTimezoneOffset();
  const offset = east ? `UTC${east < 0 ? "-" : "+"}${pad(Math.trunc(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}` : "UTC";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${value.replace("T", " ")} (${zone === offset ? zone : `${zone}, ${offset}`})`;
}
