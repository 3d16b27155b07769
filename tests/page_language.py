"""What a reader of a French or Vietnamese page must never meet: English words, and punctuation
of the wrong language. One checker for the built HTML (test_page_language.py) and for the DOM
after our scripts have run in Chromium (test_page_language_browser.py).

English is found two ways: any English sentence of ours or of the theme (locales/en.yml,
Material's partials/languages/en.html, mkdocs.yml's palette names, the toc permalink title),
and any word of a short list that is English and neither French nor Vietnamese. Proper names
(the vendor, people, products, addresses), CLDR names and the language autonyms of the
language switcher are taken out of the text first.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

import material
import yaml
from babel import Locale
from bs4 import BeautifulSoup, NavigableString, Tag

ROOT = Path(__file__).resolve().parents[1]
CHECKED_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
BUTTON_TYPES = {"button", "submit", "reset"}  # an <input>'s value shown as its label

# Words that are English and not French or Vietnamese ("on", "type", "table", "mode", "page",
# "email", "to" are taken by those languages).
ENGLISH_WORDS = frozenset(
    """the and of with your you this that these is are was were for from by into about switch dark light
    link search searching initializing copy copied clipboard back skip previous next
    found documents more contents required optional please send sent write choose select
    open close show hide yes no none help loading today week weekend holiday holidays hours day
    days time zone request requests""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # "week-end" is French
# Addresses, and identifiers such as file names and keys (i18n-status.json, theme.search).
URL_OR_ADDRESS = re.compile(r"(?:https?://|mailto:)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bwww\.\S+|\?from=\S*|\b[\w-]+(?:\.[\w-]+)+\b")
NO_BREAK = "\u00a0\u202f"
FRENCH_SPACED = ":;!?»"


@dataclass(frozen=True)
class Finding:
    where: str  # "text" or the attribute's name
    problem: str
    context: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}: {self.context!r}"


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


@cache
def english_sentences() -> frozenset[str]:
    """Every English fragment of two words or more that the portal or the theme can show."""
    texts = set(_strings(yaml.safe_load((ROOT / "locales" / "en.yml").read_text(encoding="utf-8"))))
    theme = (Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    texts |= set(re.findall(r'^\s*"[^"]+": "([^"]*)"', theme, re.M))
    config = yaml.safe_load(re.sub(r"!!python/\S+", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    texts |= {option["toggle"]["name"] for option in config["theme"]["palette"]}
    texts.add("Permanent link")
    fragments = set()
    for text in texts:
        for literal, *_ in string.Formatter().parse(text.replace("{{", "").replace("}}", "")):
            for piece in re.split(r"[\n*_`\[\]()]|\s[-–]\s", literal):
                piece = " ".join(piece.split()).strip(" .,:;!?")
                if len(WORD.findall(piece)) >= 2:
                    fragments.add(piece)
    return frozenset(fragments)


@cache
def proper_names(locale: str) -> tuple[str, ...]:
    """Names that are the same in every language, longest first, so that none hides in another."""
    data = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in ("programme", "escalation", "catalogue")}
    names = {data["programme"]["vendor"], "Material for MkDocs", "MkDocs", "Material"}
    names |= {person["name"] for person in data["escalation"]["people"]}
    names |= {product["name"] for product in data["catalogue"]["products"]}
    for code in ("en", "fr", "vi"):  # the language switcher: each language in its own name
        name = Locale.parse(code).get_display_name(Locale.parse(code))
        names |= {name, name[:1].upper() + name[1:]}
    names |= set(Locale.parse(locale).territories.values())
    return tuple(sorted(names, key=len, reverse=True))


def without_names(text: str, locale: str) -> str:
    text = URL_OR_ADDRESS.sub(" ", text)
    for name in proper_names(locale):
        if name in text:
            text = text.replace(name, " ")
    return text


def english_problems(text: str, locale: str, where: str) -> list[Finding]:
    text = without_names(" ".join(text.split()), locale)
    found = [Finding(where, "English sentence", sentence) for sentence in english_sentences() if re.search(rf"(?<!\w){re.escape(sentence)}(?!\w)", text)]
    words = {word for word in WORD.findall(text) if word.lower() in ENGLISH_WORDS and word != word.upper()}
    found += [Finding(where, "English word", _around(text, text.index(word))) for word in sorted(words) if re.search(rf"(?<!\w){word}(?!\w)", text)]
    return found


def _around(text: str, index: int, width: int = 30) -> str:
    return text[max(0, index - width) : index + width]


def punctuation_problems(text: str, locale: str, where: str) -> list[Finding]:
    """French: a no-break space before : ; ! ? » and after «; English, Vietnamese: no space
    before : ; ! ?; never "?:"."""
    text = URL_OR_ADDRESS.sub(" ", text)
    found = []
    for match in re.finditer(r"[?？]\s*:", text):
        found.append(Finding(where, '"?:"', _around(text, match.start())))
    for index, char in enumerate(text):
        before = text[index - 1] if index else "\n"
        after = text[index + 1] if index + 1 < len(text) else "\n"
        if char == ":" and before.isdigit() and after.isdigit():  # 16:30
            continue
        if locale == "fr":
            if char in FRENCH_SPACED and before not in NO_BREAK and not before.isspace() and index:
                found.append(Finding(where, f"no no-break space before {char!r}", _around(text, index)))
            elif char in FRENCH_SPACED and before.isspace() and before not in NO_BREAK:
                found.append(Finding(where, f"ordinary space before {char!r}", _around(text, index)))
            elif char == "«" and after not in NO_BREAK:
                found.append(Finding(where, "no no-break space after '«'", _around(text, index)))
        elif char in ":;!?" and before.isspace() and index and text[:index].strip():
            found.append(Finding(where, f"space before {char!r}", _around(text, index)))
    return found


def _text_blocks(soup: BeautifulSoup) -> Iterator[str]:
    """The page's text, one string per element that holds text directly, read with its inline
    children, so that "<strong>Label</strong>: value" is read as "Label: value"."""
    body = soup.body or soup
    for element in body.find_all(True):
        if element.name in ("script", "style", "template", "svg") or element.find_parent(["script", "style", "template", "svg"]):
            continue
        if any(isinstance(child, NavigableString) and child.strip() for child in element.children):
            parent = element
            while parent.parent is not None and parent.name in INLINE and parent.parent.name != "[document]":
                parent = parent.parent
            yield parent.get_text("")


INLINE = {"a", "strong", "em", "b", "i", "small", "span", "code", "time", "abbr", "kbd", "mark", "sup", "sub", "label"}


def attributes(soup: BeautifulSoup) -> Iterator[tuple[str, str]]:
    for element in soup.find_all(True):
        for name in CHECKED_ATTRIBUTES:
            if element.get(name):
                yield name, element[name]
        if element.name == "input" and element.get("type") in BUTTON_TYPES and element.get("value"):
            yield "value", element["value"]


def page_problems(html: str, locale: str) -> list[Finding]:
    """Everything wrong with one page (or one DOM snapshot) in `locale`."""
    soup = BeautifulSoup(html, "html.parser")
    problems: list[Finding] = []
    if soup.select(".portal-fallback"):  # a marked fallback is its own finding
        problems.append(Finding("text", "fallback to English", ""))
    for element in soup.select('[lang="en"]'):
        element.decompose()
    seen: set[str] = set()
    for text in _text_blocks(soup):
        if text in seen:
            continue
        seen.add(text)
        if locale != "en":
            problems += english_problems(text, locale, "text")
        problems += punctuation_problems(text, locale, "text")
    for name, value in attributes(soup):
        if locale != "en":
            problems += english_problems(value, locale, name)
        problems += punctuation_problems(value, locale, name)
    return list(dict.fromkeys(problems))
