// @ts-check
/**
 * The response-time calculator without the page: which severity and region
 * the reader chose, when the commitment's windows open and close (worktime.js),
 * and how an instant reads in a language and a time zone (Intl only).
 * Every figure (windows, working weeks, support hours, zones, holidays) comes
 * from the page's JSON, which the build takes from data/.
 */
import { fill } from "./fill.js";
import { responseWindows } from "./worktime.js";

/**
 * @typedef {import("./worktime.js").Window} Window
 * @typedef {{id: string, level: number, acknowledgement: Window, determination: Window,
 *   round_the_clock: boolean}} Severity
 * @typedef {{id: string, time_zone: string, holidays: string[], working_days: number[],
 *   support_hours: import("./worktime.js").SupportHours | null}} Region
 * @typedef {{severities: Severity[], regions: Region[]}} CalculatorConfig
 * @typedef {{severity: string, region: string, sentAt: Date, roundTheClock?: boolean}} Question
 */

/**
 * ISO 8601 weekday numbers (Monday 1 .. Sunday 7) as Date#getDay numbers (Sunday 0).
 * @param {number[]} isoDays
 */
export const isoToDayNumbers = (isoDays) => isoDays.map((d) => d % 7);

/**
 * The windows of the chosen severity for a request sent at `sentAt`, counted
 * in the chosen region's zone, working days and support hours. Round the
 * clock only when asked for *and* the data allows it for that severity.
 * @param {CalculatorConfig} config
 * @param {Question} question
 */
export function computeTimes(config, { severity, region, sentAt, roundTheClock = false }) {
  const s = config.severities.find((x) => x.id === severity);
  const r = config.regions.find((x) => x.id === region);
  if (!s) throw new RangeError(`calculator: unknown severity "${severity}"`);
  if (!r) throw new RangeError(`calculator: unknown region "${region}"`);
  const aroundTheClock = Boolean(roundTheClock && s.round_the_clock);
  const windows = responseWindows(sentAt, s, {
    timeZone: r.time_zone,
    holidays: r.holidays,
    workingDays: isoToDayNumbers(r.working_days),
    supportHours: r.support_hours,
    roundTheClock: aroundTheClock,
  });
  return { ...windows, roundTheClock: aroundTheClock };
}

/** @type {Map<string, {date: Intl.DateTimeFormat, time: Intl.DateTimeFormat, zone: Intl.DateTimeFormat}>} */
const formats = new Map();

/**
 * "Monday, June 15, 2026 at 1:30 AM (BST)", "lundi 15 juin 2026 à 02:30 (UTC+2)",
 * "Thứ Hai, 15 tháng 6, 2026, 07:30 (GMT+7)": an instant in `timeZone`, in the words of
 * `lang`, its date, time and zone in the order of `pattern` (tools.calculator.moment).
 * Not CLDR's date-time pattern: in some languages it puts the time first ("lúc 07:30 GMT+7
 * Thứ Hai, …"), where a reader writes the weekday first.
 * @param {Date} date
 * @param {string} lang
 * @param {string} timeZone
 * @param {string} [pattern] with {date}, {time} and {zone}
 */
export function formatInstant(date, lang, timeZone, pattern = "{date} {time} ({zone})") {
  const key = `${lang}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(lang, { timeZone, dateStyle: "full" }),
      time: new Intl.DateTimeFormat(lang, { timeZone, timeStyle: "short" }),
      zone: new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "short" }),
    };
    formats.set(key, f);
  }
  const zone = f.zone.formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return fill(pattern, { date: f.date.format(date), time: f.time.format(date), zone });
}

/**
 * The name of a time zone in `lang` ("Pacific Time", "heure : France").
 * @param {string} lang
 * @param {string} timeZone
 * @param {Date} [date]
 */
export function zoneName(lang, timeZone, date = new Date()) {
  try {
    const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "longGeneric" }).formatToParts(date);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
