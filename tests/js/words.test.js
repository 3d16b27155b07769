import { test } from "node:test";
import assert from "node:assert/strict";
import { countCharacters, countCharactersFallback, countLength, countWords, countWordsFallback, normalizeForCount } from "../../overrides/assets/portal/js/lib/words.js";

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

// --- characters: the unit of Japanese and Chinese (data/requests.yml) ---------------------------

// [text, expected]: grapheme clusters, whitespace left out, punctuation counted.
const characterCases = [
  ["", 0],
  [" \n\t\u3000\r\n", 0], // spaces, the ideographic space and line breaks are not counted
  ["問題が発生しました。", 10], // kanji, kana and the full stop: one each
  ["エラー 500 が出ます", 10], // the space is not counted, each digit is
  ["か\u3099", 1], // が written as か + combining voiced mark: one character
  ["e\u0301te\u0301", 3], // été decomposed (NFD)
  ["Tie\u0302\u0301ng Vie\u0323\u0302t", 9],
  ["👍🏽", 1], // emoji with a skin tone
  ["👨‍👩‍👧", 1], // a family: three people joined by ZWJ
  ["🇯🇵 ok", 3], // a flag is one character
  ["ｶﾞｲﾄﾞ", 3], // half-width katakana: the half-width voiced mark extends its letter (ｶﾞ, ﾄﾞ)
];

for (const [text, expected] of characterCases) {
  test(`countCharacters(${JSON.stringify(text)}) = ${expected}`, () => {
    assert.equal(countCharacters(text, "ja"), expected);
    assert.equal(countCharactersFallback(text), expected, "the fallback without Intl.Segmenter agrees");
  });
}

test("a Japanese description: characters, where ICU's word segmenter counts particles as words", () => {
  const text = "大きなファイルを書き出すと、処理が途中で止まり、エラーが表示されます。\n再現します。";
  assert.equal(countCharacters(text, "ja"), 41);
  assert.ok(countWords(text, "ja") < 25, "を, が, と... are words to ICU: about half as many words as characters");
});

test("countLength counts in the unit the field's length gives", () => {
  const text = "問題が発生しました。 The export fails.";
  assert.equal(countLength(text, "characters", "ja"), countCharacters(text, "ja"));
  assert.equal(countLength(text, "characters", "ja"), 25);
  assert.equal(countLength(text, "words", "en"), countWords(text, "en"));
  assert.equal(countLength(text, undefined, "en"), countWords(text, "en"), "words unless characters are asked for");
  assert.equal(countLength(null, "characters", "ja"), 0);
});

test("countCharacters: a missing or invalid locale falls back to the root rules", () => {
  assert.equal(countCharacters("か\u3099 👍🏽", undefined), 2);
  assert.equal(countCharacters("か\u3099 👍🏽", "not a locale!"), 2);
});
