import { test } from "node:test";
import assert from "node:assert/strict";
import { serializeDraft, restoreDraft, DRAFT_VERSION } from "../../overrides/assets/portal/js/lib/draft.js";
import { ticketConfig } from "./fixtures/configs.js";

const values = {
  customer_email: "a@example.org",
  request_type: "bug-report",
  description: "l'équipe 👍🏽\r\nmức độ nghiêm trọng",
  tags: ["a", "b"],
  screenshots: [{ name: "a.png", size: 3, type: "image/png" }],
};

test("round trip; files are never stored", () => {
  const json = serializeDraft(values);
  assert.doesNotMatch(json, /a\.png/);
  assert.equal(JSON.parse(json).v, DRAFT_VERSION);
  const { screenshots, ...rest } = values;
  assert.deepEqual(restoreDraft(json), rest);
});

test("with a config: only known, non-file fields (even a fakepath string)", () => {
  const json = serializeDraft({ ...values, screenshots: "C:\\fakepath\\a.png" }, ticketConfig);
  assert.doesNotMatch(json, /fakepath|tags/);
  const restored = restoreDraft(JSON.stringify({ v: DRAFT_VERSION, values: { ...values, screenshots: "C:\\x", evil: "1" } }), ticketConfig);
  assert.deepEqual(restored, { customer_email: "a@example.org", request_type: "bug-report", description: values.description });
});

test("old, foreign or corrupt drafts are ignored safely", () => {
  for (const bad of [
    null, undefined, "", "not json", "null", "42", "[]", '"x"', "{}",
    JSON.stringify({ v: 0, values: { a: "b" } }),
    JSON.stringify({ v: DRAFT_VERSION + 1, values: { a: "b" } }),
    JSON.stringify({ customer_email: "a@example.org" }), // unversioned shape
    JSON.stringify({ v: DRAFT_VERSION, values: ["a"] }),
    JSON.stringify({ v: DRAFT_VERSION, values: "a" }),
  ]) {
    assert.equal(restoreDraft(bad), null, String(bad));
  }
});

test("unexpected value types are dropped; no prototype pollution", () => {
  const json = `{"v":${DRAFT_VERSION},"values":{"__proto__":{"polluted":"yes"},"a":1,"b":{"x":"y"},"c":[1,"2"],"d":[],"e":"ok","f":null}}`;
  const restored = restoreDraft(json);
  assert.deepEqual(restored, { e: "ok" });
  assert.equal(restored.polluted, undefined);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(restored), Object.prototype);
});
