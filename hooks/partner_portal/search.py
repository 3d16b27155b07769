"""Search in the reader's language, accent-insensitive.

Stock mkdocs-static-i18n gathers the search entries of every language into one index at
search/search_index.json, so a French reader gets English and Vietnamese hits. Here each
language gets its own index next to its pages (search/…, fr/search/…, vi/search/…), and each
page's Material configuration points its search at it: `base` in the page's __config becomes
the language's root, which Material uses only to fetch the index and to resolve result links.

Accents: for every indexed section, the words whose accent-free form differs ("gravité" →
"gravite", "mức độ nghiêm trọng" → "muc do nghiem trong", Vietnamese đ → d, Arabic "إدارة" →
"ادارة"; Japanese voicing marks are kept, they make another word) go into two extra
fields, folded_title and folded_text, boosted like title and text. Lunr matches a query typed
without accents against them; results still show the original text. Typed with accents, a word
matches the original fields as before. Arabic keeps the hamza on its other seats (ئ, ؤ): only
the alef's is left out by readers ("اسئلة" for "أسئلة").

Word endings and Japanese compounds: Material adds a trailing wildcard to every query word, and
lunr runs no pipeline on a wildcard term, so a stemmer in the index's pipeline would stem the
index and never the query ("escalation*" against "escal": nothing found). What Material does
apply to both the index and the query is our separator. So the separator of English and French
also takes off inflectional endings (those no shorter than three letters before them; "escalating",
"escalation", "escalates" are all "escalat", a query word included, the prefix wildcard doing the
rest: a stemmer that is the same on both sides by construction, and costs the index no byte),
and the separator of Japanese cuts, without taking a character, where the script changes between
kanji, hiragana and katakana at the places TinySegmenter cuts (almost) always: Material runs
TinySegmenter on the index but not on a query, which it only splits with the separator (and
kanji runs along the index's words), so "優先サポート" typed as one word now looks for "優先" and
"サポート", as the index holds them. These use lookbehind, which Safari has had since 16.4.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import write_file

from .localize import unmark

# Whitespace, hyphens and punctuation, French apostrophes and quotes included, so that
# "l’escalade" or "(gravité)" index "escalade" and "gravité" (the stock separator splits on
# whitespace and hyphens only). Lunr applies it to the query too.
SEPARATOR = r"""[\s\-‐–—,.;:!?¡¿()\[\]{}"'’‘“”«»/\\|…·•、。，．・：；！？「」『』（）【】〜،؛؟]+"""
PIPELINE = ["stopWordFilter"]  # Material's default for every language: no stemming, no trimming
# Inflectional endings the separator takes off a word of three letters or more, on the index and
# on the query alike (see above). Latin letters only: not in Vietnamese, which has no endings.
_EN = "a-zA-Z"
_FR = "a-zA-ZÀ-ÖØ-öø-ÿœŒæÆ"
ENDINGS = {
    # escalat·e·s·ed·ing·ion·ions, severit·y·ies, zon·e·es, process (no s taken after an s)
    "en": rf"(?<=[{_EN}]{{3}})(?:ions?|ings?|ies|ied|ed|es|e|(?<![sS])s|y)(?![{_EN}])",
    # remont·ée·ées·er·é·e·es (and, folded, ·ee·ees), délai·s, gravit·é, remplac·ement·er
    "fr": rf"(?<=[{_FR}]{{3}})(?:ements?|[ée]es?|és?|er|ez|es|e|(?<![sS])s|x)(?![{_FR}])",
}
# Japanese: where the script changes from katakana to anything, from kanji to katakana, from
# hiragana to kanji or katakana; not from kanji to hiragana (送る, 向け: one word).
_KANJI, _HIRAGANA, _KATAKANA = "一-龠々〆ヵヶ", "ぁ-ん", "ァ-ヴー"
SCRIPT_CHANGES = {
    "ja": (f"(?<=[{_KATAKANA}])(?=[{_KANJI}{_HIRAGANA}])|(?<=[{_KANJI}])(?=[{_KATAKANA}])"
           f"|(?<=[{_HIRAGANA}])(?=[{_KANJI}{_KATAKANA}])"),
}
LUNR_DIR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
_TAG = re.compile(r"<[^>]+>")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">.*?"base":\s*")([^"]*)(")', re.S)
_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ð": "d", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     # Arabic: the alef with a hamza over or under it, a madda or a wasla, typed as a bare alef;
     # tatweel, a stretch that is no letter
     "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None}
)
# Marks folding keeps. Japanese voicing marks make another word (パ is pa, ハ is ha); the hamza
# on a yeh or a waw (ئ, ؤ) is its own key that readers type ("اسئلة", not "اسيلة"); the alef's
# is gone by then (_LETTERS).
_WORD_MARKS = {"\u3099", "\u309a", "\u0653", "\u0654", "\u0655"}


@lru_cache(maxsize=16384)  # called for every word of every page: most words come back, in every page
def fold(text: str) -> str:
    """Text without what readers leave out when they type: Latin accents and Vietnamese tones
    ("Mức độ nghiêm trọng" → "Muc do nghiem trong"), Arabic short vowels and the hamza over or
    under an alef ("إدارة" → "ادارة")."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).translate(_LETTERS))
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char) or char in _WORD_MARKS))


def folded_words(markup: str) -> str:
    """The words of `markup` whose accent-free form differs, accent-free, in order."""
    text = html.unescape(_TAG.sub(" ", unmark(markup)))
    words = [word for word in re.split(SEPARATOR, text) if word]
    return " ".join(folded for word in words if (folded := fold(word)).lower() != word.lower())


def separator(language: str) -> str:
    """The separator of a language's index: SEPARATOR, and the endings or script changes above."""
    extra = ENDINGS.get(language) or SCRIPT_CHANGES.get(language)
    return f"{SEPARATOR}|{extra}" if extra else SEPARATOR


def lunr_language(locale: str) -> str:
    """The lunr.js language Material can load for `locale` (English if none)."""
    language = locale.split("_")[0].split("-")[0].lower()
    return language if (LUNR_DIR / f"lunr.{language}.min.js").exists() else "en"


def index_document(locale: str, entries: list[dict[str, Any]], fields: dict[str, Any]) -> dict[str, Any]:
    docs = []
    for entry in entries:
        doc = {**entry, "title": unmark(entry["title"]), "text": unmark(entry["text"])}
        for name in ("title", "text"):
            folded = folded_words(doc[name])
            if folded:
                doc[f"folded_{name}"] = folded
        docs.append(doc)
    boosts = {**fields, "folded_title": fields.get("title", {"boost": 1e3}), "folded_text": fields.get("text", {"boost": 1.0})}
    language = lunr_language(locale)
    config = {"lang": [language], "separator": separator(language), "pipeline": PIPELINE, "fields": boosts}
    return {"config": config, "docs": docs}


def write_indexes(config: MkDocsConfig, i18n: Any, search: Any, locales: Any = None) -> dict[str, int]:
    """One search index per language, each in its language's folder; returns the entry counts.
    `locales`: the languages built in this process, when others are built in parallel (all if None)."""
    default = i18n.default_language
    languages = list(i18n.build_languages)
    by_locale: dict[str, list[dict[str, Any]]] = {locale: [] for locale in (languages if locales is None else locales)}
    for entry in i18n.search_entries:  # every language's entries, gathered after each language's build
        location = entry["location"]
        locale = next((code for code in languages if code != default and location.startswith(f"{code}/")), default)
        if locale != default:
            entry = {**entry, "location": location[len(locale) + 1 :]}
        if locale in by_locale:
            by_locale[locale].append(entry)
    fields = dict(search.config.fields)
    for locale, entries in by_locale.items():
        root = "" if locale == default else f"{locale}/"
        data = index_document(locale, entries, fields)
        path = Path(config.site_dir) / root / "search" / "search_index.json"
        write_file(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), str(path))
    return {locale: len(entries) for locale, entries in by_locale.items()}


def install(config: MkDocsConfig, after: Any = None, locales: Any = None) -> None:
    """Replace static-i18n's merge of every language's search entries into one index (its last step,
    run once all languages are built) by one index per language; then run `after(config)`.
    `locales(config)`, run first, returns the languages to index here (None: every language)."""
    i18n, search = config.plugins.get("i18n"), config.plugins.get("search") or config.plugins.get("material/search")
    if i18n is None or not hasattr(i18n, "search_entries"):
        return

    def per_language(config: MkDocsConfig) -> None:
        here = locales(config) if locales is not None else None
        if search is not None:  # a site without search still gets `after`
            write_indexes(config, i18n, search, here)
        if after is not None:
            after(config)

    i18n.reconfigure_search_index = per_language


def localize_base(output: str, locale_root: str) -> str:
    """Point Material's search (and its result links) at the language's own folder."""
    if not locale_root:
        return output

    def replace(match: re.Match) -> str:
        base = match.group(2)
        return match.group(1) + base + ("" if base.endswith("/") else "/") + locale_root + match.group(3)

    return _CONFIG.sub(replace, output, count=1)
