import { test } from "node:test";
import assert from "node:assert/strict";
import { languageNotFoundPage } from "../../overrides/assets/portal/js/lib/not-found.js";

const roots = ["/fr/", "/vi/"];

test("a missing page under a language's folder gets that language's 404 page", () => {
  assert.equal(languageNotFoundPage("/fr/no-such-page/", roots), "/fr/404.html");
  assert.equal(languageNotFoundPage("/vi/a/b/c.html", roots), "/vi/404.html");
});

test("the default language's pages, and look-alike folders, keep the default 404 page", () => {
  assert.equal(languageNotFoundPage("/no-such-page/", roots), null);
  assert.equal(languageNotFoundPage("/france/", roots), null);
  assert.equal(languageNotFoundPage("/fr", roots), null);
});

test("a language's own 404 page is not sent to itself again", () => {
  assert.equal(languageNotFoundPage("/fr/404.html", roots), null);
});

test("a site under a sub-path", () => {
  assert.equal(languageNotFoundPage("/portal/fr/x/", ["/portal/fr/"]), "/portal/fr/404.html");
  assert.equal(languageNotFoundPage("/fr/x/", ["/portal/fr/"]), null);
});
