import { test } from "node:test";
import assert from "node:assert/strict";
import { buildEml, base64, base64Lines, encodeHeader, mimeParam, rfc5322Date } from "../../overrides/assets/portal/js/lib/eml.js";
import { input } from "./fixtures/make-eml.js";

const b64decode = (s) => new Uint8Array(Buffer.from(s.replace(/\r\n/g, ""), "base64"));
const utf8 = (bytes) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

/** Minimal parser: unfolded headers (lower-case names) + raw body. */
function parse(text) {
  const i = text.indexOf("\r\n\r\n");
  const headers = {};
  for (const line of text.slice(0, i).replace(/\r\n[ \t]/g, " ").split("\r\n")) {
    const c = line.indexOf(":");
    headers[line.slice(0, c).toLowerCase()] = line.slice(c + 1).trim();
  }
  return { headers, body: text.slice(i + 4), rawHeaders: text.slice(0, i) };
}
/** RFC 2047 B words → text */
const decodeWords = (v) =>
  utf8(new Uint8Array(
    [...v.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g)].flatMap((m) => [...b64decode(m[1])]),
  ));

test("base64 matches Buffer on all lengths and byte values", () => {
  for (let n = 0; n < 70; n++) {
    const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n * 101) & 255);
    assert.equal(base64(bytes), Buffer.from(bytes).toString("base64"));
  }
  const all = new Uint8Array(256).map((_, i) => i);
  assert.equal(base64(all), Buffer.from(all).toString("base64"));
  const lines = base64Lines(new Uint8Array(1000).fill(255)).split("\r\n");
  assert.ok(lines.every((l) => l.length <= 76));
  assert.equal(lines[0].length, 76);
});

test("single-part message: headers, CRLF, body", () => {
  const eml = buildEml({ to: "a@example.com", subject: "Plain subject", body: "line 1\nline 2\rline 3", date: input.date });
  assert.doesNotMatch(eml.replaceAll("\r\n", ""), /[\r\n]/); // only CRLF line ends
  const { headers, body } = parse(eml);
  assert.deepEqual(headers, {
    to: "a@example.com",
    subject: "Plain subject",
    date: "Fri, 20 Nov 2026 14:30:00 +0000",
    "x-unsent": "1",
    "mime-version": "1.0",
    "content-type": "text/plain; charset=UTF-8",
    "content-transfer-encoding": "base64",
  });
  assert.equal(utf8(b64decode(body)), "line 1\r\nline 2\r\nline 3");
});

test("multipart message with a Vietnamese subject and attachment name", () => {
  const eml = buildEml(input);
  assert.doesNotMatch(eml.replaceAll("\r\n", ""), /[\r\n]/);
  assert.ok(eml.split("\r\n").every((l) => l.length <= 78), "line length");
  assert.match(eml, /^[\x00-\x7f]*$/); // 7-bit clean
  const { headers, body, rawHeaders } = parse(eml);
  assert.equal(headers.from, "client@example.net");
  assert.equal(headers["x-unsent"], "1");
  assert.equal(headers["mime-version"], "1.0");
  assert.equal(headers["message-id"], "<fixture-1@halcyra.example.com>");
  assert.equal(decodeWords(headers.subject), input.subject);
  for (const w of rawHeaders.match(/=\?[^?]+\?B\?[^?]*\?=/g)) assert.ok(w.length <= 75, w);
  assert.ok(rawHeaders.split("\r\n").every((l) => l.length <= 76));

  const b = /^multipart\/mixed; boundary="([^"]+)"$/.exec(headers["content-type"])[1];
  assert.match(b, /^=_[\w]{1,68}$/);
  const after = body.split(`\r\n--${b}--\r\n`);
  assert.equal(after.length, 2);
  assert.equal(after[1], "");
  const parts = after[0].split(`--${b}\r\n`).slice(1).map(parse);
  assert.equal(parts.length, 2);
  // text part
  assert.deepEqual(parts[0].headers, { "content-type": "text/plain; charset=UTF-8", "content-transfer-encoding": "base64" });
  assert.equal(utf8(b64decode(parts[0].body.replace(/\r\n$/, ""))), input.body.replace(/\r\n|\r|\n/g, "\r\n"));
  // attachment
  const att = parts[1].headers;
  assert.equal(att["content-type"], "image/png; name*0*=UTF-8''%E1%BA%A3nh%20ch%E1%BB%A5p%20m%C3%A0n%20h%C3%ACnh.; name*1*=png");
  assert.match(att["content-disposition"], /^attachment; filename\*0\*=UTF-8''%E1%BA%A3nh/);
  assert.equal(att["content-transfer-encoding"], "base64");
  const pct = [...att["content-disposition"].matchAll(/filename\*\d+\*=(?:UTF-8'')?([^;\s]*)/g)].map((m) => m[1]).join("");
  assert.equal(decodeURIComponent(pct), "ảnh chụp màn hình.png");
  assert.deepEqual(b64decode(parts[1].body.replace(/\r\n$/, "")), input.attachments[0].bytes);
});

test("boundaries are random", () => {
  const b = (e) => /boundary="([^"]+)"/.exec(e)[1];
  assert.notEqual(b(buildEml(input)), b(buildEml(input)));
});

test("header injection: CR/LF in header values never starts a header", () => {
  const eml = buildEml({
    from: "x@example.com\r\nBcc: evil@example.net",
    to: "partner-support@halcyra.example.com\nCc: evil@example.net",
    subject: "Hello\r\nBcc: evil@example.net",
    body: "\r\nBcc: evil@example.net\r\n",
    messageId: "a>\r\nBcc: b",
    attachments: [{ name: "a.png\r\nBcc: evil@example.net", type: "image/png\r\nBcc: x", bytes: new Uint8Array([1]) }],
    date: input.date,
  });
  assert.doesNotMatch(eml, /^(bcc|cc):/im);
  const { headers } = parse(eml);
  assert.equal(headers.subject, "Hello Bcc: evil@example.net");
  assert.match(eml, /Content-Type: application\/octet-stream;/);
});

test("encodeHeader: ASCII folding, encoded words, =? in ASCII", () => {
  assert.equal(encodeHeader("Subject", "Hello world"), "Subject: Hello world");
  const long = encodeHeader("Subject", "word ".repeat(30));
  assert.ok(long.split("\r\n").every((l) => l.length <= 78 && l.trim()));
  assert.equal(long.replace(/\r\n/g, ""), "Subject: " + "word ".repeat(30).trim());
  assert.match(encodeHeader("Subject", "a =?x?= b"), /^Subject: =\?UTF-8\?B\?/);
  const emoji = encodeHeader("Subject", "👍🏽".repeat(40));
  assert.equal(decodeWords(emoji), "👍🏽".repeat(40)); // no code point split across words
});

test("mimeParam", () => {
  assert.equal(mimeParam("filename", 'a "b".png'), 'filename="a \\"b\\".png"');
  assert.equal(mimeParam("filename", "l'été (1).png"), "filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.png");
  assert.equal(mimeParam("filename", ""), 'filename="attachment"');
});

test("rfc5322Date", () => {
  assert.equal(rfc5322Date(new Date(Date.UTC(2026, 0, 5, 3, 4, 5))), "Mon, 5 Jan 2026 03:04:05 +0000");
});

test("a 20 MB attachment encodes in reasonable time", () => {
  const bytes = new Uint8Array(20 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i & 255;
  const t = Date.now();
  const eml = buildEml({ to: "a@example.com", subject: "s", body: "b", attachments: [{ name: "big.bin", bytes }] });
  assert.ok(Date.now() - t < 10000);
  assert.ok(eml.length > bytes.length * 4 / 3);
});
