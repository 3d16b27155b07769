import { test } from "node:test";
import assert from "node:assert/strict";
import { buildMailto, parseMailto, isTooLong, MAILTO_SAFE_LENGTH } from "../../overrides/assets/portal/js/lib/mailto.js";
import { composeMessage } from "../../overrides/assets/portal/js/lib/compose.js";
import { ticketConfig } from "./fixtures/configs.js";

const TO = "partner-support@halcyra.example.com";
const tricky = [
  `& % + # ? = " ' ; , : / @ < > [ ] { } \\ ~ * ( ) ! $`,
  "👍🏽 👍",
  "Tiếng Việt có dấu: mức độ nghiêm trọng",
  "àâçéèêëîïôûùüÿœæ l'équipe",
  "%0D%0Abcc=evil@example.net %25 %2",
  "a+b=c&d",
];

test("round trip of tricky text in subject and body", () => {
  for (const s of tricky) {
    const url = buildMailto({ to: TO, subject: s, body: s });
    assert.deepEqual(parseMailto(url), { to: TO, subject: s, body: s, headers: { subject: s, body: s } }, s);
  }
});

test("only the expected characters appear unencoded", () => {
  const url = buildMailto({ to: TO, subject: tricky.join(" "), body: tricky.join("\n") });
  const [, query] = url.split("?");
  assert.equal(url.split("?").length, 2);
  assert.equal(url.split("#").length, 1);
  assert.deepEqual(query.split("&").map((p) => p.split("=")[0]), ["subject", "body"]);
  assert.match(query, /^[A-Za-z0-9%\-_.!~*'()=&]*$/);
  assert.doesNotMatch(url, /\+/); // spaces are %20, never "+"
  assert.match(url, /subject=%26%20%25%20%2B%20%23/);
});

test("line breaks: body CR, LF, CRLF → %0D%0A; subject line breaks → space", () => {
  const url = buildMailto({ to: TO, subject: "a\r\nb\nc\rd", body: "1\r\n2\n3\r4\n\n5" });
  assert.match(url, /body=1%0D%0A2%0D%0A3%0D%0A4%0D%0A%0D%0A5$/);
  const m = parseMailto(url);
  assert.equal(m.subject, "a b c d");
  assert.equal(m.body, "1\r\n2\r\n3\r\n4\r\n\r\n5");
  assert.doesNotMatch(url, /%0D(?!%0A)|(?<!%0D)%0A/); // no bare CR or LF
});

test("the address is encoded except @", () => {
  assert.equal(buildMailto({ to: TO }), "mailto:partner-support@halcyra.example.com");
  assert.equal(buildMailto({ to: "a&b?c=d@example.com" }), "mailto:a%26b%3Fc%3Dd@example.com");
  assert.equal(buildMailto({ to: ["a@example.com", "b@example.com"] }), "mailto:a@example.com,b@example.com");
  assert.equal(
    buildMailto({ to: TO, subject: "s", cc: "cc@example.com", body: "b" }),
    "mailto:partner-support@halcyra.example.com?subject=s&cc=cc@example.com&body=b",
  );
});

test("header injection attempts cannot produce a cc or bcc header", () => {
  const attacks = [
    "x@example.com\r\nBcc: evil@example.net",
    "x@example.com\nCc: evil@example.net",
    "hello&bcc=evil@example.net",
    "hello&cc=evil@example.net&body=replaced",
    "hello?bcc=evil@example.net",
    "hello#&bcc=evil@example.net",
    "hello%26bcc%3Devil%40example.net",
  ];
  for (const a of attacks) {
    for (const url of [
      buildMailto({ to: TO, subject: a, body: a }),
      buildMailto({ to: a, subject: "s", body: "b" }),
      buildMailto({ to: TO, subject: "s", body: "b", cc: a }),
    ]) {
      const { headers } = parseMailto(url);
      assert.equal(Object.hasOwn(headers, "bcc"), false, url);
      assert.deepEqual(Object.keys(headers).filter((k) => !["subject", "body", "cc"].includes(k)), [], url);
      assert.doesNotMatch(url, /[\r\n]/);
    }
  }
  // via composeMessage: the injected text stays inside the body / subject
  const msg = composeMessage(
    { customer_email: "x@example.com\r\nBcc: evil@example.net", request_type: "other", product: "a&bcc=evil@example.net" },
    ticketConfig,
  );
  const { headers } = parseMailto(buildMailto({ to: ticketConfig.to, ...msg }));
  assert.deepEqual(Object.keys(headers), ["subject", "body"]);
  assert.equal(headers.subject, "Other | a&bcc=evil@example.net | x@example.com Bcc: evil@example.net");
});

test("lone surrogates do not throw", () => {
  const url = buildMailto({ to: TO, subject: "a\uD83Db", body: "\uDC4D" });
  assert.deepEqual(parseMailto(url).headers, { subject: "a\uFFFDb", body: "\uFFFD" });
});

test("length check", () => {
  assert.equal(MAILTO_SAFE_LENGTH, 1800);
  assert.equal(isTooLong("mailto:" + "a".repeat(1793)), false);
  assert.equal(isTooLong("mailto:" + "a".repeat(1794)), true);
  // 800 characters of Vietnamese: over 2,000 once encoded
  assert.equal(isTooLong(buildMailto({ to: TO, body: "mức độ nghiêm trọng ".repeat(40) })), true);
});
