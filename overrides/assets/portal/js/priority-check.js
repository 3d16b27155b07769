// @ts-check
/**
 * The priority-support check: a country and a number of user licences give
 * eligible or not, against the threshold of the country's priority region
 * (data/priority.yml through the page's JSON).
 */
import { fillParts } from "./lib/fill.js";
import { findCountry, offerCountries, parseCount, priorityVerdict } from "./lib/countries.js";
import { readChoice } from "./lib/choice.js";

const store = () => { try { return window.localStorage; } catch { return null; } };

/** @param {HTMLElement} root */
function mount(root) {
  const config = JSON.parse(/** @type {HTMLElement} */ (root.querySelector("script[data-config]")).textContent ?? "{}");
  const { country: mc, priority: mp } = config.messages;
  const number = new Intl.NumberFormat(document.documentElement.lang || "en");
  const form = /** @type {HTMLFormElement} */ (root.querySelector("[data-form]"));
  const countryInput = /** @type {HTMLInputElement} */ (form.elements.namedItem("country"));
  const licencesInput = /** @type {HTMLInputElement} */ (form.elements.namedItem("licences"));
  const result = /** @type {HTMLElement} */ (root.querySelector("[data-result]"));
  const regions = new Map(config.regions.map((/** @type {{id: string}} */ r) => [r.id, r]));

  /**
   * @param {string} kind admonition type: success, failure, info
   * @param {string} title
   * @param {string} template
   * @param {Record<string, unknown>} params
   */
  function say(kind, title, template, params) {
    const box = document.createElement("div");
    box.className = `admonition ${kind}`;
    const parts = [];
    if (title) {
      const head = document.createElement("p");
      head.className = "admonition-title";
      head.textContent = title;
      parts.push(head);
    }
    const p = document.createElement("p");
    p.append(...fillParts(template, params).map((x) => (x instanceof Node ? x : String(x))));
    parts.push(p);
    box.append(...parts);
    result.replaceChildren(box);
  }

  /** @param {Event} [event] */
  function update(event) {
    result.hidden = false;
    result.dataset.verdict = "";
    const typing = event?.type === "input" && event.target === countryInput;
    const country = findCountry(config.countries, countryInput.value, { codes: !typing });
    const licences = parseCount(licencesInput.value);
    if (countryInput.value.trim() && !country) {
      // A name being typed is not wrong yet: say so once the field is left or the list used.
      return typing ? say("info", "", mp.prompt, {}) : say("warning", "", mc.unknown, { text: countryInput.value.trim() });
    }
    if (licencesInput.value.trim() && licences === null) return say("warning", "", mp.invalid_count, {});
    if (!country || licences === null) return say("info", "", mp.prompt, {});
    const region = regions.get(country.priority_region);
    const verdict = priorityVerdict(region, licences);
    const strong = document.createElement("strong");
    strong.textContent = region.name;
    const params = { country: country.name, region: strong, threshold: number.format(region.min_user_licences), count: number.format(licences) };
    result.dataset.verdict = verdict;
    result.dataset.region = region.id;
    if (verdict === "eligible") say("success", mp.eligible_title, mp.eligible, params);
    else say("failure", mp.not_eligible_title, verdict === "not-offered" ? mp.not_offered : mp.not_eligible, params);
  }

  offerCountries(countryInput, config, root.dataset.defaultNames, update);
  form.addEventListener("submit", (event) => { event.preventDefault(); update(); });
  form.addEventListener("input", update);
  form.addEventListener("change", update);

  const choice = readChoice(store());
  const remembered = choice?.country && config.countries.find((/** @type {{code: string}} */ c) => c.code === choice.country);
  if (remembered) countryInput.value = remembered.name;
  form.hidden = false;
  update();
}

for (const root of document.querySelectorAll('[data-portal-tool="priority"]')) mount(/** @type {HTMLElement} */ (root));
