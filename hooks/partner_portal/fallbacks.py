"""Fallbacks to the default language in the final HTML, so readers and screen readers know.

- A missing string shows the English text, marked by localize.text() (see
  localize.FALLBACK_OPEN) and turned here into <span lang="en" class="portal-fallback">.
- A missing prose page is built by mkdocs-static-i18n from English; it gets a banner in the
  reader's language, and its data blocks stay in the reader's language.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from markupsafe import Markup, escape

from .localize import FALLBACK_CLOSE, FALLBACK_OPEN, Localizer, language_in_sentence, unmark

# Elements whose content is not HTML (or may hold no tags), and tags themselves: a fallback
# there loses its marker; everywhere else it becomes <span lang="en" class="portal-fallback">.
_NOT_TEXT = re.compile(r"<(script|style|title|textarea|option)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def finish_fallbacks(html: str, note: str, t: Localizer, default: str) -> str:
    """Turn the fallback markers of localize.text() into spans the browser and screen readers see:
    in the default language, and isolated in its direction where the page runs the other way (an
    English sentence in an Arabic page keeps its full stop at its end)."""
    if FALLBACK_OPEN not in html:
        return html
    opening = f'<span lang="{escape(default)}"{t.dir_attribute(Localizer(default, {}))} class="portal-fallback" title="{escape(note)}">'
    parts: list[str] = []
    position = 0
    for match in _NOT_TEXT.finditer(html):
        parts.append(html[position : match.start()].replace(FALLBACK_OPEN, opening).replace(FALLBACK_CLOSE, "</span>"))
        parts.append(unmark(match.group(0)))
        position = match.end()
    parts.append(html[position:].replace(FALLBACK_OPEN, opening).replace(FALLBACK_CLOSE, "</span>"))
    return "".join(parts)


def fallback_note(t: Localizer) -> str:
    return unmark(str(t.text("i18n.fallback.note", language=language_in_sentence(t)).unescape()))


def is_fallback_page(page: Any, locale: str) -> bool:
    """static-i18n builds a page missing in `locale` from the default language's file."""
    return getattr(page.file, "locale", locale) != locale


def fallback_page(html: str, blocks: re.Pattern, render: Callable[[re.Match], str], t: Localizer, default: str, status_url: str) -> str:
    """An English page in a translated site: a banner in the reader's language, the English prose
    marked lang="en", the data blocks (rendered in the reader's language) marked with theirs."""
    lang = escape(t.locale)
    original = Localizer(default, {})
    own_direction = original.dir_attribute(t)  # the blocks, in the reader's language, inside the English prose
    body = blocks.sub(lambda match: f'<div lang="{lang}"{own_direction}>{render(match)}</div>', html)
    banner = Markup(
        '<div class="admonition info portal-page-fallback" lang="{lang}" data-search-exclude>'
        '<p class="admonition-title">{title}</p><p>{text}</p></div>'
    ).format(
        lang=t.locale,
        title=t.text("i18n.page_fallback.title", language=language_in_sentence(t)),
        text=t.text("i18n.page_fallback.text_md", language=language_in_sentence(t), status=status_url),
    )
    return f'{banner}<div lang="{escape(default)}"{t.dir_attribute(original)} class="portal-fallback-page">{body}</div>'

