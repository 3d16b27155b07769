// @ts-check
/**
 * Countries for the escalation finder and the priority-support check: offer
 * their names in the country field, find the country a reader typed, and say
 * whether an account is eligible. The names, regions and thresholds all come
 * from the page's JSON (data/), and the default language's names from its
 * api/portal.json.
 */

/**
 * @typedef {{code: string, name: string, other_names?: string[]}} Country
 * @typedef {{id: string, min_user_licences: number, eligible: boolean}} PriorityRegion
 */

/**
 * A name folded for comparison: case, accents, apostrophes and spacing do
 * not count ("cote d'ivoire" finds "Côte d’Ivoire", "viet nam" does not).
 * @param {string} text
 */
export const foldName = (text) =>
  String(text ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();

/**
 * The country whose name (in the page language) the reader typed or picked,
 * or one of its other CLDR names ("USA", "Elfenbeinküste"); an ISO code ("FR", "fr") is accepted too unless `codes` is false (while the
 * reader is still typing, "Fr" is the start of "France", not a code).
 * null when nothing matches.
 * @template {Country} C
 * @param {C[]} countries
 * @param {string} text
 * @param {{codes?: boolean}} [options]
 * @returns {C | null}
 */
export function findCountry(countries, text, { codes = true } = {}) {
  const folded = foldName(text);
  if (!folded) return null;
  return countries.find((c) => foldName(c.name) === folded)
    ?? countries.find((c) => c.other_names?.some((name) => foldName(name) === folded))
    ?? (codes ? countries.find((c) => c.code.toLowerCase() === folded) : undefined)
    ?? null;
}

/**
 * The countries with the names `more` gives the same codes (the portal's
 * default language: a partner types "Japan" on a Japanese page as often as
 * 日本) among their other names.
 * @template {Country} C
 * @param {C[]} countries
 * @param {Country[]} more
 * @returns {C[]}
 */
export function withNamesOf(countries, more) {
  const names = new Map(more.map((c) => [c.code, [c.name, ...(c.other_names ?? [])]]));
  return countries.map((c) => ({
    ...c,
    other_names: [...new Set([...(c.other_names ?? []), ...(names.get(c.code) ?? [])])].filter((name) => name !== c.name),
  }));
}

/** @type {Map<string, Promise<Country[]>>} */
const fetched = new Map();

/**
 * The countries of the API document at `url` (the default language's,
 * api/portal.json), fetched once for the page; none when it cannot be read.
 * @param {string | undefined} url
 * @returns {Promise<Country[]>}
 */
export function countriesAt(url) {
  if (!url) return Promise.resolve([]);
  if (!fetched.has(url)) {
    fetched.set(url, fetch(url).then((response) => (response.ok ? response.json() : {})).then((document) => document.countries ?? []).catch(() => []));
  }
  return /** @type {Promise<Country[]>} */ (fetched.get(url));
}

/**
 * A tool's country field: its list offers the countries' names, and from the
 * reader's first focus on it, `config.countries` accepts the names of the
 * default language's document at `url` too; `then` runs once they are in.
 * @param {HTMLInputElement} input
 * @param {{countries: Country[]}} config
 * @param {string | undefined} url
 * @param {() => void} then
 */
export function offerCountries(input, config, url, then) {
  input.list?.replaceChildren(...config.countries.map((c) => new Option("", c.name)));
  input.addEventListener("focus", () => countriesAt(url).then((more) => {
    if (!more.length) return;
    config.countries = withNamesOf(config.countries, more);
    then();
  }), { once: true });
}

/**
 * A count of user licences as typed: a whole number >= 0, or null. Group
 * separators of any language (1,200 / 1 200 / 1.200) may stand between groups
 * of three digits; a decimal (12.5) is not a count.
 * @param {string} text
 * @returns {number | null}
 */
export function parseCount(text) {
  const typed = String(text ?? "").trim();
  if (!/^\d{1,3}(?:([\s\u00a0\u202f,.'’])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(typed)) return null;
  const digits = typed.replace(/\D/g, "");
  return digits.length <= 9 ? Number(digits) : null;
}

/**
 * "eligible", "not-eligible" (below the region's threshold) or "not-offered"
 * (the region offers no priority support).
 * @param {PriorityRegion} region
 * @param {number} licences
 * @returns {"eligible" | "not-eligible" | "not-offered"}
 */
export function priorityVerdict(region, licences) {
  if (!region.eligible) return "not-offered";
  return licences >= region.min_user_licences ? "eligible" : "not-eligible";
}
