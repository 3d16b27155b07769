import { test } from "node:test";
import assert from "node:assert/strict";
import { validate, isEmail, isShown } from "../../overrides/assets/portal/js/lib/validate.js";
import { ticketConfig, feedbackConfig, japaneseTicketConfig, JAPANESE, words } from "./fixtures/configs.js";

const valid = () => ({
  customer_email: "client@example.org",
  request_type: "technical-support",
  reproducible: "no",
  product: "halcyra-desk",
  description: words(150),
  troubleshooting: "",
  screenshots: [],
});

test("a valid ticket has no errors", () => {
  assert.deepEqual(validate(valid(), ticketConfig), {});
  assert.deepEqual(validate({ ...valid(), description: words(200) }, ticketConfig), {});
});

test("required: empty, whitespace-only and missing values", () => {
  const errors = validate({ customer_email: "  ", request_type: "", description: "\n\t" }, ticketConfig);
  assert.deepEqual(errors, {
    customer_email: "required",
    request_type: "required",
    reproducible: "required",
    product: "required",
    description: "required",
  });
});

test("email", () => {
  for (const bad of [
    "client", "client@", "@example.com", "client@example", "a@b@example.com", "client @example.com",
    "client@exa mple.com", "x@example.com\r\nBcc: evil@example.net", "x@example.com\nBcc: y@example.net",
    "a@b.", "a@.b", "a@b..c", "a,b@example.com", "Name <a@example.com>", "a@example.com;b@example.com",
    "tab\t@example.com", "x".repeat(250) + "@e.com",
  ]) {
    assert.equal(isEmail(bad), false, JSON.stringify(bad));
    assert.deepEqual(validate({ ...valid(), customer_email: bad }, ticketConfig), { customer_email: "email" }, bad);
  }
  for (const good of ["a@b.example.com", "first.last+tag@sub.example.co.example.com", "nguyễn@ví-dụ.example.net", "o'neil@example.org"]) {
    assert.equal(isEmail(good), true, good);
  }
  // surrounding spaces are tolerated (input type=email trims them anyway)
  assert.deepEqual(validate({ ...valid(), customer_email: " a@b.example.com " }, ticketConfig), {});
});

test("invalid_choice for choice and yes_no fields", () => {
  assert.deepEqual(validate({ ...valid(), request_type: "hacking", reproducible: "maybe" }, ticketConfig), {
    request_type: "invalid_choice",
    reproducible: "invalid_choice",
  });
});

test("too_few_words / too_many_words (description: 150 to 200 words)", () => {
  assert.deepEqual(validate({ ...valid(), description: words(149) }, ticketConfig), { description: "too_few_words" });
  assert.deepEqual(validate({ ...valid(), description: words(201) }, ticketConfig), { description: "too_many_words" });
});

test("word limits count with the page locale (vi: one word per syllable)", () => {
  const vi = { ...ticketConfig, locale: "vi" };
  const text = Array(38).fill("mức độ nghiêm trọng").join(" "); // 152 syllables
  assert.deepEqual(validate({ ...valid(), description: text }, vi), {});
  assert.deepEqual(validate({ ...valid(), description: text.split(" ").slice(0, 149).join(" ") }, vi), {
    description: "too_few_words",
  });
});

test("a length in characters (ja: 300 to 400): too_few_characters / too_many_characters", () => {
  const chars = (n) => JAPANESE.repeat(Math.ceil(n / JAPANESE.length)).slice(0, n);
  assert.deepEqual(validate({ ...valid(), description: chars(300) }, japaneseTicketConfig), {});
  assert.deepEqual(validate({ ...valid(), description: chars(400) }, japaneseTicketConfig), {});
  assert.deepEqual(validate({ ...valid(), description: chars(299) }, japaneseTicketConfig), { description: "too_few_characters" });
  assert.deepEqual(validate({ ...valid(), description: chars(401) }, japaneseTicketConfig), { description: "too_many_characters" });
  // Spaces and line breaks are not characters: 299 characters stay too few however spaced.
  assert.deepEqual(validate({ ...valid(), description: chars(299).replace(/。/g, "。\n\n　") }, japaneseTicketConfig), {
    description: "too_few_characters",
  });
});

test("the unit is the one the page's configuration gives, and names the error", () => {
  const text = JAPANESE.repeat(4); // 164 characters, some 76 of ICU's "words"
  assert.deepEqual(validate({ ...valid(), description: text }, japaneseTicketConfig), { description: "too_few_characters" });
  assert.deepEqual(validate({ ...valid(), description: text }, { ...ticketConfig, locale: "ja" }), { description: "too_few_words" });
  assert.deepEqual(validate({ ...valid(), description: JAPANESE.repeat(8) }, japaneseTicketConfig), {}); // 328 characters
  // A long text without a length (troubleshooting) is never too short or too long.
  assert.deepEqual(validate({ ...valid(), description: JAPANESE.repeat(8), troubleshooting: "短い" }, japaneseTicketConfig), {});
});

test("files: too_many_files, file_too_large, invalid", () => {
  const file = (size, name = "a.png") => ({ name, size, type: "image/png" });
  assert.deepEqual(validate({ ...valid(), screenshots: Array(5).fill(file(20971520)) }, ticketConfig), {});
  assert.deepEqual(validate({ ...valid(), screenshots: Array(6).fill(file(10)) }, ticketConfig), {
    screenshots: "too_many_files",
  });
  assert.deepEqual(validate({ ...valid(), screenshots: [file(10), file(20971521)] }, ticketConfig), {
    screenshots: "file_too_large",
  });
  assert.deepEqual(validate({ ...valid(), screenshots: ["C:\\fakepath\\a.png"] }, ticketConfig), {
    screenshots: "invalid",
  });
});

test("shown_when: hidden fields are never validated, shown ones are", () => {
  const hiddenGarbage = {
    ...valid(), reproducible: "no",
    admin_email: "not an address", occurred_at: "yesterday", support_access: "perhaps",
  };
  assert.deepEqual(validate(hiddenGarbage, ticketConfig), {});
  assert.deepEqual(validate({ ...hiddenGarbage, reproducible: "yes" }, ticketConfig), {
    admin_email: "email",
    occurred_at: "invalid_datetime",
    support_access: "invalid_choice",
  });
  const ok = { ...valid(), reproducible: "yes", admin_email: "admin@example.com", occurred_at: "2026-11-20T14:30", support_access: "yes" };
  assert.deepEqual(validate(ok, ticketConfig), {});
  assert.deepEqual(validate({ ...ok, occurred_at: "2026-11-20T14:30:05" }, ticketConfig), {});
  assert.deepEqual(validate({ ...ok, occurred_at: "2026-13-20T14:30" }, ticketConfig), { occurred_at: "invalid_datetime" });
});

test("isShown follows a chain of conditions", () => {
  const config = {
    fields: [
      { name: "a", type: "yes_no" },
      { name: "b", type: "yes_no", shown_when: { field: "a", equals: "yes" } },
      { name: "c", type: "text", required: true, shown_when: { field: "b", equals: "yes" } },
    ],
  };
  assert.equal(isShown(config.fields[2], { a: "no", b: "yes" }, config), false);
  assert.equal(isShown(config.fields[2], { a: "yes", b: "yes" }, config), true);
  assert.deepEqual(validate({ a: "no", b: "yes" }, config), {});
  assert.deepEqual(validate({ a: "yes", b: "yes" }, config), { c: "required" });
});

test("feedback form", () => {
  assert.deepEqual(validate({}, feedbackConfig), { full_name: "required", email: "required", subject: "required" });
  assert.deepEqual(
    validate({ full_name: "Nguyễn Văn A", email: "a@ví-dụ.example.net", subject: "Lỗi dịch", screenshots: Array(6).fill({ name: "x.png", size: 1 }) }, feedbackConfig),
    { screenshots: "too_many_files" },
  );
});
