// The response-time calculator's arithmetic with the configuration the page embeds
// (lib/response.js over lib/worktime.js). Expected instants are UTC; comments derive them
// from local times. 2026-06-12 is a Friday.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  computeTimes, formatInstant, isoToDayNumbers, zoneName,
} from "../../overrides/assets/portal/js/lib/response.js";
import { fromLocalInput, toLocalInput } from "../../overrides/assets/portal/js/lib/local-input.js";
import { calculatorConfig as config } from "./fixtures/tools.js";

const iso = (date) => date.toISOString();
const at = (severity, region, sentIso, roundTheClock = false) =>
  computeTimes(config, { severity, region, sentAt: new Date(sentIso), roundTheClock });
const flat = (w) => ({
  ack: [iso(w.acknowledgement.opens), iso(w.acknowledgement.closes)],
  det: [iso(w.determination.opens), iso(w.determination.closes)],
  escalation: iso(w.escalationFrom),
});

test("Friday evening in London, severity 2: the windows close on Monday", () => {
  // Fri 2026-06-12 21:00 BST = 20:00Z, 3 working hours left on Friday.
  // ack 6h: 3 + Mon 2026-06-15 00:00 BST (Sun 23:00Z) + 3 = 02:00Z; 12h: + 9 = 08:00Z.
  // det 24h: 3 + 21 = Mon 21:00 BST = 20:00Z; 48h: 3 + 24 (Mon) + 21 (Tue) = Tue 20:00Z.
  assert.deepEqual(flat(at("moderate", "europe-uk", "2026-06-12T20:00:00Z")), {
    ack: ["2026-06-15T02:00:00.000Z", "2026-06-15T08:00:00.000Z"],
    det: ["2026-06-15T20:00:00.000Z", "2026-06-16T20:00:00.000Z"],
    escalation: "2026-06-15T08:00:00.000Z",
  });
});

test("a Saturday request counts from Monday 00:00 in the region's zone", () => {
  // Sat 2026-06-13 10:00 EDT = 14:00Z, New York: counting starts Mon 2026-06-15 00:00 EDT = 04:00Z.
  // Severity 1 ack: 05:00Z to 07:00Z; det: 06:00Z to 12:00Z.
  assert.deepEqual(flat(at("critical", "north-america", "2026-06-13T14:00:00Z")), {
    ack: ["2026-06-15T05:00:00.000Z", "2026-06-15T07:00:00.000Z"],
    det: ["2026-06-15T06:00:00.000Z", "2026-06-15T12:00:00.000Z"],
    escalation: "2026-06-15T07:00:00.000Z",
  });
});

test("across the European DST change (Sunday 2026-03-29): severity 3 sent Friday 20:00 GMT", () => {
  // 4h left on Friday (to Sat 00:00Z); Monday 2026-03-30 starts 00:00 BST = Sun 23:00Z.
  // ack 16h: + 12h -> Mon 12:00 BST = 11:00Z; 24h: + 20h -> Mon 20:00 BST = 19:00Z.
  // det 2 days = 48h: 4 + 24 (Mon) + 20 -> Tue 20:00 BST = 19:00Z; 3 days -> Wed 19:00Z.
  assert.deepEqual(flat(at("minimal", "europe-uk", "2026-03-27T20:00:00Z")), {
    ack: ["2026-03-30T11:00:00.000Z", "2026-03-30T19:00:00.000Z"],
    det: ["2026-03-31T19:00:00.000Z", "2026-04-01T19:00:00.000Z"],
    escalation: "2026-03-30T19:00:00.000Z",
  });
});

test("across the North American DST change (Sunday 2026-11-01): severity 1 sent Friday 23:00 EDT", () => {
  // Fri 2026-10-30 23:00 EDT = Sat 03:00Z; 1h left on Friday (to Sat 04:00Z = 00:00 EDT).
  // Monday 2026-11-02 starts 00:00 EST = 05:00Z. ack 1h: Sat 04:00Z (Fri 24:00 EDT, used up
  // exactly at the end of Friday); 3h: Mon 02:00 EST = 07:00Z. det 2h: 06:00Z; 8h: 12:00Z.
  assert.deepEqual(flat(at("critical", "north-america", "2026-10-31T03:00:00Z")), {
    ack: ["2026-10-31T04:00:00.000Z", "2026-11-02T07:00:00.000Z"],
    det: ["2026-11-02T06:00:00.000Z", "2026-11-02T12:00:00.000Z"],
    escalation: "2026-11-02T07:00:00.000Z",
  });
});

test("public holidays of the region are skipped (Christmas Friday, Monday 28 substitute day)", () => {
  // Thu 2026-12-24 20:00 GMT, severity 2: 4h Thu; Fri 25, Sat, Sun, Mon 28 off; Tue 29 00:00Z.
  // ack 6h -> Tue 02:00Z; 12h -> Tue 08:00Z.
  const w = at("moderate", "europe-uk", "2026-12-24T20:00:00Z");
  assert.equal(iso(w.acknowledgement.opens), "2026-12-29T02:00:00.000Z");
  assert.equal(iso(w.acknowledgement.closes), "2026-12-29T08:00:00.000Z");
  // New York lists no holiday: the same request closes on Christmas Day there.
  // Thu 15:00 EST (20:00Z): 9h Thu; ack 12h -> Fri 25 03:00 EST = 08:00Z.
  assert.equal(iso(at("moderate", "north-america", "2026-12-24T20:00:00Z").acknowledgement.closes), "2026-12-25T08:00:00.000Z");
});

test("round the clock: only when asked for and only for a severity the data allows", () => {
  // Sat 2026-06-13 12:00 BST = 11:00Z, severity 1 round the clock: +1h .. +3h, +2h .. +8h.
  const w = at("critical", "europe-uk", "2026-06-13T11:00:00Z", true);
  assert.equal(w.roundTheClock, true);
  assert.deepEqual(flat(w), {
    ack: ["2026-06-13T12:00:00.000Z", "2026-06-13T14:00:00.000Z"],
    det: ["2026-06-13T13:00:00.000Z", "2026-06-13T19:00:00.000Z"],
    escalation: "2026-06-13T14:00:00.000Z",
  });
  // Holidays count too: Christmas Day 10:00 GMT + 3h.
  assert.equal(iso(at("critical", "europe-uk", "2026-12-25T10:00:00Z", true).acknowledgement.closes), "2026-12-25T13:00:00.000Z");
  // Severity 2 may not be counted round the clock: the box is ignored (Monday 00:00 BST + 6h).
  const moderate = at("moderate", "europe-uk", "2026-06-13T11:00:00Z", true);
  assert.equal(moderate.roundTheClock, false);
  assert.equal(iso(moderate.acknowledgement.opens), "2026-06-15T05:00:00.000Z");
});

test("each region's working week comes from the data (ISO weekday numbers)", () => {
  assert.deepEqual(isoToDayNumbers([1, 2, 3, 4, 5]), [1, 2, 3, 4, 5]);
  assert.deepEqual(isoToDayNumbers([7, 1, 2, 3, 4]), [0, 1, 2, 3, 4]);
  // A Sunday-to-Thursday week: a Friday request in Kolkata counts from Sunday 00:00 IST.
  // Fri 2026-06-12 10:00 IST = 04:30Z -> Sun 2026-06-14 00:00 IST = Sat 18:30Z, + 1h = 19:30Z.
  const sundayWeek = { ...config, regions: config.regions.map((r) => (r.id === "india" ? { ...r, working_days: [7, 1, 2, 3, 4] } : r)) };
  const w = computeTimes(sundayWeek, { severity: "critical", region: "india", sentAt: new Date("2026-06-12T04:30:00Z") });
  assert.equal(iso(w.acknowledgement.opens), "2026-06-13T19:30:00.000Z");
  // The other regions keep theirs: London counts Friday 2026-06-12 (05:30 BST + 1 h).
  assert.equal(iso(computeTimes(sundayWeek, { severity: "critical", region: "europe-uk", sentAt: new Date("2026-06-12T04:30:00Z") }).acknowledgement.opens), "2026-06-12T05:30:00.000Z");
});

test("a region with its own week and support hours: Sunday to Thursday, 08:00 to 18:00 in Jerusalem", () => {
  // Thu 2026-10-22 19:00 IDT (16:00Z), after closing; Friday and Saturday off; summer time ends on
  // Sunday 2026-10-25 at 02:00: Sunday opens at 08:00 IST (+02) = 06:00Z.
  // Severity 2 (6 to 12 hours, 24 to 48 hours), days of 10 working hours:
  // ack 6 h: Sun 14:00 IST = 12:00Z; 12 h: 10 on Sunday + 2 = Mon 10:00 IST = 08:00Z.
  // det 24 h: 10 (Sun) + 10 (Mon) + 4 = Tue 12:00 IST = 10:00Z; 48 h: 40 (Sun..Wed) + 8 = Thu 16:00 IST = 14:00Z.
  assert.deepEqual(flat(at("moderate", "israel", "2026-10-22T16:00:00Z")), {
    ack: ["2026-10-25T12:00:00.000Z", "2026-10-26T08:00:00.000Z"],
    det: ["2026-10-27T10:00:00.000Z", "2026-10-29T14:00:00.000Z"],
    escalation: "2026-10-26T08:00:00.000Z",
  });
  // Severity 3's "2 to 3 days" are 2 and 3 working days of 10 hours, from the same Thursday
  // evening: Sunday and Monday, then Tuesday: each closes at 18:00 IST (16:00Z).
  const minimal = at("minimal", "israel", "2026-10-22T16:00:00Z");
  assert.deepEqual([iso(minimal.determination.opens), iso(minimal.determination.closes)], ["2026-10-26T16:00:00.000Z", "2026-10-27T16:00:00.000Z"]);
  // A critical case round the clock ignores days and hours: Thursday 19:00 IDT + 3 h.
  assert.equal(iso(at("critical", "israel", "2026-10-22T16:00:00Z", true).acknowledgement.closes), "2026-10-22T19:00:00.000Z");
});

test("unknown severity or region is a clear error", () => {
  assert.throws(() => at("urgent", "europe-uk", "2026-06-12T20:00:00Z"), { name: "RangeError", message: 'calculator: unknown severity "urgent"' });
  assert.throws(() => at("critical", "mars", "2026-06-12T20:00:00Z"), { name: "RangeError", message: 'calculator: unknown region "mars"' });
});

test("reader and region in different zones: one instant, two local times, in the page language", () => {
  // Severity 1 from London, sent Fri 2026-06-12 22:30 BST: ack closes Mon 01:30 BST = 00:30Z.
  const closes = at("critical", "europe-uk", "2026-06-12T21:30:00Z").acknowledgement.closes;
  assert.equal(iso(closes), "2026-06-15T00:30:00.000Z");
  const region = formatInstant(closes, "en", "Europe/London");
  const reader = formatInstant(closes, "en", "America/Los_Angeles");
  assert.match(region, /Monday, June 15, 2026/);
  assert.match(region, /1:30/);
  assert.match(reader, /Sunday, June 14, 2026/);
  assert.match(reader, /5:30/);
  assert.match(reader, /PDT/);
  // French and Vietnamese words and 24-hour clocks.
  assert.match(formatInstant(closes, "fr", "Europe/Paris"), /lundi 15 juin 2026.*02:30/);
  // Weekday, date, time, zone, in the order of the language's pattern (tools.calculator.moment):
  // not CLDR's Vietnamese date-time pattern, which starts with "lúc 07:30" (review, Dec. 2026).
  assert.equal(formatInstant(closes, "fr", "Europe/Paris", "{date} à {time} ({zone})"), "lundi 15 juin 2026 à 02:30 (UTC+2)");
  assert.equal(formatInstant(closes, "vi", "Asia/Ho_Chi_Minh", "{date}, {time} ({zone})"), "Thứ Hai, 15 tháng 6, 2026, 07:30 (GMT+7)");
  assert.match(formatInstant(closes, "en", "Europe/London", "{date} at {time} ({zone})"), /^Monday, June 15, 2026 at 1:30\sAM \((GMT\+1|BST)\)$/);
  // Winter in New York: the same wall time is an hour further from UTC (EST).
  assert.match(formatInstant(new Date("2026-12-15T17:00:00Z"), "en", "America/New_York"), /12:00\sPM \(EST\)/);
  assert.equal(zoneName("en", "America/Los_Angeles"), "Pacific Time");
  assert.equal(zoneName("en", "Not/AZone"), "Not/AZone");
});

test("datetime-local values are read and written in the browser's zone", () => {
  const code = `import { fromLocalInput, toLocalInput } from ${JSON.stringify(new URL("../../overrides/assets/portal/js/lib/local-input.js", import.meta.url).href)};
    const d = fromLocalInput("2026-03-08T02:30");
    process.stdout.write(JSON.stringify([fromLocalInput("2026-06-12T22:30").toISOString(), toLocalInput(new Date("2026-06-12T21:30:00Z")), d.toISOString()]));`;
  // New York: 22:30 EDT = 02:30Z next day; 02:30 on 2026-03-08 does not exist (spring forward) -> 03:30 EDT.
  const ny = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...process.env, TZ: "America/New_York" }, encoding: "utf8" }));
  assert.deepEqual(ny, ["2026-06-13T02:30:00.000Z", "2026-06-12T17:30", "2026-03-08T07:30:00.000Z"]);
  const paris = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...process.env, TZ: "Europe/Paris" }, encoding: "utf8" }));
  assert.deepEqual(paris.slice(0, 2), ["2026-06-12T20:30:00.000Z", "2026-06-12T23:30"]);
  assert.equal(fromLocalInput(""), null);
  assert.equal(fromLocalInput("2026-02-30T10:00"), null);
  assert.equal(fromLocalInput("tomorrow"), null);
  assert.equal(fromLocalInput("2026-06-12T24:00"), null);
  assert.equal(toLocalInput(fromLocalInput("0099-01-02T03:04")), "0099-01-02T03:04");
});
