/**
 * Word counting for the min_words / max_words limits of long-text fields.
 *
 * What counts as a word: every segment that `Intl.Segmenter(locale,
 * {granularity: "word"})` marks `isWordLike` (ICU's Unicode UAX #29 word
 * rules, shared by Node 20 and Chromium, so the page and the tests agree).
 * Spaces, punctuation and emoji are not words; numbers are.
 *
 * French: an apostrophe between letters does not split a word (UAX #29
 * WB6/WB7, for both ' U+0027 and ’ U+2019), so elisions and compounds with
 * apostrophes count as ONE word: "l'équipe", "aujourd'hui", "qu'il",
 * "jusqu’à" → 1 each (as word processors count them). A hyphen splits:
 * "porte-monnaie" and "e-mail" → 2. "3,5" → 1, "10 000" → 2.
 *
 * Vietnamese: ICU has no Vietnamese dictionary and breaks at spaces, so each
 * syllable is one word: "mức độ nghiêm trọng" → 4 (mức | độ | nghiêm |
 * trọng). This is deliberate: Vietnamese writers count space-separated
 * syllables (từ / tiếng) for length limits, and it is what Node 20 and
 * Chromium both return.
 */

/** @type {Map<string, Intl.Segmenter>} */
const cache = new Map();

/** @param {string | undefined} locale @returns {Intl.Segmenter | null} */
function segmenter(locale) {
  if (typeof Intl === "undefined" || !Intl.Segmenter) return null;
  const key = locale || "";
  let seg = cache.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(locale || undefined, { granularity: "word" });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: "word" }); // invalid tag
    }
    cache.set(key, seg);
  }
  return seg;
}

/**
 * Approximation of the ICU rules for browsers without Intl.Segmenter
 * (e.g. Firefox ESR 115): runs of letters/marks/digits/underscore, joined by
 * an apostrophe, "." or ":" between letters, or "," / "." between digits.
 * @param {string} text
 * @returns {number}
 */
export function countWordsFallback(text) {
  const re = /[\p{L}\p{M}\p{N}_]+(?:(?:['’.:](?=\p{L})|[.,](?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gu;
  return (String(text ?? "").match(re) || []).length;
}

/**
 * Counts the words of `text` as the page's language would (see above).
 * @param {string} text
 * @param {string} [locale] BCP 47 tag, e.g. "fr", "vi"
 * @returns {number}
 */
export function countWords(text, locale) {
  const s = String(text ?? "");
  const seg = segmenter(locale);
  if (!seg) return countWordsFallback(s);
  let n = 0;
  for (const part of seg.segment(s)) if (part.isWordLike) n++;
  return n;
}
