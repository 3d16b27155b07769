// @ts-check
/**
 * The response-time calculator on the support-commitment page: severity, the
 * moment the request was sent (default: now, in the reader's zone) and the
 * escalation region give the commitment's windows, shown in the reader's zone
 * and in the region's. Every figure and text is the page's JSON (data/ and
 * locales/ through the build); see lib/response.js for the arithmetic.
 */
import { fill, fillParts } from "./lib/fill.js";
import { readChoice, writeChoice } from "./lib/choice.js";
import { fromLocalInput, toLocalInput } from "./lib/local-input.js";
import { computeTimes, formatInstant, zoneName } from "./lib/response.js";

const store = () => { try { return window.localStorage; } catch { return null; } };

/** @param {HTMLElement} root */
function mount(root) {
  const config = JSON.parse(/** @type {HTMLElement} */ (root.querySelector("script[data-config]")).textContent ?? "{}");
  const m = config.messages;
  const lang = document.documentElement.lang || "en";
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const form = /** @type {HTMLFormElement} */ ($("[data-form]"));
  const severity = /** @type {HTMLSelectElement} */ (form.elements.namedItem("severity"));
  const sent = /** @type {HTMLInputElement} */ (form.elements.namedItem("sent"));
  const region = /** @type {HTMLSelectElement} */ (form.elements.namedItem("region"));
  const rtc = /** @type {HTMLInputElement} */ (form.elements.namedItem("round_the_clock"));
  const rtcField = $("[data-round-the-clock]");
  const result = $("[data-result]");
  const message = $("[data-message]");
  const times = $("[data-times]");
  const contacts = /** @type {HTMLAnchorElement | null} */ (root.querySelector("[data-contacts]")); // none in a portal without the escalation finder
  // Only where regions work different days or hours: the chosen one's, as the build wrote it.
  const workingTime = /** @type {HTMLElement | null} */ (root.querySelector("[data-working-time]"));

  const choice = readChoice(store(), config.regions.map((/** @type {{id: string}} */ r) => r.id));
  if (choice) region.value = choice.region;
  sent.value = toLocalInput(new Date());
  $("[data-reader-zone]").textContent = fill(m.reader_zone, { zone: `${zoneName(lang, readerZone)} (${readerZone})` });

  function update() {
    const sev = config.severities.find((/** @type {{id: string}} */ s) => s.id === severity.value);
    rtcField.hidden = !sev?.round_the_clock;
    const reg = config.regions.find((/** @type {{id: string}} */ r) => r.id === region.value);
    const sentAt = fromLocalInput(sent.value);
    if (workingTime) {
      workingTime.textContent = reg?.working_time ?? "";
      workingTime.hidden = !reg?.working_time;
    }
    const problem = !reg ? m.choose_prompt : !sentAt ? m.invalid_date : "";
    message.textContent = problem;
    message.hidden = !problem;
    times.hidden = Boolean(problem);
    result.hidden = false;
    if (problem || !sev || !reg || !sentAt) return;

    const w = computeTimes(config, { severity: sev.id, region: reg.id, sentAt, roundTheClock: rtc.checked });
    const instants = {
      acknowledgement_opens: w.acknowledgement.opens, acknowledgement_closes: w.acknowledgement.closes,
      determination_opens: w.determination.opens, determination_closes: w.determination.closes,
      escalation_from: w.escalationFrom,
    };
    const zones = { reader: readerZone, region: reg.time_zone };
    const sameZone = readerZone === reg.time_zone;
    for (const [key, zone] of Object.entries(zones)) {
      const label = key === "region" ? `${reg.time_zone_name} (${zone})` : `${zoneName(lang, zone, sentAt)} (${zone})`;
      for (const cell of root.querySelectorAll(`[data-zone="${key}"]`)) {
        /** @type {HTMLElement} */ (cell).hidden = key === "reader" && sameZone;
        const name = cell.querySelector("[data-zone-name]");
        if (name) name.textContent = label;
      }
    }
    for (const [key, date] of Object.entries(instants)) {
      for (const [zoneKey, zone] of Object.entries(zones)) {
        // Made here: an empty <time> in the page would not be valid HTML.
        const time = document.createElement("time");
        time.dateTime = date.toISOString();
        time.textContent = formatInstant(date, lang, zone, m.moment);
        $(`[data-milestone="${key}"] [data-zone="${zoneKey}"]`).replaceChildren(time);
      }
    }
    $("[data-summary]").textContent = fill(w.roundTheClock ? m.summary_round_the_clock : m.summary, { severity: sev.label, region: reg.name });
    if (contacts) {
      contacts.replaceChildren(...fillParts(m.contacts, { region: reg.name }));
      contacts.dataset.region = reg.id;
    }
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", update);
  form.addEventListener("change", (event) => {
    if (event.target === region && region.value) writeChoice(store(), { region: region.value });
    update();
  });
  $("[data-action=now]").addEventListener("click", () => {
    sent.value = toLocalInput(new Date());
    update();
  });
  form.hidden = false;
  update();
}

for (const root of document.querySelectorAll('[data-portal-tool="calculator"]')) mount(/** @type {HTMLElement} */ (root));
