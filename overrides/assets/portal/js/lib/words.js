/**
 * The length of a long text, in the unit its field's `length` gives for the page's language
 * (data/requests.yml, resolved at build time): words, or characters for Japanese and Chinese.
 *
 * Characters are what a reader sees as one (grapheme clusters,
 * `Intl.Segmenter(locale, {granularity: "grapheme"})`): "が" written as か + U+3099 is one,
 * 👍🏽 and a flag are one each. Whitespace (spaces, the ideographic space, line breaks) is not
 * counted; punctuation ("。", "、") is, as Japanese manuscript counts do.
 *
 * A word is a segment that `Intl.Segmenter(locale, {granularity: "word"})`
 * marks `isWordLike` (ICU's UAX #29 word rules), after one normalisation:
 * ":" and "." (and their small/full-width forms) become spaces unless the
 * "." sits between two digits. Reason: Chromium's patched ICU already splits
 * "x.png", "www.example.com", "a:b" while Node's ICU keeps them whole; with
 * the normalisation the page (Chromium) and the tests (Node) give the same
 * count. Spaces, punctuation, symbols and emoji are not words; numbers are.
 *
 * French: an apostrophe (' or ’) between letters does not split, so elisions
 * count as ONE word: "l'équipe", "aujourd'hui", "qu'il", "jusqu’à" → 1 each
 * (as word processors count them). A hyphen splits: "porte-monnaie",
 * "e-mail" → 2. "3,5" → 1, "2.0.1" → 1, "10 000" → 2, "20/11" → 2.
 *
 * Vietnamese: ICU has no Vietnamese dictionary and breaks at spaces, so each
 * syllable is one word: "mức độ nghiêm trọng" → 4 (mức | độ | nghiêm |
 * trọng), the same in Node 20 and Chromium. Deliberate: Vietnamese writers
 * count space-separated syllables (từ / tiếng) for length limits.
 */

/** @type {Map<string, Intl.Segmenter>} */
const cache = new Map();

/**
 * @param {string | undefined} locale
 * @param {"word" | "grapheme"} [granularity]
 * @returns {Intl.Segmenter | null}
 */
function segmenter(locale, granularity = "word") {
  if (typeof Intl === "undefined" || !Intl.Segmenter) return null;
  const key = `${granularity}|${locale || ""}`;
  let seg = cache.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(locale || undefined, { granularity });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity }); // invalid tag
    }
    cache.set(key, seg);
  }
  return seg;
}

const DIGIT = /\p{Nd}/u;

/**
 * ":" and "." become spaces, except "." between two digits ("3.5").
 * @param {unknown} text @returns {string}
 */
export const normalizeForCount = (text) =>
  String(text ?? "").replace(/([.\u2024\uFE52\uFF0E])|[:\uFE13\uFE55\uFF1A]/g, (c, dot, i, t) =>
    dot && DIGIT.test(t[i - 1]) && DIGIT.test(t[i + 1]) ? c : " ",
  );

const WORD_CHAR = "[\\p{L}\\p{M}\\p{Nd}_]";
const FALLBACK_RE = new RegExp(
  `(?:${WORD_CHAR}*\\p{L}\\p{M}*['‘’·\\uFF07](?=\\p{L})|${WORD_CHAR}*\\p{Nd}[.,\\u2024\\uFE52\\uFF0C\\uFF0E](?=\\p{Nd})|${WORD_CHAR}+[\\u00AD\\u200D\\u202F](?=${WORD_CHAR}))*${WORD_CHAR}+`,
  "gu",
);

/**
 * Approximation of the rules above for browsers without Intl.Segmenter
 * (e.g. Firefox ESR 115): runs of letters, marks, digits and "_"; an
 * apostrophe joins letters, "." or "," joins digits, a soft hyphen, ZWJ or
 * narrow no-break space joins anything. Not for Thai or CJK (ICU uses
 * dictionaries there).
 * @param {string} text @returns {number}
 */
export function countWordsFallback(text) {
  return (normalizeForCount(text).match(FALLBACK_RE) || []).length;
}

/**
 * Counts the words of `text` as described above.
 * @param {string} text
 * @param {string} [locale] BCP 47 tag, e.g. "fr", "vi"
 * @returns {number}
 */
export function countWords(text, locale) {
  const seg = segmenter(locale);
  if (!seg) return countWordsFallback(String(text ?? ""));
  let n = 0;
  for (const part of seg.segment(normalizeForCount(text))) if (part.isWordLike) n++;
  return n;
}

const WHITESPACE = /^\s+$/u;

/**
 * Approximation of grapheme clusters for browsers without Intl.Segmenter: a character with
 * its combining marks, variation selectors and skin tones, joined to the next by a ZWJ; a pair
 * of regional indicators (a flag); CR LF; a half-width kana with its half-width voicing mark.
 * Whitespace is left out.
 */
const CLUSTER_RE = /\r\n|\p{RI}\p{RI}|(?:\P{M}[\p{M}\p{Emoji_Modifier}\uFE0E\uFE0F\uFF9E\uFF9F]*)(?:\u200D\P{M}[\p{M}\p{Emoji_Modifier}\uFE0E\uFE0F\uFF9E\uFF9F]*)*/gu;

/** @param {string} text @returns {number} */
export function countCharactersFallback(text) {
  return (String(text ?? "").match(CLUSTER_RE) || []).filter((c) => !WHITESPACE.test(c)).length;
}

/**
 * Counts the characters of `text` as a reader sees them, whitespace left out.
 * @param {string} text
 * @param {string} [locale]
 * @returns {number}
 */
export function countCharacters(text, locale) {
  const seg = segmenter(locale, "grapheme");
  if (!seg) return countCharactersFallback(text);
  let n = 0;
  for (const part of seg.segment(String(text ?? ""))) if (!WHITESPACE.test(part.segment)) n++;
  return n;
}

/**
 * The length of `text` in `unit`: "characters", or "words" (any other value).
 * @param {string} text
 * @param {string | undefined} unit
 * @param {string} [locale]
 * @returns {number}
 */
export const countLength = (text, unit, locale) => (unit === "characters" ? countCharacters(text, locale) : countWords(text, locale));
