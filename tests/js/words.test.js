import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, countWordsFallback } from "../../overrides/assets/portal/js/lib/words.js";

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
  ["vi", "mức độ nghiêm trọng", 4], // one word per syllable
  ["vi", "Tiếng Việt có dấu: mức độ nghiêm trọng", 8],
  ["vi", "Tôi đã thử 3 lần, vẫn lỗi!", 7],
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

test("locale missing or invalid falls back to the root rules", () => {
  assert.equal(countWords("l'équipe est là", undefined), 3);
  assert.equal(countWords("l'équipe est là", "not a locale!"), 3);
  assert.equal(countWords(null, "fr"), 0);
});

test("the fallback agrees with Intl.Segmenter on the sample texts", () => {
  for (const [locale, text] of cases) assert.equal(countWordsFallback(text), countWords(text, locale), text);
});
