"""Render the data blocks that prose pages ask for with `::: portal <block>` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import material
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .localize import Localizer
from .model import Portal
from .sections import BLOCK_SECTIONS
from .templates import COMPILED

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "portal"
ICON_DIR = Path(material.__file__).parent / "templates" / ".icons"

MARKER = re.compile(r"^::: portal (?P<name>[a-z0-9-]+)[ \t]*$", re.MULTILINE)


class UnplacedBlock(LookupError):
    """A link to a block that no page of the reader's language places (load.py reports it)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class PageLinks:
    """Turns a page of the reader's language (offerings/), or the block a page places, into a
    link relative to this page.

    Raw HTML is not rewritten by MkDocs, so block templates must write relative links themselves."""

    page_url: str  # "fr/commitment/"
    locale_root: str  # "fr/", or "" for the default language
    blocks: dict[str, str] = field(default_factory=dict, compare=False)  # block → its page, links.BlockPages.urls()
    left_out: frozenset[str] = frozenset()  # the blocks of the sections this portal leaves out

    def __call__(self, target: str) -> str:
        return get_relative_url(self.locale_root + target, self.page_url)

    def to_block(self, name: str, optional: bool = False) -> str | None:
        """The page that places block `name` in the reader's language, at the block's anchor if
        it has one ("../escalation/#your-region"). A block of a section the portal leaves out is
        None: the template writes no link. A block no page places is an error, or, if `optional`,
        None too."""
        if name in self.left_out:
            return None
        page = self.blocks.get(name)
        if page is None:
            if optional:
                return None
            raise UnplacedBlock(name)
        anchor = ANCHORS.get(name)
        return self(page) + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        """A file shared by every language, such as assets/portal/js/ticket-form.js."""
        return get_relative_url(path, self.page_url)


@cache
def icon(name: str) -> Markup:
    """Inline SVG of a Material icon, as Material's own emoji extension writes it."""
    svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(f'<span class="twemoji" aria-hidden="true">{svg}</span>')


def isolate(value: object) -> Markup:
    """A value that may run the other way from the page (a Latin name or address in an Arabic
    page, "24×5"), kept whole and in its own direction: <bdi> guesses it from its first letter."""
    return Markup("<bdi>{}</bdi>").format(value)


def address(email: str) -> Markup:
    """An e-mail address inside a sentence: isolated like any value, and kept whole on a line."""
    return Markup('<bdi class="portal-address">{}</bdi>').format(email)


def mailto(address: str) -> str:
    return "mailto:" + quote(address, safe="@")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=COMPILED,
    )
    env.globals.update(icon=icon, mailto=mailto, isolate=isolate, address=address)
    return env


BlockView = Callable[[Portal, Localizer], dict[str, Any]]
# The blocks are the sections' (sections.py); these are the views of those that need one.
BLOCKS: dict[str, BlockView] = {}
ANCHORS: dict[str, str] = {}  # block → the id of its element, which links to the block point at


def block(name: str, anchor: str | None = None) -> Callable[[BlockView], BlockView]:
    def register(view: BlockView) -> BlockView:
        if name not in BLOCK_SECTIONS:
            raise LookupError(f"block '{name}' is in no section of sections.py")
        BLOCKS[name] = view
        if anchor:
            ANCHORS[name] = anchor
        return view

    return register


def _no_view(portal: Portal, t: Localizer) -> dict[str, Any]:
    return {}


def render_block(name: str, portal: Portal, t: Localizer, link: PageLinks) -> Markup:
    context = BLOCKS.get(name, _no_view)(portal, t)
    template = environment().get_template(f"blocks/{name}.html")
    return Markup(template.render(portal=portal, t=t, link=link, yes_no=lambda value: yes_no(t, value), pair=lambda label, value, question=False: pair(t, label, value, question), **context))


def pair(t: Localizer, label: str, value: str, question: bool = False) -> Markup:
    """A label and its value, or a question and its answer, joined as the language joins them:
    "User ID: …", "Identifiant utilisateur : …"; no colon after a question mark."""
    if question:
        return t.text("common.question_answer", question=label, answer=value)
    return t.text("common.label_value", label=label, value=value)


def yes_no(t: Localizer, value: bool) -> Markup:
    """A check or a cross that says "Yes" or "No" to screen readers and in a tooltip."""
    answer = "yes" if value else "no"
    label = t.text(f"common.{answer}")
    glyph = icon("material/check" if value else "material/close")
    return Markup('<span class="portal-{0}" title="{1}">{2}<span class="portal-sr-only">{1}</span></span>').format(answer, label, glyph)


def block_names_in(markdown_text: str) -> list[tuple[int, str]]:
    return [(markdown_text.count("\n", 0, match.start()) + 1, match.group("name")) for match in MARKER.finditer(markdown_text)]
