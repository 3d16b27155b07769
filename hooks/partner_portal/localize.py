"""Words from the locale files, and names, numbers, lists and durations from CLDR through Babel."""

from __future__ import annotations

import string
import unicodedata
from functools import cache, cached_property
from typing import Any, Callable, Iterable, TypeVar

import icu
import markdown
import nh3
from babel import Locale
from babel.dates import format_interval
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit
from markupsafe import Markup, escape

from .worktime import WEEKDAYS, SupportHours, Window

T = TypeVar("T")

# A string missing in a translation falls back to the English text, wrapped in these two
# private-use characters; the final HTML turns them into <span lang="en" class="portal-fallback">
# (fallbacks.finish_fallbacks) in text, and drops them in attributes, titles and scripts, where
# a tag cannot go. Every text, whatever the template does with it, is thus safe and marked.
FALLBACK_OPEN, FALLBACK_CLOSE = "\ue000", "\ue001"

# What a `_md` text may become, and no more: the inline Markdown TRANSLATING.md offers (links,
# emphasis, code) and links to https, mailto or our own pages. Markdown has many spellings for a
# link target (spaces, references, entities, mixed case), so it is the HTML that is cleaned;
# validation reports a text that loses anything here (validate._markdown_problems).
_SANITIZER = nh3.Cleaner(
    tags={"a", "em", "strong", "code", "br"},
    attributes={"a": {"href"}},
    url_schemes={"https", "mailto"},
    url_relative="pass_through",
    link_rel=None,
)


def unmark(text: str) -> str:
    """A text without fallback markers (for JSON, attributes, search)."""
    return text.replace(FALLBACK_OPEN, "").replace(FALLBACK_CLOSE, "")


class MissingText(KeyError):
    """A key that the data needs but the locale file lacks."""

    def __init__(self, locale: str, key: str) -> None:
        super().__init__(key)
        self.locale = locale
        self.key = key


class Localizer:
    """Everything one language needs to render a page; every result is safe HTML (Markup)."""

    def __init__(self, locale: str, messages: dict[str, str], fallback: dict[str, str] | None = None) -> None:
        self.locale = locale
        # `fallback`: the source language's texts, shown (marked) where a translation is missing.
        self.translated = messages
        self.messages = {**fallback, **messages} if fallback else messages
        self.babel = Locale.parse(locale)

    # --- sentences from the locale file ----------------------------------------------------

    def text(self, key: str, **params: Any) -> Markup:
        """The sentence at `key` with its placeholders filled; both are escaped, never trusted."""
        try:
            template = self.messages[key]
        except KeyError:
            raise MissingText(self.locale, key) from None
        result = self._markdown(template, params) if key.endswith("_md") else _fill(template, params)
        if key not in self.translated:
            return Markup(FALLBACK_OPEN) + result + Markup(FALLBACK_CLOSE)
        return result

    def is_fallback(self, key: str) -> bool:
        return key in self.messages and key not in self.translated

    def template(self, key: str) -> str:
        """The raw text with its {placeholders}, for our JavaScript to fill in and insert as text."""
        if key not in self.messages:
            raise MissingText(self.locale, key)
        return self.messages[key]

    def has(self, key: str) -> bool:
        return key in self.messages

    def _markdown(self, template: str, params: dict[str, Any]) -> Markup:
        return Markup(sanitize(markdown_html(template, params)))

    # --- CLDR ------------------------------------------------------------------------------

    def territory(self, code: str) -> str:
        return self.babel.territories[code]

    def adjoin(self, *parts: Any) -> Markup:
        """Texts side by side, escaped: a space between two, none after a full-width character,
        as Japanese and Chinese write "…ません。応答時間は…" and "担当：オーストラリア"."""
        result = Markup("")
        for part in parts:
            text = str(result)
            if text and unicodedata.east_asian_width(unmark(text)[-1:] or " ") not in ("W", "F"):
                result += Markup(" ")
            result += part
        return result

    def join(self, items: Iterable[Any], style: str = "standard") -> Markup:
        """A list in the language's own way ("a, b and c", "a, b et c", "a, b và c")."""
        escaped = [str(escape(item)) for item in items]
        return Markup(format_list(escaped, style=style, locale=self.babel)) if escaped else Markup("")

    def alternatives(self, items: Iterable[Any]) -> Markup:
        """Choices in the language's own way ("Yes or No", "Oui ou Non", "はい または いいえ")."""
        return self.join(items, style="or")

    @cached_property
    def _collator(self) -> icu.Collator:
        return icu.Collator.createInstance(icu.Locale(self.locale))

    def sorted(self, items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
        """In the order a reader of the language expects (ICU, CLDR's collation of the language:
        Vietnamese letters after their base, Japanese kana in gojūon order...), as the browser's
        Intl.Collator sorts."""
        return sorted(items, key=lambda item: self._collator.getSortKey(key(item)))

    def territory_in_list(self, code: str) -> str:
        """The name of a territory as an item of a list: CLDR's short name where the full one holds
        the list's own separator ("Đặc khu Hành chính Hồng Kông, Trung Quốc" becomes "Hồng Kông"),
        which would make the list ambiguous; the full name elsewhere ("États-Unis", not "É.-U.")."""
        name = self.territory(code)
        if not self._list_separator or self._list_separator not in name:
            return name
        return self._short_names.regionDisplayName(code)

    @cached_property
    def _list_separator(self) -> str:
        """The punctuation between two items of a list (", ", "、"); none where a word joins them (Arabic و)."""
        middle = self.babel.list_patterns["standard"]["middle"].replace("{0}", "").replace("{1}", "")
        return "".join(char for char in middle if unicodedata.category(char).startswith("P"))

    @cached_property
    def _short_names(self) -> icu.LocaleDisplayNames:
        return icu.LocaleDisplayNames.createInstance(icu.Locale(self.locale), [icu.UDisplayContext.LENGTH_SHORT])

    def territory_other_names(self, code: str) -> list[str]:
        """The other names CLDR gives a territory in the language, which readers type as often as
        its name: the short one ("Hongkong", "USA") and the variant ("Elfenbeinküste", "Czech
        Republic"). The country finder and the priority check accept them."""
        others = [self._short_names.regionDisplayName(code), *(table[code] for table in self._variant_names if code in table)]
        return list(dict.fromkeys(name for name in others if name != self.territory(code) and name != code))

    @cached_property
    def _variant_names(self) -> list[dict[str, str]]:
        """CLDR's alt="variant" territory names of the language and its parents, which neither Babel
        nor ICU's display names expose (ICU keeps them in its region data as Countries%variant)."""
        region_data = f"icudt{icu.ICU_VERSION.split('.')[0]}l-region"
        tables = []
        for locale in dict.fromkeys((self.locale.replace("-", "_"), self.babel.language)):
            try:
                variant = icu.ResourceBundle(region_data, icu.Locale(locale)).get("Countries%variant")
            except icu.ICUError:
                continue
            tables.append({variant.get(index).getKey(): variant.get(index).getString() for index in range(variant.getSize())})
        return tables

    def territories(self, codes: Iterable[str]) -> Markup:
        return self.join(self.territory_in_list(code) for code in codes)

    def zone_name(self, zone: str) -> str:
        """A time zone's CLDR name as the browser's Intl writes it (ICU's generic name: "heure de
        l’Inde", "heure du Golfe" for zones without summer time), that reads as a name on its own
        in a table cell; where CLDR builds it from a pattern meant for running text ("heure :
        Royaume-Uni"), the place alone."""
        name = icu.TimeZone.createTimeZone(zone).getDisplayName(False, icu.TimeZone.LONG_GENERIC, icu.Locale(self.locale))
        prefix = self.babel.zone_formats["region"].split("%s")[0]
        if prefix.rstrip().endswith((":", "：")) and name.startswith(prefix):
            return name[len(prefix):]
        return name

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.babel)

    def weekday(self, day: str) -> str:
        return self.babel.days["format"]["wide"][WEEKDAYS.index(day)]

    @cached_property
    def direction(self) -> str:
        """"rtl" for a language written right to left (CLDR's character order), else "ltr"."""
        return "rtl" if self.babel.character_order == "right-to-left" else "ltr"

    def dir_attribute(self, other: Localizer) -> str:
        """` dir="ltr"` for a text in `other` inside this language's page where their directions
        differ; nothing where they agree (the direction is inherited)."""
        return f' dir="{other.direction}"' if other.direction != self.direction else ""

    @cached_property
    def language_name(self) -> str:
        # CLDR capitalizes language names for menus in many languages ("Français", not "français").
        name = self.babel.get_display_name(self.babel) or self.locale
        return name[:1].upper() + name[1:]

    def duration(self, amount: int, unit: str) -> str:
        """"3 hours", "3 heures", "3 giờ", "3 ساعات", "30 分": CLDR unit patterns with the language's
        plural rules; `unit` is one of worktime.units() (minute, hour, day), CLDR's duration-<unit>."""
        patterns = self.babel._data["unit_patterns"].get(f"duration-{unit}", {})
        # Babel does not follow CLDR's aliases from long names to short ones (vi; ar for days), so the
        # first length that has plural forms is the language's own.
        forms = next(forms for length in ("long", "short") if set(forms := patterns.get(length, {})) - {"per"})
        pattern = forms.get(self.babel.plural_form(amount)) or forms["other"]
        # Arabic writes one and two hours as a word with no figure ("ساعة", "ساعتان"): in a range or
        # beside a figure the number must show, as the "other" form writes it.
        if "{0}" not in pattern:
            pattern = forms["other"]
        # A figure and its unit stay on one line ("8 ساعات", "48 時間" broke on phones).
        pattern = pattern.replace("{0} ", "{0}\u00a0").replace(" {0}", "\u00a0{0}")
        return pattern.replace("{0}", self.number(amount))

    def megabytes(self, amount: int) -> str:
        return format_unit(amount, "digital-megabyte", length="short", locale=self.babel)

    def duration_range(self, window: Window) -> Markup:
        """"1 to 3 hours" where both bounds share a unit, "30 minutes to 1 hour" where they do not."""
        low, high = window.min, window.max
        shown = self.number(low.amount) if low.unit == high.unit else self.duration(low.amount, low.unit)
        return self.text("common.range", min=shown, max=self.duration(high.amount, high.unit))

    def hours(self, hours: SupportHours) -> str:
        """"8:00 AM – 6:00 PM", "08:00 – 18:00", "8時00分～18時00分": CLDR's interval of two times of
        day on the language's own clock (12 or 24 hours), as the browser's Intl.DateTimeFormat
        writes it with formatRange (tests/test_localize.py compares them)."""
        skeleton = "hm" if "h" in self.babel.time_formats["short"].pattern else "Hm"
        return format_interval(hours.opens, hours.closes, skeleton, locale=self.babel)


@cache
def autonym(locale: str) -> str:
    """A language's name in itself, as a menu writes it (Localizer.language_name), once per process.
    Every page names every language (the language switcher, the translation status), but the
    language's CLDR data, about 1 MB that Babel keeps once loaded, is let go again unless something
    had loaded it before: a process building some of 40 languages holds the data of those alone."""
    from babel import localedata

    loaded = set(localedata._cache)
    name = Localizer(locale, {}).language_name
    for identifier in set(localedata._cache) - loaded - {"root"}:
        localedata._cache.pop(identifier, None)
    return name


def forget(locale: str, keep: str) -> None:
    """Let Babel's data of `locale` go once its pages are written (it loads it again if asked):
    a build of 40 languages would otherwise hold all 40 (about 1 MB each). `keep`: the default
    language's, which every page falls back to."""
    from babel import localedata

    identifier = str(Locale.parse(locale))
    if identifier not in (keep, str(Locale.parse(keep)), "root"):
        localedata._cache.pop(identifier, None)


def language_in_sentence(t: Localizer, locale: str | None = None) -> str:
    """A language's name as the reader's language writes it inside a sentence ("français")."""
    locale = locale or t.locale
    return t.babel.languages.get(locale) or autonym(locale)


def markdown_html(template: str, params: dict[str, Any]) -> str:
    """The HTML of a Markdown text with its placeholders filled, not yet sanitized, without the
    paragraph around a single one."""
    # Escaping first means a translator's raw HTML shows as text.
    html = markdown.markdown(str(_fill(template, params)))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def sanitize(html: str) -> str:
    return _SANITIZER.clean(html)


def _fill(template: str, params: dict[str, Any]) -> Markup:
    parts: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(str(escape(literal)))
        if name is not None:
            parts.append(str(escape(params[name])))
    return Markup("".join(parts))
