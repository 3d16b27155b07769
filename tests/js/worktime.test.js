// Unit tests for overrides/assets/portal/js/lib/worktime.js (run: node --test tests/js/).
// Every expected value is an explicit UTC instant; the comment above it derives it
// from local times in the region's zone. Dates: 2026-01-01 is a Thursday.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  addWorkingTime, responseWindows, zonedParts, zonedTime,
} from "../../overrides/assets/portal/js/lib/worktime.js";

const MODULE_URL = new URL("../../overrides/assets/portal/js/lib/worktime.js", import.meta.url).href;

// A bound as the API publishes it: "30 minutes" -> {amount: 30, unit: "minute"}.
const dur = (text) => { const [amount, unit] = text.split(" "); return { amount: Number(amount), unit: unit.replace(/s$/, "") }; };
const win = (min, max) => ({ min: dur(min), max: dur(max) });
// The support commitment (hours / working days).
const SEV1 = { acknowledgement: win("1 hour", "3 hours"), determination: win("2 hours", "8 hours") };
const SEV2 = { acknowledgement: win("6 hours", "12 hours"), determination: win("24 hours", "48 hours") };
const SEV3 = { acknowledgement: win("16 hours", "24 hours"), determination: win("2 days", "3 days") };

const LONDON = { timeZone: "Europe/London" };
const d = (iso) => new Date(iso);
const iso = (date) => date.toISOString();
/** Shorthand: add working hours and return the ISO string. */
const addH = (startIso, hours, opts) => iso(addWorkingTime(d(startIso), hours, "hour", opts));
/** Flatten responseWindows() to ISO strings for deepEqual. */
const windowsIso = (w) => ({
  acknowledgement: { opens: iso(w.acknowledgement.opens), closes: iso(w.acknowledgement.closes) },
  determination: { opens: iso(w.determination.opens), closes: iso(w.determination.closes) },
  escalationFrom: iso(w.escalationFrom),
});

test("Friday evening in London, severity 1 (1 to 3 hours): closes Monday", () => {
  // Fri 2026-06-12 22:30 BST (+01:00) = 21:30Z. 1.5 working hours remain on Friday.
  // ack opens +1h: Fri 23:30 BST = 22:30Z.
  // ack closes +3h: 1.5h Fri, 1.5h Mon 2026-06-15 from 00:00 BST -> Mon 01:30 BST = 00:30Z.
  // det opens +2h: 1.5h Fri + 0.5h Mon -> Mon 00:30 BST = Sun 23:30Z.
  // det closes +8h: 1.5h Fri + 6.5h Mon -> Mon 06:30 BST = 05:30Z.
  assert.deepEqual(windowsIso(responseWindows(d("2026-06-12T21:30:00Z"), SEV1, LONDON)), {
    acknowledgement: { opens: "2026-06-12T22:30:00.000Z", closes: "2026-06-15T00:30:00.000Z" },
    determination: { opens: "2026-06-14T23:30:00.000Z", closes: "2026-06-15T05:30:00.000Z" },
    escalationFrom: "2026-06-15T00:30:00.000Z", // = acknowledgement.closes
  });
  // Used up exactly at the end of Friday: Fri 24:00 BST (= Sat 00:00 BST = Fri 23:00Z), not Monday.
  assert.equal(addH("2026-06-12T21:30:00Z", 1.5, LONDON), "2026-06-12T23:00:00.000Z");
});

test("request over a weekend (Saturday noon): counting starts Monday 00:00 local", () => {
  // Sat 2026-06-13 12:00 BST = 11:00Z; counting starts Mon 2026-06-15 00:00 BST = Sun 23:00Z.
  assert.equal(addH("2026-06-13T11:00:00Z", 0, LONDON), "2026-06-14T23:00:00.000Z");
  // Sunday 23:59 BST: same start.
  assert.equal(addH("2026-06-14T22:59:00Z", 0, LONDON), "2026-06-14T23:00:00.000Z");
  // Severity 1 ack: opens Mon 01:00 BST = 00:00Z, closes Mon 03:00 BST = 02:00Z.
  const w = responseWindows(d("2026-06-13T11:00:00Z"), SEV1, LONDON);
  assert.equal(iso(w.acknowledgement.opens), "2026-06-15T00:00:00.000Z");
  assert.equal(iso(w.acknowledgement.closes), "2026-06-15T02:00:00.000Z");
  assert.equal(iso(w.escalationFrom), "2026-06-15T02:00:00.000Z");
  // A working-day start: zero amount returns the start itself (Mon 10:00 BST).
  assert.equal(addH("2026-06-15T09:00:00Z", 0, LONDON), "2026-06-15T09:00:00.000Z");
});

test("European DST, spring (Sunday 2026-03-29): 8 working hours from Friday 20:00", () => {
  // London: Fri 2026-03-27 20:00 GMT = 20:00Z; 4h to Fri 24:00 GMT (Sat 00:00Z);
  // Mon 2026-03-30 00:00 BST = Sun 23:00Z, + 4h = Mon 04:00 BST = 03:00Z.
  // (Naive "+56 real hours" would give 04:00Z = 05:00 BST: off by the DST hour.)
  assert.equal(addH("2026-03-27T20:00:00Z", 8, LONDON), "2026-03-30T03:00:00.000Z");
  // Paris: Fri 20:00 CET (+01) = 19:00Z; 4h Fri; Mon 00:00 CEST (+02) = Sun 22:00Z, +4h = 02:00Z.
  assert.equal(addH("2026-03-27T19:00:00Z", 8, { timeZone: "Europe/Paris" }), "2026-03-30T02:00:00.000Z");
});

test("European DST, autumn (Sunday 2026-10-25): 8 working hours and a Friday-to-Monday window", () => {
  // London: Fri 2026-10-23 20:00 BST = 19:00Z; 4h Fri; Mon 2026-10-26 00:00 GMT = 00:00Z, +4h = 04:00Z.
  assert.equal(addH("2026-10-23T19:00:00Z", 8, LONDON), "2026-10-26T04:00:00.000Z");
  // Paris: Fri 20:00 CEST = 18:00Z; 4h Fri; Mon 00:00 CET = Sun 23:00Z, +4h = 03:00Z.
  assert.equal(addH("2026-10-23T18:00:00Z", 8, { timeZone: "Europe/Paris" }), "2026-10-26T03:00:00.000Z");
  // Severity 2 sent Fri 2026-10-23 21:00 BST (20:00Z); 3h left on Friday, Monday is GMT (= UTC):
  // ack 6h -> Mon 03:00Z; 12h -> Mon 09:00Z; det 24h -> 3 + 21 -> Mon 21:00Z;
  // det 48h -> 3 + 24 (Mon) + 21 (Tue) -> Tue 2026-10-27 21:00Z.
  assert.deepEqual(windowsIso(responseWindows(d("2026-10-23T20:00:00Z"), SEV2, LONDON)), {
    acknowledgement: { opens: "2026-10-26T03:00:00.000Z", closes: "2026-10-26T09:00:00.000Z" },
    determination: { opens: "2026-10-26T21:00:00.000Z", closes: "2026-10-27T21:00:00.000Z" },
    escalationFrom: "2026-10-26T09:00:00.000Z",
  });
});

test("North American DST (America/New_York, 2026-03-08 and 2026-11-01)", () => {
  const NY = { timeZone: "America/New_York" };
  // Spring: Fri 2026-03-06 20:00 EST (-05) = Sat 01:00Z; 4h to Sat 00:00 EST (05:00Z);
  // Mon 2026-03-09 00:00 EDT (-04) = 04:00Z, +4h = 08:00Z (04:00 EDT).
  assert.equal(addH("2026-03-07T01:00:00Z", 8, NY), "2026-03-09T08:00:00.000Z");
  // Autumn: Fri 2026-10-30 20:00 EDT = Sat 00:00Z; 4h Fri; Mon 2026-11-02 00:00 EST = 05:00Z, +4h = 09:00Z.
  assert.equal(addH("2026-10-31T00:00:00Z", 8, NY), "2026-11-02T09:00:00.000Z");
});

test("a DST change on a working day (Africa/Cairo, Fri 2026-04-24 starts at 01:00)", () => {
  const CAIRO = { timeZone: "Africa/Cairo" };
  // Egypt springs forward at Fri 00:00 EET -> 01:00 EEST: Friday is a 23-hour working day.
  // Thu 2026-04-23 20:00 EET (+02) = 18:00Z, + 8 real working hours = Fri 02:00Z (05:00 EEST).
  assert.equal(addH("2026-04-23T18:00:00Z", 8, CAIRO), "2026-04-24T02:00:00.000Z");
  // 1 day = 24 working hours: Thu 12:00 EET (10:00Z): 12h Thu + 12h Fri from 01:00 EEST
  // -> Fri 13:00 EEST = 10:00Z (the clock time moves by the hour the day lacks).
  assert.equal(iso(addWorkingTime(d("2026-04-23T10:00:00Z"), 1, "day", CAIRO)), "2026-04-24T10:00:00.000Z");
});

test("the result depends only on the region's zone, never on the process/reader zone", () => {
  // Same inputs as the first test: Fri 22:30 BST + 3 working hours (London) = 2026-06-15T00:30Z.
  const code = `import { addWorkingTime } from ${JSON.stringify(MODULE_URL)};
    process.stdout.write(addWorkingTime(new Date("2026-06-12T21:30:00Z"), 3, "hour", { timeZone: "Europe/London" }).toISOString());`;
  for (const TZ of ["UTC", "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"]) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...process.env, TZ }, encoding: "utf8" });
    assert.equal(out, "2026-06-15T00:30:00.000Z", `process TZ=${TZ}`);
  }
  // A reader in Sydney sees the same instant as Mon 10:30 AEST: presentation only.
  const closes = addWorkingTime(d("2026-06-12T21:30:00Z"), 3, "hour", LONDON);
  assert.deepEqual(zonedParts(closes, "Australia/Sydney"),
    { year: 2026, month: 6, day: 15, hour: 10, minute: 30, second: 0, weekday: 1 });
  // Whereas a Sydney *region* counts on Sydney days: Sat 07:30 AEST is a weekend there,
  // so counting starts Mon 2026-06-15 00:00 AEST = Sun 14:00Z, + 3h = 17:00Z.
  assert.equal(addH("2026-06-12T21:30:00Z", 3, { timeZone: "Australia/Sydney" }), "2026-06-14T17:00:00.000Z");
});

test("holidays: Christmas Friday 2026-12-25 and the Monday 2026-12-28 substitute day", () => {
  const UK_XMAS = { timeZone: "Europe/London", holidays: ["2026-12-25", "2026-12-28"] };
  // Thu 2026-12-24 23:00 GMT + 3h: 1h Thu; Fri/Sat/Sun/Mon off; Tue 2026-12-29 00:00 + 2h = 02:00Z.
  assert.equal(addH("2026-12-24T23:00:00Z", 3, UK_XMAS), "2026-12-29T02:00:00.000Z");
  // Without the holidays it would close on Christmas Day 02:00Z.
  assert.equal(addH("2026-12-24T23:00:00Z", 3, LONDON), "2026-12-25T02:00:00.000Z");
  // Severity 3 determination (days) from Wed 2026-12-23 15:00 GMT: 9h Wed + 24h Thu = 33h;
  // 2 days (48h) -> +15h on Tue 29 = 15:00Z; 3 days (72h) -> +9h Tue, +15h Wed 30 = 15:00Z.
  const w = responseWindows(d("2026-12-23T15:00:00Z"), SEV3, UK_XMAS);
  assert.equal(iso(w.determination.opens), "2026-12-29T15:00:00.000Z");
  assert.equal(iso(w.determination.closes), "2026-12-30T15:00:00.000Z");
  // A holiday on the Monday after a weekend (Spring bank holiday 2026-05-25):
  // Fri 2026-05-22 22:00 BST (21:00Z), severity 2 ack: 2h Fri; Mon off; Tue 00:00 BST (Mon 23:00Z)
  // + 4h -> 03:00Z (opens, 6h); + 10h -> 09:00Z (closes, 12h).
  const bank = { timeZone: "Europe/London", holidays: ["2026-05-25"] };
  const w2 = responseWindows(d("2026-05-22T21:00:00Z"), SEV2, bank);
  assert.equal(iso(w2.acknowledgement.opens), "2026-05-26T03:00:00.000Z");
  assert.equal(iso(w2.acknowledgement.closes), "2026-05-26T09:00:00.000Z");
  // Sent on the holiday itself (Mon 10:00 BST): counting starts Tue 00:00 BST; +1h = 00:00Z.
  assert.equal(addH("2026-05-25T09:00:00Z", 1, bank), "2026-05-26T00:00:00.000Z");
});

test("round-the-clock severity 1: a Saturday request closes on Saturday", () => {
  const RTC = { timeZone: "Europe/London", holidays: ["2026-12-25"], roundTheClock: true };
  // Sat 2026-06-13 12:00 BST = 11:00Z: ack 12:00Z/14:00Z, det 13:00Z/19:00Z (Sat 20:00 BST).
  assert.deepEqual(windowsIso(responseWindows(d("2026-06-13T11:00:00Z"), SEV1, RTC)), {
    acknowledgement: { opens: "2026-06-13T12:00:00.000Z", closes: "2026-06-13T14:00:00.000Z" },
    determination: { opens: "2026-06-13T13:00:00.000Z", closes: "2026-06-13T19:00:00.000Z" },
    escalationFrom: "2026-06-13T14:00:00.000Z",
  });
  // Holidays count too: Christmas Day 10:00 GMT + 3h = 13:00Z.
  assert.equal(addH("2026-12-25T10:00:00Z", 3, RTC), "2026-12-25T13:00:00.000Z");
  // Real hours across the spring-forward night: Sun 2026-03-29 00:30 GMT + 3h = 03:30Z (04:30 BST).
  assert.equal(addH("2026-03-29T00:30:00Z", 3, RTC), "2026-03-29T03:30:00.000Z");
});

test("severity 3 '2 to 3 days' sent Wednesday 15:00 closes the following Monday 15:00", () => {
  // London, Wed 2026-06-10 15:00 BST = 14:00Z. 1 day = 24 working hours.
  // det 2 days: 9h Wed + 24h Thu + 15h Fri -> Fri 2026-06-12 15:00 BST = 14:00Z.
  // det 3 days: + 9h rest of Fri, weekend skipped, + 15h Mon -> Mon 2026-06-15 15:00 BST = 14:00Z.
  // ack 16h: 9h Wed + 7h -> Thu 07:00 BST = 06:00Z; 24h -> Thu 15:00 BST = 14:00Z.
  assert.deepEqual(windowsIso(responseWindows(d("2026-06-10T14:00:00Z"), SEV3, LONDON)), {
    acknowledgement: { opens: "2026-06-11T06:00:00.000Z", closes: "2026-06-11T14:00:00.000Z" },
    determination: { opens: "2026-06-12T14:00:00.000Z", closes: "2026-06-15T14:00:00.000Z" },
    escalationFrom: "2026-06-11T14:00:00.000Z",
  });
  // "days" and "hours" agree: 3 days = 72 hours.
  assert.equal(addH("2026-06-10T14:00:00Z", 72, LONDON), "2026-06-15T14:00:00.000Z");
});

test("Asia/Kolkata (+05:30)", () => {
  const IN = { timeZone: "Asia/Kolkata" };
  // Fri 2026-06-12 22:00 IST = 16:30Z; 2h to Sat 00:00 IST (Fri 18:30Z);
  // Mon 2026-06-15 00:00 IST = Sun 18:30Z, + 1h -> 19:30Z (ack closes, 3h).
  assert.equal(addH("2026-06-12T16:30:00Z", 3, IN), "2026-06-14T19:30:00.000Z");
  // Sat 09:00 IST: counting starts Mon 00:00 IST = Sun 18:30Z.
  assert.equal(addH("2026-06-13T03:30:00Z", 0, IN), "2026-06-14T18:30:00.000Z");
});

test("Australia/Sydney (DST ends Sun 2026-04-05, starts Sun 2026-10-04)", () => {
  const SYD = { timeZone: "Australia/Sydney" };
  // Autumn: Fri 2026-04-03 22:00 AEDT (+11) = 11:00Z; 2h Fri;
  // Mon 2026-04-06 00:00 AEST (+10) = Sun 14:00Z, + 6h -> 20:00Z (Mon 06:00 AEST).
  assert.equal(addH("2026-04-03T11:00:00Z", 8, SYD), "2026-04-05T20:00:00.000Z");
  // Same weekend with NSW Good Friday (04-03) and Easter Monday (04-06): from Thu 22:00 AEDT
  // (2026-04-02 11:00Z): 2h Thu; Fri..Mon off; Tue 00:00 AEST = Mon 14:00Z, + 6h -> 20:00Z.
  const easter = { timeZone: "Australia/Sydney", holidays: ["2026-04-03", "2026-04-06"] };
  assert.equal(addH("2026-04-02T11:00:00Z", 8, easter), "2026-04-06T20:00:00.000Z");
  // Spring: Fri 2026-10-02 22:00 AEST (+10) = 12:00Z; 2h Fri;
  // Mon 2026-10-05 00:00 AEDT (+11) = Sun 13:00Z, + 6h -> 19:00Z.
  assert.equal(addH("2026-10-02T12:00:00Z", 8, SYD), "2026-10-04T19:00:00.000Z");
});

test("zonedParts and zonedTime: local midnight", () => {
  // The first instant of BST: 01:00Z is Sun 02:00 local.
  assert.deepEqual(zonedParts(d("2026-03-29T01:00:00Z"), "Europe/London"),
    { year: 2026, month: 3, day: 29, hour: 2, minute: 0, second: 0, weekday: 0 });
  const mid = (y, m, day, tz) => iso(zonedTime(y, m, day, tz));
  assert.equal(mid(2026, 6, 15, "Europe/London"), "2026-06-14T23:00:00.000Z"); // +01:00
  assert.equal(mid(2026, 6, 15, "Asia/Kolkata"), "2026-06-14T18:30:00.000Z"); // +05:30
  assert.equal(mid(2026, 6, 15, "Asia/Kathmandu"), "2026-06-14T18:15:00.000Z"); // +05:45
  assert.equal(mid(2026, 12, 32, "Europe/London"), "2027-01-01T00:00:00.000Z"); // day rolls over
  // Gap at midnight: Havana 2026-03-08 jumps 00:00 CST -> 01:00 CDT; the day starts at 01:00 CDT (-04) = 05:00Z.
  assert.equal(mid(2026, 3, 8, "America/Havana"), "2026-03-08T05:00:00.000Z");
  // Overlap: Havana 2026-11-01 01:00 CDT -> 00:00 CST, so 00:00 occurs twice; the first is 00:00 CDT = 04:00Z.
  assert.equal(mid(2026, 11, 1, "America/Havana"), "2026-11-01T04:00:00.000Z");
  // Samoa skipped 2011-12-30 entirely: that "day" begins when Dec 31 begins, 00:00 +14 = Dec 30 10:00Z.
  assert.equal(mid(2011, 12, 30, "Pacific/Apia"), "2011-12-30T10:00:00.000Z");
});

test("invalid input throws RangeError with a clear message", () => {
  const start = d("2026-06-10T14:00:00Z");
  assert.throws(() => addWorkingTime(start, 1, "hour", { timeZone: "Mars/Olympus_Mons" }),
    { name: "RangeError", message: 'worktime: unknown time zone "Mars/Olympus_Mons"' });
  assert.throws(() => zonedParts(start, "Not/AZone"), { name: "RangeError", message: /unknown time zone "Not\/AZone"/ });
  assert.throws(() => addWorkingTime(start, -1, "hour", LONDON),
    { name: "RangeError", message: "worktime: amount must be a finite number >= 0, got -1" });
  assert.throws(() => addWorkingTime(start, NaN, "hour", LONDON), { name: "RangeError", message: /amount/ });
  assert.throws(() => addWorkingTime(start, Infinity, "day", LONDON), { name: "RangeError", message: /amount/ });
  assert.throws(() => addWorkingTime(start, 1, "week", LONDON), { name: "RangeError", message: 'worktime: unit must be "minute", "hour" or "day", got "week"' });
  assert.throws(() => addWorkingTime(start, 1, "hours", LONDON), { name: "RangeError", message: /got "hours"/ }); // the API writes units in the singular
  assert.throws(() => addWorkingTime(start, 1, "hour", {}), { name: "RangeError", message: /timeZone is required/ });
  assert.throws(() => addWorkingTime(new Date("nope"), 1, "hour", LONDON), { name: "RangeError", message: /valid Date/ });
  assert.throws(() => addWorkingTime(start, 1, "hour", { timeZone: "Europe/London", holidays: ["25/12/2026"] }),
    { name: "RangeError", message: /holiday must be an ISO date/ });
  assert.throws(() => responseWindows(start, { acknowledgement: win("3 hours", "1 hour"), determination: SEV1.determination }, LONDON),
    { name: "RangeError", message: "worktime: acknowledgement window closes before it opens" });
  assert.throws(() => responseWindows(start, { acknowledgement: { min: 1, max: 3, unit: "hour" }, determination: SEV1.determination }, LONDON),
    { name: "RangeError", message: "worktime: amount must be a finite number >= 0, got undefined" }); // the shape before #9: no {amount, unit}
});

test("workingDays: another working week, and its mistakes", () => {
  // Sunday to Thursday (Date#getDay numbers 0..4), Dubai (+04:00): Fri 2026-06-12 10:00 GST (06:00Z)
  // is off; counting starts Sun 2026-06-14 00:00 GST = Sat 20:00Z, + 3h = 23:00Z.
  const GULF = { timeZone: "Asia/Dubai", workingDays: [0, 1, 2, 3, 4] };
  assert.equal(addH("2026-06-12T06:00:00Z", 3, GULF), "2026-06-13T23:00:00.000Z");
  // The default week is Monday to Friday.
  assert.equal(addH("2026-06-12T06:00:00Z", 3, { timeZone: "Asia/Dubai" }), "2026-06-12T09:00:00.000Z");
  assert.throws(() => addWorkingTime(d("2026-06-12T06:00:00Z"), 1, "hour", { timeZone: "Asia/Dubai", workingDays: [7] }),
    { name: "RangeError", message: /weekday numbers 0 \(Sunday\) to 6, got 7/ });
  assert.throws(() => addWorkingTime(d("2026-06-12T06:00:00Z"), 1, "hour", { timeZone: "Asia/Dubai", workingDays: [] }),
    { name: "RangeError", message: /at least one day/ });
  // Round the clock needs no working day.
  assert.equal(addH("2026-06-12T06:00:00Z", 3, { timeZone: "Asia/Dubai", workingDays: [], roundTheClock: true }), "2026-06-12T09:00:00.000Z");
});

// --- minutes, support hours and other working weeks (#9) ------------------------------------

const add = (startIso, text, opts) => { const { amount, unit } = dur(text); return iso(addWorkingTime(d(startIso), amount, unit, opts)); };
const HOURS = { opens: "08:00", closes: "18:00" };

test("every unit of the data's schema has its arithmetic here", () => {
  const schema = JSON.parse(readFileSync(new URL("../../schemas/common.schema.json", import.meta.url), "utf8"));
  const units = schema.$defs.duration_unit.enum;
  assert.deepEqual(units, ["minute", "hour", "day"]);
  // Wed 2026-06-10 12:00 BST; one of each, round the clock and with support hours.
  for (const unit of units) {
    for (const supportHours of [null, HOURS]) {
      assert.ok(addWorkingTime(d("2026-06-10T11:00:00Z"), 1, unit, { ...LONDON, supportHours }) > d("2026-06-10T11:00:00Z"), unit);
    }
  }
});

test("minutes: a window of 30 minutes to 1 hour, and minutes across the weekend", () => {
  // Fri 2026-06-12 23:40 BST = 22:40Z: 20 minutes left on Friday (to 23:00Z).
  // 30 min -> 20 Fri + 10 Mon from 00:00 BST (Sun 23:00Z) = 23:10Z; 1 hour -> + 40 Mon = 23:40Z.
  const quick = { acknowledgement: win("30 minutes", "1 hour"), determination: win("45 minutes", "2 hours") };
  const w = responseWindows(d("2026-06-12T22:40:00Z"), quick, LONDON);
  assert.deepEqual([iso(w.acknowledgement.opens), iso(w.acknowledgement.closes)], ["2026-06-14T23:10:00.000Z", "2026-06-14T23:40:00.000Z"]);
  // 45 min -> 20 + 25 = Sun 23:25Z; 2 hours -> 20 + 100 = Mon 00:40Z.
  assert.deepEqual([iso(w.determination.opens), iso(w.determination.closes)], ["2026-06-14T23:25:00.000Z", "2026-06-15T00:40:00.000Z"]);
  // 90 minutes and 1.5 hours are the same working time.
  assert.equal(add("2026-06-12T22:40:00Z", "90 minutes", LONDON), addH("2026-06-12T22:40:00Z", 1.5, LONDON));
});

test("support hours 08:00 to 18:00: a request after closing time counts from the next opening", () => {
  const OFFICE = { ...LONDON, supportHours: HOURS };
  // Wed 2026-06-10 19:30 BST (18:30Z), after closing: counting starts Thu 08:00 BST = 07:00Z.
  assert.equal(add("2026-06-10T18:30:00Z", "0 hours", OFFICE), "2026-06-11T07:00:00.000Z");
  // Severity 1 (1 to 3 hours, 2 to 8 hours): Thu 09:00, 11:00 BST; 10:00, 16:00 BST.
  assert.deepEqual(windowsIso(responseWindows(d("2026-06-10T18:30:00Z"), SEV1, OFFICE)), {
    acknowledgement: { opens: "2026-06-11T08:00:00.000Z", closes: "2026-06-11T10:00:00.000Z" },
    determination: { opens: "2026-06-11T09:00:00.000Z", closes: "2026-06-11T15:00:00.000Z" },
    escalationFrom: "2026-06-11T10:00:00.000Z",
  });
  // Before opening (Thu 06:00 BST): the same start.
  assert.equal(add("2026-06-11T05:00:00Z", "0 minutes", OFFICE), "2026-06-11T07:00:00.000Z");
  // Used up exactly at closing time: Wed 17:00 BST + 1 hour = 18:00 BST (17:00Z), not Thursday.
  assert.equal(add("2026-06-10T16:00:00Z", "1 hour", OFFICE), "2026-06-10T17:00:00.000Z");
  // 30 minutes from Wed 17:45 BST: 15 on Wednesday, 15 from Thu 08:00 -> 08:15 BST = 07:15Z.
  assert.equal(add("2026-06-10T16:45:00Z", "30 minutes", OFFICE), "2026-06-11T07:15:00.000Z");
  // After closing on Friday: Monday 2026-06-15 08:00 BST = 07:00Z, + 3 h = 10:00Z.
  assert.equal(add("2026-06-12T17:30:00Z", "3 hours", OFFICE), "2026-06-15T10:00:00.000Z");
  // A day is one working day of 10 hours: Wed 15:00 BST + 1 day = 3 h Wed + 7 h Thu = Thu 15:00 BST;
  // + 2 days = Fri 15:00 BST; 16 hours = 3 + 10 (Thu) + 3 = Fri 11:00 BST.
  assert.equal(add("2026-06-10T14:00:00Z", "1 day", OFFICE), "2026-06-11T14:00:00.000Z");
  assert.equal(add("2026-06-10T14:00:00Z", "2 days", OFFICE), "2026-06-12T14:00:00.000Z");
  assert.equal(add("2026-06-10T14:00:00Z", "16 hours", OFFICE), "2026-06-12T10:00:00.000Z");
  // Round the clock (a critical case) ignores the hours, and a day is then 24 hours.
  assert.equal(add("2026-06-10T18:30:00Z", "3 hours", { ...OFFICE, roundTheClock: true }), "2026-06-10T21:30:00.000Z");
  assert.equal(add("2026-06-10T18:30:00Z", "1 day", { ...OFFICE, roundTheClock: true }), "2026-06-11T18:30:00.000Z");
});

test("a Sunday-to-Thursday week in Jerusalem across the October DST change (Sunday 2026-10-25)", () => {
  // Israel's summer time ends on Sunday 2026-10-25 at 02:00 IDT (+03), clocks back to 01:00 IST
  // (+02): a working day of that week. Working days Sunday (0) to Thursday (4).
  const JERUSALEM = { timeZone: "Asia/Jerusalem", workingDays: [0, 1, 2, 3, 4] };
  // Round the clock: Thu 2026-10-22 20:00 IDT = 17:00Z; 4 h left on Thursday (to Thu 21:00Z);
  // Friday and Saturday off; Sunday starts 00:00 IDT = Sat 21:00Z; + 4 real hours = Sun 01:00Z,
  // which reads 03:00 IST (a wall-clock count would say 04:00).
  assert.equal(addH("2026-10-22T17:00:00Z", 8, JERUSALEM), "2026-10-25T01:00:00.000Z");
  assert.deepEqual(zonedParts(d("2026-10-25T01:00:00Z"), "Asia/Jerusalem"),
    { year: 2026, month: 10, day: 25, hour: 3, minute: 0, second: 0, weekday: 0 });
  // That Sunday lasts 25 hours: 1 day (24 working hours) from its start, 00:00 IDT (Sat 21:00Z),
  // ends at Sun 23:00 IST (21:00Z), the clock an hour short of Monday.
  assert.equal(add("2026-10-24T21:00:00Z", "1 day", JERUSALEM), "2026-10-25T21:00:00.000Z");
  // Friday (not Saturday) is the first day off: a Friday-morning request counts from Sunday.
  assert.equal(addH("2026-10-23T07:00:00Z", 0, JERUSALEM), "2026-10-24T21:00:00.000Z");
  // With support hours 08:00 to 18:00: Thu 2026-10-22 17:00 IDT (14:00Z), severity 1:
  // 1 h on Thursday; Sunday opens 08:00 IST (+02) = 06:00Z (under IDT it would be 05:00Z).
  // ack 1 h: Thu 18:00 IDT = 15:00Z (used up at closing); 3 h: Sun 10:00 IST = 08:00Z.
  // det 2 h: Sun 09:00 IST = 07:00Z; 8 h: Sun 15:00 IST = 13:00Z.
  const OFFICE = { ...JERUSALEM, supportHours: HOURS };
  assert.deepEqual(windowsIso(responseWindows(d("2026-10-22T14:00:00Z"), SEV1, OFFICE)), {
    acknowledgement: { opens: "2026-10-22T15:00:00.000Z", closes: "2026-10-25T08:00:00.000Z" },
    determination: { opens: "2026-10-25T07:00:00.000Z", closes: "2026-10-25T13:00:00.000Z" },
    escalationFrom: "2026-10-25T08:00:00.000Z",
  });
  // A day of 10 working hours keeps the clock time across the change: Thu 15:00 IDT (12:00Z)
  // + 1 day = 3 h Thursday + 7 h Sunday = Sun 15:00 IST = 13:00Z.
  assert.equal(add("2026-10-22T12:00:00Z", "1 day", OFFICE), "2026-10-25T13:00:00.000Z");
  // A request sent on Saturday evening after the change counts from Sunday 08:00 IST too.
  assert.equal(add("2026-10-24T18:00:00Z", "0 minutes", OFFICE), "2026-10-25T06:00:00.000Z");
});

test("a Sunday-to-Thursday week in São Paulo, whose summer time began at midnight (2018-11-04)", () => {
  // Brazil sprang forward at Sunday 2018-11-04 00:00 BRT (-03) to 01:00 BRST (-02): that Sunday
  // began at 01:00. A made-up Sunday-to-Thursday week shows it is a working day like any other.
  const SAO_PAULO = { timeZone: "America/Sao_Paulo", workingDays: [0, 1, 2, 3, 4] };
  // Sat 2018-11-03 12:00 BRT (15:00Z): counting starts Sun 01:00 BRST = 03:00Z; + 3 h = 06:00Z.
  assert.equal(addH("2018-11-03T15:00:00Z", 0, SAO_PAULO), "2018-11-04T03:00:00.000Z");
  assert.equal(addH("2018-11-03T15:00:00Z", 3, SAO_PAULO), "2018-11-04T06:00:00.000Z");
  // The day is 23 hours long: 1 day (24 working hours) from its start ends Mon 01:00 BRST (03:00Z).
  assert.equal(add("2018-11-03T15:00:00Z", "1 day", SAO_PAULO), "2018-11-05T03:00:00.000Z");
  // With support hours 08:00 to 18:00 the day is a normal one: Sun 08:00 BRST = 10:00Z.
  assert.equal(add("2018-11-03T15:00:00Z", "1 day", { ...SAO_PAULO, supportHours: HOURS }), "2018-11-04T20:00:00.000Z");
  // Summer time ended at Sunday 2019-02-17 00:00 BRST, back to Saturday 23:00 BRT: Sunday began
  // at 00:00 BRT = 03:00Z, and Saturday's last hour came twice (off either way).
  assert.equal(addH("2019-02-16T20:00:00Z", 0, SAO_PAULO), "2019-02-17T03:00:00.000Z");
});

test("support hours and their mistakes", () => {
  const start = d("2026-06-10T14:00:00Z");
  assert.equal(iso(zonedTime(2026, 6, 10, "Europe/London", 8 * 60)), "2026-06-10T07:00:00.000Z");
  assert.equal(iso(zonedTime(2026, 3, 29, "Europe/London", 90)), "2026-03-29T01:00:00.000Z"); // 01:30 is skipped: 02:00 BST
  // Data the build would have refused: the calculator stops with an error, never loops for ever.
  assert.throws(() => addWorkingTime(start, 1, "hour", { ...LONDON, supportHours: { opens: "8:00", closes: "18:00" } }),
    { name: "RangeError", message: 'worktime: support hours must be "HH:MM" to a later "HH:MM", got 8:00 to 18:00' });
  assert.throws(() => addWorkingTime(start, 1, "hour", { ...LONDON, supportHours: { opens: "18:00", closes: "08:00" } }),
    { name: "RangeError", message: 'worktime: support hours must be "HH:MM" to a later "HH:MM", got 18:00 to 08:00' });
});
