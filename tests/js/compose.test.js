import { test } from "node:test";
process.env.TZ = "Europe/Paris"; // the partner's clock, which the date field's line names
import assert from "node:assert/strict";
import { composeMessage, oneLine, toCrlf } from "../../overrides/assets/portal/js/lib/compose.js";
import { withZone } from "../../overrides/assets/portal/js/lib/local-input.js";
import { ticketConfig, feedbackConfig } from "./fixtures/configs.js";

const values = {
  customer_email: "khach.hang@example.net",
  request_type: "bug-report",
  reproducible: "yes",
  user_id: "u-42\r\nBcc: evil@example.net",
  admin_email: "admin@example.net",
  customization: "",
  occurred_at: "2026-11-20T14:30",
  support_access: "no",
  product: "halcyra-sync",
  description: "Dòng 1\nDòng 2\r\nDòng 3\rDòng 4\n\n",
  troubleshooting: "  Đã khởi động lại.  ",
  screenshots: [{ name: "ảnh 1.png", size: 3, type: "image/png" }, { name: "b\r\n.png", size: 1, type: "image/png" }],
};

test("exact message, English labels although the page is Vietnamese", () => {
  const { subject, body } = composeMessage(values, { ...ticketConfig, locale: "vi" });
  assert.equal(subject, "Bug report | Halcyra Sync | khach.hang@example.net");
  assert.equal(
    body,
    [
      "Customer e-mail address: khach.hang@example.net",
      "Request type: Bug report",
      "Can the problem be reproduced? Yes",
      "User ID: u-42 Bcc: evil@example.net",
      "Administrator e-mail address: admin@example.net",
      "Date and time of the problem: 2026-11-20 14:30 (Europe/Paris, UTC+01:00)",
      "Support access granted: No",
      "Product: Halcyra Sync",
      "Screenshots: ảnh 1.png, b .png",
      "Language: vi",
      "",
      "Description of the problem:",
      "Dòng 1\r\nDòng 2\r\nDòng 3\r\nDòng 4",
      "",
      "Troubleshooting steps already taken:",
      "  Đã khởi động lại.  ",
    ].join("\r\n"),
  );
});

test("fields hidden by shown_when are skipped, and empty ones too", () => {
  const { body } = composeMessage({ ...values, reproducible: "no", screenshots: [], troubleshooting: " " }, ticketConfig);
  assert.equal(
    body,
    [
      "Customer e-mail address: khach.hang@example.net",
      "Request type: Bug report",
      "Can the problem be reproduced? No",
      "Product: Halcyra Sync",
      "Language: fr",
      "",
      "Description of the problem:",
      "Dòng 1\r\nDòng 2\r\nDòng 3\r\nDòng 4",
    ].join("\r\n"),
  );
});

test("no bare CR or LF anywhere in the body; subject is one line", () => {
  const { subject, body } = composeMessage(
    { ...values, customer_email: "x@example.com\r\nBcc: evil@example.net", request_type: "other\t\n" },
    ticketConfig,
  );
  assert.doesNotMatch(subject, /[\r\n\t]/);
  assert.equal(subject, "other | Halcyra Sync | x@example.com Bcc: evil@example.net"); // unknown value shown as typed
  assert.doesNotMatch(body.replaceAll("\r\n", ""), /[\r\n]/);
});

test("unknown choice value is shown as is; subject skips empty parts", () => {
  const { subject } = composeMessage({ request_type: "technical-support", product: "" }, ticketConfig);
  assert.equal(subject, "Technical support");
});

test("generic: the feedback form", () => {
  const { subject, body } = composeMessage(
    {
      full_name: "Nguyễn Văn A",
      email: "a@example.net",
      subject: "Lỗi dịch trang\n“Cài đặt”",
      error_description: "Sai chính tả",
      page_url: "https://docs.halcyra.example.com/vi/setup/?a=1&b=2#x",
      comment: "",
      screenshots: [{ name: "x.png", size: 5, type: "image/png" }],
    },
    feedbackConfig,
  );
  assert.equal(subject, "Lỗi dịch trang “Cài đặt”");
  assert.equal(
    body,
    [
      "Full name: Nguyễn Văn A",
      "E-mail address: a@example.net",
      "Subject: Lỗi dịch trang “Cài đặt”",
      "Page URL: https://docs.halcyra.example.com/vi/setup/?a=1&b=2#x",
      "Screenshots: x.png",
      "Language: vi",
      "",
      "Error description:",
      "Sai chính tả",
    ].join("\r\n"),
  );
});

test("helpers", () => {
  assert.equal(oneLine(" a\r\nb\tc\rd\ne\u2028f "), "a b c d e f");
  assert.equal(toCrlf("a\rb\nc\r\nd\n\re"), "a\r\nb\r\nc\r\nd\r\n\r\ne");
});

test("a date and time names the zone it was typed in, with the offset of that day", () => {
  assert.equal(withZone("2026-07-01T09:05"), "2026-07-01 09:05 (Europe/Paris, UTC+02:00)");
  assert.equal(withZone("2026-03-29T02:30"), "2026-03-29 02:30 (Europe/Paris, UTC+02:00)"); // skipped by the clock change: read after it
  process.env.TZ = "America/St_Johns";
  assert.equal(withZone("2026-01-15T23:59"), "2026-01-15 23:59 (America/St_Johns, UTC-03:30)");
  process.env.TZ = "UTC";
  assert.equal(withZone("2026-01-15T23:59"), "2026-01-15 23:59 (UTC)");
  assert.equal(withZone("not a date"), "not a date");
  process.env.TZ = "Europe/Paris";
});
