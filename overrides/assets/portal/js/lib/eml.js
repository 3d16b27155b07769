/**
 * Builds an .eml draft (RFC 5322 + MIME, UTF-8) that mail clients open as an
 * unsent message (X-Unsent: 1), with the attachments the mailto: link
 * cannot carry. All lines CRLF; header values have CR/LF and other control
 * characters replaced, so user text can never add a header.
 */

const te = new TextEncoder();
const td = new TextDecoder();
const B64 = te.encode("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

/**
 * Base64 of bytes (no btoa, works in Node and browsers); with `wrap`, lines
 * of 76 characters separated by CRLF. Writes ASCII bytes, then decodes once.
 * @param {Uint8Array} bytes @param {boolean} [wrap] @returns {string}
 */
export function base64(bytes, wrap = false) {
  const len = bytes.length;
  const out = new Uint8Array(Math.ceil(len / 3) * 4 + (wrap && len ? Math.ceil(len / 57) * 2 - 2 : 0));
  let o = 0;
  for (let i = 0; i < len; i += 3) {
    if (wrap && i && i % 57 === 0) (out[o++] = 13), (out[o++] = 10);
    const n = (bytes[i] << 16) | (i + 1 < len ? bytes[i + 1] << 8 : 0) | (i + 2 < len ? bytes[i + 2] : 0);
    out[o++] = B64[(n >> 18) & 63];
    out[o++] = B64[(n >> 12) & 63];
    out[o++] = i + 1 < len ? B64[(n >> 6) & 63] : 61;
    out[o++] = i + 2 < len ? B64[n & 63] : 61;
  }
  return td.decode(out);
}

/** @param {Uint8Array} bytes @returns {string} base64 in CRLF-separated lines of 76 */
export const base64Lines = (bytes) => base64(bytes, true);

/** Header-safe text: control characters (CR, LF, tab...) become one space. */
const clean = (/** @type {unknown} */ s) =>
  String(s ?? "").replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();

/** Lone surrogates → U+FFFD (TextEncoder does it too; encodeURIComponent throws). */
const wellFormed = (/** @type {string} */ s) =>
  s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length > 1 ? m : "\uFFFD"));

/**
 * A header line, folded. Plain printable ASCII is folded at spaces (≤ 78
 * columns); anything else is RFC 2047 B-encoded: whole code points per
 * encoded-word, every encoded-word ≤ 75 chars and every line ≤ 76 chars.
 * @param {string} name @param {unknown} value @returns {string}
 */
export function encodeHeader(name, value) {
  const v = clean(value);
  if (/^[\x20-\x7e]*$/.test(v) && !v.includes("=?") && !/\S{70}/.test(v)) {
    let line = name + ":";
    const out = [];
    for (const w of v.split(" ")) {
      if (line.length + 1 + w.length > 78 && line.trim() !== name + ":") out.push(line), (line = "");
      line += " " + w;
    }
    return out.concat(line).join("\r\n");
  }
  const words = [];
  let room = 76 - name.length - 2; // first line: "Name: " + word
  let chunk = "";
  let size = 0;
  for (const ch of v) {
    const n = te.encode(ch).length;
    if (chunk && size + n > Math.floor((room - 12) / 4) * 3) {
      words.push(`=?UTF-8?B?${base64(te.encode(chunk))}?=`);
      (chunk = ""), (size = 0), (room = 75);
    }
    chunk += ch;
    size += n;
  }
  words.push(`=?UTF-8?B?${base64(te.encode(chunk))}?=`);
  return `${name}: ${words.join("\r\n ")}`;
}

/**
 * A MIME parameter: key="ascii" or RFC 2231 key*=UTF-8''pct-encoded,
 * split into key*0*=, key*1*= ... continuations when long.
 * @param {string} key @param {string} value @returns {string}
 */
export function mimeParam(key, value) {
  const v = clean(value) || "attachment";
  if (/^[\x20-\x7e]{1,60}$/.test(v)) return `${key}="${v.replace(/[\\"]/g, "\\$&")}"`;
  const pct = encodeURIComponent(wellFormed(v)).replace(/['()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  const chunks = [""];
  for (const t of pct.match(/%..|[^%]/g) || []) {
    if (chunks[chunks.length - 1].length + t.length > 50) chunks.push("");
    chunks[chunks.length - 1] += t;
  }
  if (chunks.length === 1) return `${key}*=UTF-8''${chunks[0]}`;
  return chunks.map((c, i) => `${key}*${i}*=${i ? "" : "UTF-8''"}${c}`).join(";\r\n ");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (/** @type {number} */ n) => String(n).padStart(2, "0");

/** RFC 5322 date in UTC: "Fri, 20 Nov 2026 14:30:00 +0000". @param {Date} d */
export const rfc5322Date = (d) =>
  `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
  `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;

/** "=_" never occurs in base64 content, so this boundary cannot collide. */
function makeBoundary() {
  const r = new Uint8Array(12);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(r);
  else for (let i = 0; i < r.length; i++) r[i] = (Math.random() * 256) | 0;
  return "=_halcyra_" + Array.from(r, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** @typedef {{name: string, type?: string, bytes: Uint8Array}} Attachment */

/** @param {Attachment} a @returns {string} */
function attachmentPart(a) {
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(a.type || "") ? a.type : "application/octet-stream";
  return [
    `Content-Type: ${type};\r\n ${mimeParam("name", a.name)}`,
    `Content-Disposition: attachment;\r\n ${mimeParam("filename", a.name)}`,
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(a.bytes),
  ].join("\r\n");
}

/**
 * @param {{from?: string, to: string | string[], subject: string, body: string,
 *   attachments?: Attachment[], date?: Date, messageId?: string}} msg
 * @returns {string} the whole message, CRLF line ends
 */
export function buildEml({ from, to, subject, body, attachments = [], date = new Date(), messageId }) {
  const h = [];
  if (from) h.push("From: " + clean(from));
  h.push("To: " + (Array.isArray(to) ? to : [to]).map(clean).join(", "));
  h.push(encodeHeader("Subject", subject));
  h.push("Date: " + rfc5322Date(isNaN(+date) ? new Date() : date));
  if (messageId) h.push(`Message-ID: <${clean(messageId).replace(/[<>\s]/g, "")}>`);
  h.push("X-Unsent: 1", "MIME-Version: 1.0");
  const text = [
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(te.encode(String(body ?? "").replace(/\r\n|\r|\n/g, "\r\n"))),
  ].join("\r\n");
  if (!attachments.length) return h.join("\r\n") + "\r\n" + text + "\r\n";
  const b = makeBoundary();
  const parts = [text, ...attachments.map(attachmentPart)].map((p) => `--${b}\r\n${p}\r\n`);
  return [...h, `Content-Type: multipart/mixed; boundary="${b}"`, "", "This is a multi-part message in MIME format.", ""].join("\r\n") +
    parts.join("") + `--${b}--\r\n`;
}
