// @ts-check
/**
 * The reader's escalation region (and country), remembered in localStorage.
 * All languages share one origin, so a choice made on /fr/ opens the same
 * region on /vi/. The storage is passed in (tests use a Map-like object); a
 * storage that throws (private browsing, blocked cookies) is ignored.
 */

export const CHOICE_KEY = "portal.escalation-region";
const VERSION = 1;

/**
 * @typedef {{region: string, country?: string}} Choice
 * @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void}} StorageLike
 */

/**
 * @param {StorageLike | null | undefined} storage
 * @param {Iterable<string>} [regions] known region ids; another one is ignored
 * @returns {Choice | null}
 */
export function readChoice(storage, regions) {
  let value;
  try {
    value = JSON.parse(storage?.getItem(CHOICE_KEY) ?? "null");
  } catch {
    return null;
  }
  if (!value || value.v !== VERSION || typeof value.region !== "string") return null;
  if (regions && ![...regions].includes(value.region)) return null;
  /** @type {Choice} */
  const choice = { region: value.region };
  if (typeof value.country === "string" && /^[A-Z]{2}$/.test(value.country)) choice.country = value.country;
  return choice;
}

/**
 * @param {StorageLike | null | undefined} storage
 * @param {Choice} choice
 * @returns {boolean} whether it was stored
 */
export function writeChoice(storage, choice) {
  const value = { v: VERSION, region: choice.region, ...(choice.country ? { country: choice.country } : {}) };
  try {
    storage?.setItem(CHOICE_KEY, JSON.stringify(value));
    return Boolean(storage);
  } catch {
    return false;
  }
}
