/**
 * Composes the support e-mail (subject + plain-text body) from the form
 * values. Always ENGLISH labels (label_en) whatever the page language, so
 * the support team reads one language; the page language is reported in a
 * "Language: xx" line. Generic over the configuration (ticket and feedback
 * forms alike).
 */
import { withZone } from "./local-input.js";
import { isEmpty, isShown } from "./validate.js";

/** @typedef {import("./validate.js").Config} Config */
/** @typedef {import("./validate.js").Field} Field */
/** @typedef {import("./validate.js").Values} Values */

export const SUBJECT_SEPARATOR = " | ";

/**
 * One line: CR, LF, tabs and other control characters become a space.
 * @param {unknown} s @returns {string}
 */
export const oneLine = (s) =>
  String(s ?? "").replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();

/**
 * Any CR, LF or CRLF becomes CRLF.
 * @param {unknown} s @returns {string}
 */
export const toCrlf = (s) => String(s ?? "").replace(/\r\n|\r|\n/g, "\r\n");

/** @param {Field} f @param {any} v @returns {string} */
function display(f, v) {
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" ? x?.name : display(f, x))).join(", ");
  if (f.type === "yes_no") return v === "yes" ? "Yes" : v === "no" ? "No" : v;
  if (f.type === "datetime") return withZone(String(v));
  return f.choices?.find((c) => c.value === v)?.label_en ?? v;
}

/** A label before its value: "User ID:", but a question keeps its own mark ("Can it be reproduced? Yes"). */
const lead = (/** @type {string} */ label) => (/[?？]$/.test(label) ? label : label + ":");

/**
 * @param {Values} values
 * @param {Config} config
 * @returns {{subject: string, body: string}} body lines are CRLF-separated
 */
export function composeMessage(values, config) {
  const shown = config.fields.filter((f) => isShown(f, values, config) && !isEmpty(values[f.name]));
  const byName = new Map(shown.map((f) => [f.name, f]));
  const subject = (config.subject_fields || [])
    .map((n) => (byName.has(n) ? oneLine(display(byName.get(n), values[n])) : ""))
    .filter(Boolean)
    .join(SUBJECT_SEPARATOR);
  const lines = [];
  const blocks = [];
  for (const f of shown) {
    const label = oneLine(f.label_en || f.name);
    const v = values[f.name];
    if (f.type === "long_text") blocks.push("", lead(label), toCrlf(v).replace(/(\r\n)+$/, ""));
    else lines.push(`${lead(label)} ${oneLine(display(f, v))}`);
  }
  if (config.locale) lines.push("Language: " + oneLine(config.locale));
  return { subject, body: lines.concat(blocks).join("\r\n") };
}
