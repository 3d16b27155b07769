// @ts-check
/**
 * Working-time arithmetic for the partner-support commitment.
 *
 * Working time counts in the escalation region's support time zone (an IANA
 * zone), on its working days that are not its public holidays (ISO dates
 * "2026-12-25", local calendar dates), during its support hours ("08:00" to
 * "18:00", local wall-clock times) or, without support hours, round the clock
 * (every instant of a working day: "24×5" for Monday to Friday).
 * Working time is real elapsed time (a DST change never adds or removes working
 * time by itself). Time-zone arithmetic uses Intl.DateTimeFormat only.
 * Units: minute, hour and day, a day being one working day of the region (the
 * length of its support hours, 24 hours without them); the data names them
 * (the build reads the units from the data's schema and publishes {amount, unit}).
 * Pure functions, no DOM, no dependencies.
 */

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** @type {Map<string, Intl.DateTimeFormat>} */
const formatters = new Map();

/**
 * Local fields; month 1..12, weekday 0 = Sunday .. 6 = Saturday (as Date#getDay).
 * @typedef {{year: number, month: number, day: number, hour: number,
 *   minute: number, second: number, weekday: number}} ZonedParts
 * @typedef {"minute"|"hour"|"day"} Unit
 * @typedef {{opens: string, closes: string}} SupportHours  local "HH:MM", opens before closes
 * @typedef {{timeZone: string, holidays?: Iterable<string>, roundTheClock?: boolean,
 *   workingDays?: Iterable<number>, supportHours?: SupportHours | null}} WorkOptions
 * @typedef {{amount: number, unit: Unit}} Duration
 * @typedef {{min: Duration, max: Duration}} Window
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
 * The instant the wall clock of `timeZone` shows `minutes` (default 0: local
 * midnight; 480: 08:00) on local day `year-month-day` (month 1..12;
 * out-of-range days/months roll over like Date.UTC, e.g. day 32).
 * A time that occurs twice (DST overlap) is the earlier one; a time a DST gap
 * skips is the first instant after it, the transition (a day whose midnight is
 * skipped begins at 01:00). Works for any offset (+05:30, +05:45...).
 * @param {number} year
 * @param {number} month  1..12
 * @param {number} day
 * @param {string} timeZone
 * @param {number} [minutes]  0..1440 (24:00, the next day's start)
 * @returns {Date}
 */
export function zonedTime(year, month, day, timeZone, minutes = 0) {
  const w = Date.UTC(year, month - 1, day) + minutes * MINUTE;
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

/** "08:00" as minutes after midnight (NaN for "8:00"). */
const clock = (/** @type {string} */ hm) => 60 * +hm.slice(0, 2) + +hm.slice(3);

/**
 * The instant when `amount` minutes, hours or working days of working time
 * have elapsed from `start`.
 *
 * - Only time on working days (default Mon..Fri; `workingDays`: weekday
 *   numbers as Date#getDay, 0 = Sunday), not in `holidays`, of `timeZone`
 *   counts: from the day's `supportHours.opens` to its `supportHours.closes`
 *   or, without support hours, from its local start to the next day's start.
 * - Outside working time (a weekend, a night, after closing time) counting
 *   starts when working time next begins: the next opening time, or the next
 *   working day's local 00:00; so `amount` 0 returns that instant.
 * - If the amount is used up exactly when working time ends the result is that
 *   end (Friday 18:00, or Friday 24:00 = Saturday 00:00), not the next start.
 * - unit "day": one working day of the region, as long as its support hours
 *   (10 hours for 08:00 to 18:00), 24 hours without them. From mid-day (Wed
 *   15:00) 2 days end at Fri 15:00: the rest of Wednesday, Thursday and the
 *   start of Friday. On a day a DST change shortens or lengthens, the end's
 *   clock time shifts by that hour.
 * - roundTheClock: every instant counts (weekends, holidays, nights):
 *   start + amount, a day being 24 hours.
 * @param {Date} start
 * @param {number} amount  finite, >= 0, may be fractional
 * @param {Unit} unit
 * @param {WorkOptions} options  timeZone is required, even with roundTheClock
 * @returns {Date}
 */
export function addWorkingTime(start, amount, unit, options) {
  const { timeZone, holidays = [], roundTheClock = false, workingDays = [1, 2, 3, 4, 5], supportHours = null } = options || /** @type {WorkOptions} */ ({});
  let t = +start;
  if (!(start instanceof Date) || !Number.isFinite(t)) throw new RangeError("worktime: start must be a valid Date");
  if (typeof amount !== "number" || !(amount >= 0) || amount === Infinity)
    throw new RangeError(`worktime: amount must be a finite number >= 0, got ${amount}`);
  // Minutes after local midnight; without support hours a working day counts from 00:00 to 24:00.
  const [opens, closes] = supportHours ? [clock(supportHours.opens), clock(supportHours.closes)] : [0, 1440];
  // NaN fails too: without this a day would never have working time, and the loop never end.
  if (!(opens < closes)) throw new RangeError(`worktime: support hours must be "HH:MM" to a later "HH:MM", got ${supportHours?.opens} to ${supportHours?.closes}`);
  const day = roundTheClock ? DAY : (closes - opens) * MINUTE;
  const size = unit === "minute" ? MINUTE : unit === "hour" ? HOUR : unit === "day" ? day : 0;
  if (!size) throw new RangeError(`worktime: unit must be "minute", "hour" or "day", got "${unit}"`);
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
    const next = +zonedTime(p.year, p.month, p.day + 1, timeZone);
    const iso = new Date(Date.UTC(p.year, p.month - 1, p.day)).toISOString().slice(0, 10);
    if (work.has(p.weekday) && !off.has(iso)) {
      const from = Math.max(t, +zonedTime(p.year, p.month, p.day, timeZone, opens));
      const to = +zonedTime(p.year, p.month, p.day, timeZone, closes); // 24:00 is the next day's 00:00
      if (from < to) {
        if (rest <= to - from) return new Date(from + rest);
        rest -= to - from;
      }
    }
    t = next;
  }
}

/**
 * Response windows of one severity for a request sent at `sentAt`:
 * opens = sentAt + min, closes = sentAt + max (working time, see
 * addWorkingTime), each bound in its own unit ({amount: 30, unit: "minute"}).
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
    const [opens, closes] = [w?.min, w?.max].map((bound) => addWorkingTime(sentAt, bound?.amount, bound?.unit, options));
    if (closes < opens) throw new RangeError(`worktime: ${name} window closes before it opens`);
    return { opens, closes };
  };
  const acknowledgement = span("acknowledgement");
  return { acknowledgement, determination: span("determination"), escalationFrom: new Date(+acknowledgement.closes) };
}
