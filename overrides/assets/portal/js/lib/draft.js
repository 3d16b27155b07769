/**
 * Draft (auto-save) helpers, pure: the caller reads/writes the storage.
 * Only strings and arrays of strings are kept; files are never stored
 * (objects are dropped, and with a config every "files" field is dropped,
 * even a "C:\fakepath\..." string). A draft of another version is ignored.
 */

export const DRAFT_VERSION = 1;

/** @typedef {import("./validate.js").Config} Config */
/** @typedef {Record<string, string | string[]>} DraftValues */

/** @param {unknown} values @param {Config} [config] @returns {DraftValues} */
function pick(values, config) {
  const allowed = config && new Set(config.fields.filter((f) => f.type !== "files").map((f) => f.name));
  /** @type {DraftValues} */
  const out = {};
  if (!values || typeof values !== "object" || Array.isArray(values)) return out;
  for (const [k, v] of Object.entries(values)) {
    if (k === "__proto__" || (allowed && !allowed.has(k))) continue;
    if (typeof v === "string" || (Array.isArray(v) && v.length && v.every((x) => typeof x === "string"))) out[k] = v;
  }
  return out;
}

/**
 * @param {Record<string, unknown>} values form values
 * @param {Config} [config] when given, only its non-file fields are kept
 * @returns {string} JSON to store
 */
export const serializeDraft = (values, config) => JSON.stringify({ v: DRAFT_VERSION, values: pick(values, config) });

/**
 * @param {string | null | undefined} json what the storage returned
 * @param {Config} [config] when given, unknown and file fields are dropped
 * @returns {DraftValues | null} null when absent, corrupt or another version
 */
export function restoreDraft(json, config) {
  let d;
  try {
    d = JSON.parse(String(json));
  } catch {
    return null;
  }
  if (!d || d.v !== DRAFT_VERSION || !d.values || typeof d.values !== "object" || Array.isArray(d.values)) return null;
  return pick(d.values, config);
}
