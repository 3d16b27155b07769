// @ts-check
/**
 * Working-time arithmetic for the partner-support commitment.
 *
 * Support is "24×5": every instant of Monday..Friday counts, in the escalation
 * region's support time zone (an IANA zone). Weekend days and the region's public
 * holidays (ISO dates "2026-12-25", local calendar dates) do not count.
 * Working hours are real elapsed hours (a DST change never adds or removes
 * working time by itself). Time-zone arithmetic uses Intl.DateTimeFormat only.
 * Pure functions, no DOM, no dependencies.
 */

const HOUR = 3600000;
const UNITS = { hour: HOUR, hours: HOUR, day: 24 * HOUR, days: 24 * HOUR };
/** @type {Map<string, Intl.DateTimeFormat>} */
const formatters = new Map();

/**
 * Local fields; month 1..12, weekday 0 = Sunday .. 6 = Saturday (as Date#getDay).
 * @typedef {{year: number, month: number, day: number, hour: number,
 *   minute: number, second: number, weekday: number}} ZonedParts
 * @typedef {{timeZone: string, holidays?: Iterable<string>, roundTheClock?: boolean,
 *   workingDays?: Iterable<number>}} WorkOptions
 * @typedef {{min: number, max: number, unit: "hour"|"day"}} Window
 * @typedef {{opens: Date, closes: Date}} Span
 */

/** @param {unknown} timeZone */
function formatter(timeZone) {
  const key = String(timeZone);
  let f = formatters.get(key);
  if (f) return f;
  if (typeof timeZone !== "string" || !timeZone)
    throw new RangeError('worktime: timeZone is required (an IANA zone such as "Europe/London")');
  try {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric",
      day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
  } catch {
    throw new RangeError(`worktime: unknown time zone "${timeZone}"`);
  }
  formatters.set(key, f);
  return f;
}

/**
 * Local calendar fields of an instant in `timeZone`.
 * @param {Date} date
 * @param {string} timeZone
 * @returns {ZonedParts}
 */
export function zonedParts(date, timeZone) {
  const t = +date;
  if (!Number.isFinite(t)) throw new RangeError("worktime: invalid date");
  /** @type {Record<string, number>} */
  const p = {};
  for (const { type, value } of formatter(timeZone).formatToParts(t)) p[type] = +value;
  const { year, month, day, hour, minute, second } = p;
  return { year, month, day, hour, minute, second, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Local wall-clock time of instant `t`, expressed as if it were UTC (ms). */
function wall(/** @type {number} */ t, /** @type {string} */ tz) {
  const p = zonedParts(new Date(t), tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((t % 1000) + 1000) % 1000);
}

/**
 * The instant local day `year-month-day` begins in `timeZone` (month 1..12;
 * out-of-range days/months roll over like Date.UTC, e.g. day 32).
 * Normally local 00:00. If 00:00 occurs twice (DST overlap) the earlier one;
 * if it does not exist (DST gap at midnight) the first instant of that date,
 * i.e. the transition (e.g. 01:00). Works for any offset (+05:30, +05:45...).
 * @param {number} year
 * @param {number} month  1..12
 * @param {number} day
 * @param {string} timeZone
 * @returns {Date}
 */
export function zonedMidnight(year, month, day, timeZone) {
  const w = Date.UTC(year, month - 1, day);
  if (!Number.isFinite(w)) throw new RangeError("worktime: invalid date");
  // Offsets in force a day before and a day after bracket any transition near w.
  const cands = [w - 864e5, w + 864e5].map((s) => w - (wall(s, timeZone) - s));
  const exact = cands.filter((t) => wall(t, timeZone) === w);
  if (exact.length) return new Date(Math.min(...exact));
  // Gap: wall(lo) < w <= wall(hi); find the transition by bisection (1 ms).
  let lo = Math.min(...cands), hi = Math.max(...cands);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wall(mid, timeZone) >= w) hi = mid; else lo = mid;
  }
  return new Date(hi);
}

/**
 * The instant when `amount` working hours/days have elapsed from `start`.
 *
 * - Only time on working days (Mon..Fri, not in `holidays`) of `timeZone`
 *   counts; a working day runs from its local start to the next day's start.
 *   `workingDays` (weekday numbers as Date#getDay, 0 = Sunday; default
 *   1..5) sets another working week, e.g. from the portal's data.
 * - Outside working time (e.g. Saturday) counting starts at the next working
 *   day's local 00:00; so `amount` 0 returns that instant.
 * - If the amount is used up exactly at the end of a working day the result is
 *   that end (Friday 24:00 = Saturday 00:00), not the next working day.
 * - unit "day": N working days = N × 24 working hours (a "day" of the 24×5
 *   commitment). From mid-day (Wed 15:00) 2 days end at Fri 15:00: the rest of
 *   Wednesday + Thursday + the start of Friday. When a working day is not 24 h
 *   long (a DST change on a weekday in some zones) the end clock time shifts.
 * - roundTheClock: every instant counts (weekends, holidays): start + amount.
 * @param {Date} start
 * @param {number} amount  finite, >= 0, may be fractional
 * @param {"hour"|"day"} unit  (plural accepted)
 * @param {WorkOptions} options  timeZone is required, even with roundTheClock
 * @returns {Date}
 */
export function addWorkingTime(start, amount, unit, options) {
  const { timeZone, holidays = [], roundTheClock = false, workingDays = [1, 2, 3, 4, 5] } = options || /** @type {WorkOptions} */ ({});
  let t = +start;
  if (!(start instanceof Date) || !Number.isFinite(t)) throw new RangeError("worktime: start must be a valid Date");
  if (typeof amount !== "number" || !(amount >= 0) || amount === Infinity)
    throw new RangeError(`worktime: amount must be a finite number >= 0, got ${amount}`);
  const size = Object.hasOwn(UNITS, unit) ? UNITS[/** @type {"hour"} */ (unit)] : 0;
  if (!size) throw new RangeError(`worktime: unit must be "hour" or "day", got "${unit}"`);
  formatter(timeZone);
  const off = new Set();
  for (const h of holidays) {
    if (!/^\d{4}-\d\d-\d\d$/.test(h)) throw new RangeError(`worktime: holiday must be an ISO date "YYYY-MM-DD", got "${h}"`);
    off.add(h);
  }
  const work = new Set();
  for (const w of workingDays) {
    if (!Number.isInteger(w) || w < 0 || w > 6) throw new RangeError(`worktime: working days are weekday numbers 0 (Sunday) to 6, got ${w}`);
    work.add(w);
  }
  let rest = Math.round(amount * size);
  if (roundTheClock) return new Date(t + rest);
  if (!work.size) throw new RangeError("worktime: workingDays must name at least one day");
  for (;;) {
    const p = zonedParts(new Date(t), timeZone);
    const next = +zonedMidnight(p.year, p.month, p.day + 1, timeZone);
    const iso = new Date(Date.UTC(p.year, p.month - 1, p.day)).toISOString().slice(0, 10);
    if (work.has(p.weekday) && !off.has(iso)) {
      if (rest <= next - t) return new Date(t + rest);
      rest -= next - t;
    }
    t = next;
  }
}

/**
 * Response windows of one severity for a request sent at `sentAt`:
 * opens = sentAt + min, closes = sentAt + max (working time, see addWorkingTime).
 *
 * escalationFrom = acknowledgement.closes: the commitment promises an
 * acknowledgement within `max`; until then the case is still within the
 * commitment, afterwards the response time has passed and escalating is
 * justified. (Determination is a later milestone of an acknowledged case, so
 * it does not decide when a silent request may be escalated.)
 * @param {Date} sentAt
 * @param {{acknowledgement: Window, determination: Window}} severity
 * @param {WorkOptions} options
 * @returns {{acknowledgement: Span, determination: Span, escalationFrom: Date}}
 */
export function responseWindows(sentAt, severity, options) {
  const span = (/** @type {"acknowledgement"|"determination"} */ name) => {
    const w = severity?.[name];
    if (!w || !(w.min <= w.max)) throw new RangeError(`worktime: ${name} window needs numbers min <= max`);
    return { opens: addWorkingTime(sentAt, w.min, w.unit, options), closes: addWorkingTime(sentAt, w.max, w.unit, options) };
  };
  const acknowledgement = span("acknowledgement");
  return { acknowledgement, determination: span("determination"), escalationFrom: new Date(+acknowledgement.closes) };
}
