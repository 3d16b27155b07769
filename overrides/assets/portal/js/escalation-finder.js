// @ts-check
/**
 * The escalation finder: the reader's country (CLDR name in the page
 * language) opens its escalation region in the tabs below and names the
 * partner account managers whose coverage names the country (when the
 * portal's escalation levels have account managers). The choice is
 * remembered (lib/choice.js) for every page and language.
 */
import { fillParts } from "./lib/fill.js";
import { findCountry, offerCountries } from "./lib/countries.js";
import { readChoice, writeChoice } from "./lib/choice.js";

const store = () => { try { return window.localStorage; } catch { return null; } };

/**
 * Opens the region's tab of the escalation matrix, as a click on its label would. On page
 * load (`quiet`) the radio is only checked: a click would let Material scroll to the tabs.
 * @param {string} id
 * @param {{quiet?: boolean}} [options]
 */
export function openRegion(id, { quiet = false } = {}) {
  const label = /** @type {HTMLLabelElement | null} */ (document.querySelector(`.tabbed-labels label[data-region="${CSS.escape(id)}"]`));
  const input = label && /** @type {HTMLInputElement | null} */ (document.getElementById(label.htmlFor));
  if (!label || !input) return false;
  if (quiet) {
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (!input.checked) {
    // Material's tabs follow the click; the click moves the focus to the tab, so give it back
    // (the reader may still be typing in the country field).
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    label.click();
    if (active && active !== document.body) active.focus({ preventScroll: true });
  }
  return true;
}

/** @param {HTMLElement} root */
function mount(root) {
  const config = JSON.parse(/** @type {HTMLElement} */ (root.querySelector("script[data-config]")).textContent ?? "{}");
  const { country: mc, finder: mf } = config.messages;
  const lang = document.documentElement.lang || "en";
  const form = /** @type {HTMLFormElement} */ (root.querySelector("[data-form]"));
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem("country"));
  const result = /** @type {HTMLElement} */ (root.querySelector("[data-result]"));
  const regions = new Map(config.regions.map((/** @type {{id: string}} */ r) => [r.id, r]));
  const people = new Map(config.people.map((/** @type {{id: string}} */ p) => [p.id, p]));

  /** @param {string} template @param {Record<string, unknown>} params */
  const paragraph = (template, params) => {
    const p = document.createElement("p");
    p.append(...fillParts(template, params).map((x) => (x instanceof Node ? x : String(x))));
    return p;
  };

  /** @param {boolean} remember whether this is the reader's doing (else: restored on load) */
  function show(remember) {
    const text = input.value;
    if (!text.trim()) {
      result.hidden = true;
      return;
    }
    const country = findCountry(config.countries, text);
    result.hidden = false;
    if (!country) {
      result.replaceChildren(paragraph(mc.unknown, { text: text.trim() }));
      result.dataset.region = "";
      return;
    }
    const region = regions.get(country.escalation_region);
    const strong = document.createElement("strong");
    strong.textContent = region.name;
    const parts = [paragraph(mf.region, { country: country.name, region: strong })];
    const managers = country.account_managers.map((/** @type {string} */ id) => people.get(id)).filter(Boolean);
    if (managers.length) {
      const links = managers.map((/** @type {{name: string, email: string}} */ person) => {
        const a = document.createElement("a");
        a.href = `mailto:${person.email}`;
        // Isolated as the page isolates names: a Latin name keeps its order in an Arabic sentence.
        const name = document.createElement("bdi");
        name.textContent = person.name;
        a.append(name);
        return a;
      });
      // "A and B" in the page language, with each name a link.
      const list = new Intl.ListFormat(lang, { type: "conjunction" }).formatToParts(managers.map((/** @type {{id: string}} */ p) => p.id));
      const span = document.createElement("span");
      let i = 0;
      span.append(...list.map((part) => (part.type === "element" ? links[i++] : part.value)));
      parts.push(paragraph(managers.length > 1 ? mf.managers : mf.manager, { people: span }));
    } else if (config.account_managers) {
      parts.push(paragraph(mf.no_manager, {}));
    }
    result.replaceChildren(...parts);
    result.dataset.region = region.id;
    openRegion(region.id, { quiet: !remember });
    if (remember) writeChoice(store(), { region: region.id, country: country.code });
  }

  // A name already refused is read again with the default language's names.
  offerCountries(input, config, root.dataset.defaultNames, () => { if (!result.hidden && !result.dataset.region) show(true); });
  form.addEventListener("submit", (event) => { event.preventDefault(); show(true); });
  input.addEventListener("change", () => show(true));
  input.addEventListener("input", () => {
    // A pick from the list (or a name typed in full) answers at once; a partial name waits for
    // "change", and the answer for the name it replaces goes meanwhile.
    if (findCountry(config.countries, input.value, { codes: false })) show(true);
    else result.hidden = true;
  });

  const choice = readChoice(store(), regions.keys());
  if (choice) {
    const country = choice.country && config.countries.find((/** @type {{code: string}} */ c) => c.code === choice.country);
    if (country && country.escalation_region === choice.region) {
      input.value = country.name;
      show(false);
    } else {
      openRegion(choice.region, { quiet: true });
    }
  }
  form.hidden = false;
}

for (const root of document.querySelectorAll('[data-portal-tool="finder"]')) mount(/** @type {HTMLElement} */ (root));
