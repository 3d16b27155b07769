import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, countWordsFallback, normalizeForCount } from "../../overrides/assets/portal/js/lib/words.js";

// [locale, text, expected]. The same counts were checked in headless Chromium
// (its ICU is patched to split "x.png" and "a:b"; normalizeForCount makes
// Node agree).
const cases = [
  ["en", "", 0],
  ["en", "   \n\t ", 0],
  ["en", "Hello, world!", 2],
  ["en", "The app crashes when I click Save.", 7],
  ["en", "Don't stop — it's 3.14 & e-mail", 6], // Don't | stop | it's | 3.14 | e | mail
  ["en", "word  word\r\n\r\nword\tword", 4],
  ["en", "👍🏽 👍 ok", 1], // emoji are not words
  ["fr", "l'équipe", 1],
  ["fr", "aujourd'hui", 1],
  ["fr", "L’équipe a répondu aujourd’hui, qu’il s’agit d’un bogue.", 8],
  ["fr", "àâçéèêëîïôûùüÿœæ l'équipe", 2],
  ["fr", "porte-monnaie", 2], // a hyphen splits
  ["fr", "Le taux est de 3,5 % depuis le 20/11.", 9], // Le taux est de 3,5 depuis le 20 11
  ["fr", "Erreur:impossible d'ouvrir capture.png sur docs.example.com", 9], // ":" and "." split words
  ["fr", "Version 2.0.1 du 20.11.2026 à 14:30", 7], // Version 2.0.1 du 20.11.2026 à 14 30
  ["fr", "10\u202F000 utilisateurs", 2], // narrow no-break space joins digits (ICU)
  ["vi", "mức độ nghiêm trọng", 4], // one word per syllable
  ["vi", "Tiếng Việt có dấu: mức độ nghiêm trọng", 8],
  ["vi", "Tôi đã thử 3 lần, vẫn lỗi!", 7],
  ["vi", "Tie\u0302\u0301ng Vie\u0323\u0302t", 2], // decomposed (NFD) input
];

for (const [locale, text, expected] of cases) {
  test(`countWords(${JSON.stringify(text)}, ${locale}) = ${expected}`, () => {
    assert.equal(countWords(text, locale), expected);
  });
}

test("Vietnamese: Intl.Segmenter splits at syllables", () => {
  const seg = new Intl.Segmenter("vi", { granularity: "word" });
  const parts = [...seg.segment("mức độ nghiêm trọng")].filter((s) => s.isWordLike).map((s) => s.segment);
  assert.deepEqual(parts, ["mức", "độ", "nghiêm", "trọng"]);
});

test("normalizeForCount: ':' and '.' become spaces except '.' between digits", () => {
  assert.equal(normalizeForCount("a:b x.png 3.5 3.a 14:30 a．b 3．5 a：b"), "a b x png 3.5 3 a 14 30 a b 3．5 a b");
  assert.equal(normalizeForCount(null), "");
});

test("locale missing or invalid falls back to the root rules", () => {
  assert.equal(countWords("l'équipe est là", undefined), 3);
  assert.equal(countWords("l'équipe est là", "not a locale!"), 3);
  assert.equal(countWords(null, "fr"), 0);
});

test("the fallback (no Intl.Segmenter) agrees on the sample texts", () => {
  for (const [, text, expected] of cases) assert.equal(countWordsFallback(text), expected, text);
});
