/**
 * Form validation against the page's field configuration. Returns error
 * CODES only ({field: code}); the page translates them.
 * Codes: required, email, invalid_choice, invalid_datetime, invalid,
 * too_few_words, too_many_words, too_few_characters, too_many_characters (a long text's
 * length, in the unit of its field), too_many_files, file_too_large.
 */
import { countLength } from "./words.js";

/**
 * @typedef {{name: string, size: number, type?: string}} FileInfo
 * @typedef {string | string[] | FileInfo[] | undefined | null} FieldValue
 * @typedef {{value: string, label_en: string}} Choice
 * @typedef {{name: string, type: string, required?: boolean, label_en?: string,
 *   choices?: Choice[], shown_when?: {field: string, equals: string},
 *   length?: Length, max_files?: number, max_file_bytes?: number}} Field
 * @typedef {{unit: "words" | "characters", min: number, max: number}} Length
 * @typedef {{locale?: string, to?: string, subject_fields?: string[], fields: Field[]}} Config
 * @typedef {Record<string, FieldValue>} Values
 */

/**
 * Practical e-mail check, not full RFC 5322: one "@", a non-empty local part,
 * a domain of at least two non-empty dot-separated labels; no whitespace
 * (hence no CR/LF/tab), no control characters, none of , ; : < > ( ) [ ] \ "
 * (they would make it a list or a display name). Non-ASCII (IDN) allowed.
 */
export const EMAIL_RE =
  /^[^\s@,;:<>()[\]\\"\x00-\x1f\x7f]+@(?:[^\s@,;:<>()[\]\\"\x00-\x1f\x7f.]+\.)+[^\s@,;:<>()[\]\\"\x00-\x1f\x7f.]+$/u;

/** A datetime-local value: "2026-11-20T14:30" (seconds optional). */
const DATETIME_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/;

/** @param {string} s @returns {boolean} */
export const isEmail = (s) => s.length <= 254 && EMAIL_RE.test(s);

/** @param {FieldValue} v @returns {boolean} */
export function isEmpty(v) {
  if (v == null) return true;
  if (typeof v === "string") return v.trim() === "";
  return Array.isArray(v) && v.length === 0;
}

/**
 * Whether a field counts: no shown_when, or its condition holds and the
 * controlling field is itself shown.
 * @param {Field} field @param {Values} values @param {Config} [config]
 * @returns {boolean}
 */
export function isShown(field, values, config, depth = 0) {
  const cond = field.shown_when;
  if (!cond) return true;
  if (values[cond.field] !== cond.equals || depth > 8) return false;
  const parent = config?.fields.find((f) => f.name === cond.field);
  return !parent || isShown(parent, values, config, depth + 1);
}

/** @param {Field} f @param {FieldValue} v @param {Config} config @returns {string | null} */
function check(f, v, config) {
  if (isEmpty(v)) return f.required ? "required" : null;
  if (f.type === "files") {
    if (!Array.isArray(v) || v.some((x) => typeof x?.size !== "number")) return "invalid";
    if (f.max_files != null && v.length > f.max_files) return "too_many_files";
    if (f.max_file_bytes != null && v.some((x) => x.size > f.max_file_bytes)) return "file_too_large";
    return null;
  }
  if (typeof v !== "string") return "invalid";
  switch (f.type) {
    case "email":
      return isEmail(v.trim()) ? null : "email";
    case "choice":
      return f.choices?.some((c) => c.value === v) ? null : "invalid_choice";
    case "yes_no":
      return v === "yes" || v === "no" ? null : "invalid_choice";
    case "datetime":
      return DATETIME_RE.test(v) ? null : "invalid_datetime";
    case "long_text": {
      if (!f.length) return null;
      const n = countLength(v, f.length.unit, config.locale);
      if (n < f.length.min) return `too_few_${f.length.unit}`;
      if (n > f.length.max) return `too_many_${f.length.unit}`;
    }
  }
  return null;
}

/**
 * @param {Values} values
 * @param {Config} config
 * @returns {Record<string, string>} errors of invalid, shown fields only
 */
export function validate(values, config) {
  /** @type {Record<string, string>} */
  const errors = {};
  for (const f of config.fields) {
    if (!isShown(f, values, config)) continue;
    const code = check(f, values[f.name], config);
    if (code) errors[f.name] = code;
  }
  return errors;
}
