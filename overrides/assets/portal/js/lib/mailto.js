/**
 * mailto: URLs per RFC 6068. Every part goes through encodeURIComponent
 * (never URLSearchParams, which writes "+" for spaces), so & ? = # % CR LF
 * typed by the user are always percent-encoded and can never start another
 * header (no cc/bcc smuggling). Only "@" is left readable in addresses.
 */

/** Longer mailto: URLs are truncated or refused by some mail clients. */
export const MAILTO_SAFE_LENGTH = 1800;

/** Lone surrogates would make encodeURIComponent throw: replace with U+FFFD. */
const wellFormed = (/** @type {unknown} */ s) =>
  String(s ?? "").replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length > 1 ? m : "\uFFFD"));
const enc = (/** @type {unknown} */ s) => encodeURIComponent(wellFormed(s));
const oneLine = (/** @type {unknown} */ s) => String(s ?? "").replace(/[\r\n]+/g, " ");

/** @param {string | string[]} a @returns {string} */
const encAddr = (a) =>
  (Array.isArray(a) ? a : [a]).map((x) => enc(oneLine(x).trim()).replace(/%40/g, "@")).join(",");

/**
 * @param {{to: string | string[], subject?: string, body?: string, cc?: string | string[]}} msg
 *   subject: line breaks become spaces; body: any CR/LF/CRLF becomes %0D%0A
 * @returns {string}
 */
export function buildMailto({ to, subject, body, cc }) {
  const q = [];
  if (subject) q.push("subject=" + enc(oneLine(subject)));
  if (cc && cc.length) q.push("cc=" + encAddr(cc));
  if (body) q.push("body=" + enc(String(body).replace(/\r\n|\r|\n/g, "\r\n")));
  return "mailto:" + encAddr(to) + (q.length ? "?" + q.join("&") : "");
}

/** @param {string} url @returns {boolean} */
export const isTooLong = (url) => url.length > MAILTO_SAFE_LENGTH;

/**
 * Decodes a mailto: URL (for tests): headers holds every hfield, by
 * lower-cased name.
 * @param {string} url
 * @returns {{to: string, subject: string, body: string, headers: Record<string, string>}}
 */
export function parseMailto(url) {
  const m = /^mailto:([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!m) throw new TypeError("not a mailto: URL");
  /** @type {Record<string, string>} */
  const headers = {};
  for (const pair of (m[2] || "").split("&")) {
    if (!pair) continue;
    const i = pair.indexOf("=");
    const k = decodeURIComponent(i < 0 ? pair : pair.slice(0, i)).toLowerCase();
    const v = i < 0 ? "" : decodeURIComponent(pair.slice(i + 1));
    if (k !== "__proto__") headers[k] = Object.hasOwn(headers, k) ? headers[k] + "," + v : v;
  }
  return { to: decodeURIComponent(m[1]), subject: headers.subject ?? "", body: headers.body ?? "", headers };
}
