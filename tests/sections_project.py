"""A scratch copy of the project made smaller by hand, as a vendor would cut the sample down:
data files, keys, pages, page lines and locale keys removed (tests/test_sections.py)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import LOCALES
from test_links import rename

# What a portal without priority support, offerings, catalogue and leaders removes from every
# locale file, written out here rather than read from hooks/partner_portal/sections.py, so that
# the registry is checked against it (nothing of it may be asked; nothing else may be unused).
PORTAL_WITHOUT_OPTIONS_KEYS = (
    "priority.", "tools.priority.",  # priority support and its check
    "offerings.", "contact_channels.toll-free-phone.text", "contact_channels.chat-and-phone.",  # offerings
    "ticket.categories.", "ticket.products_in_catalogue", "ticket.fields.product.help",  # catalogue
    "leaders.", "home.quote_label",  # leaders
)


def drop_block_line(project: Path, page: str, block: str) -> None:
    """Remove `::: portal <block>` from docs/<lang>/<page> of every language, with the heading
    right above it when the block is all that heading introduces."""
    for locale in LOCALES:
        path = project / "docs" / locale / page
        lines = path.read_text(encoding="utf-8").split("\n")
        index = lines.index(f"::: portal {block}")
        start = index
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        if start > 0 and lines[start - 1].startswith("## "):
            start -= 1
        end = index + 1
        while end < len(lines) and not lines[end].strip() and start > 0:
            end += 1
        if end == len(lines):  # the block closed the page: keep one final newline
            lines[start:end] = [""]
        else:
            lines[start:end] = []
        path.write_text("\n".join(lines), encoding="utf-8")


_KEY = re.compile(r"^(?P<indent> *)(?P<key>[^\s#][^:]*):(?P<value>.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _end_of(lines: list[str], index: int) -> int:
    """The line after the key at `index` and everything under it (its value's continuation lines,
    or its nested keys), blank lines before the next key excluded."""
    end = index + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > _indent(lines[index])):
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def delete_locale_keys(path: Path, names: tuple[str, ...]) -> list[str]:
    """Delete from a locale file the keys `names` ("priority." and every key under it, or one
    key), their descriptions (the comment lines right above them) and their continuation lines,
    keeping every other line as it is. Returns the dotted keys deleted."""
    lines = path.read_text(encoding="utf-8").split("\n")
    keep = [True] * len(lines)
    stack: list[tuple[int, str]] = []  # (indent, key) of the mappings the line is in
    deleted: list[str] = []
    index = 0
    while index < len(lines):
        match = _KEY.match(lines[index])
        if not match or lines[index].lstrip().startswith("#"):
            index += 1
            continue
        indent = len(match["indent"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, match["key"].strip().strip('"')))
        dotted = ".".join(key for _, key in stack)
        if any(dotted == name.rstrip(".") for name in names):
            start = index
            while start > 0 and lines[start - 1].lstrip().startswith("#") and _indent(lines[start - 1]) == indent:
                start -= 1
            end = _end_of(lines, index)
            keep[start:end] = [False] * (end - start)
            deleted.append(dotted)
            index = end
        elif match["value"].strip() and not match["value"].strip().startswith("#"):
            index = _end_of(lines, index)  # a text, perhaps on several lines: no key inside
        else:
            index += 1
    path.write_text("\n".join(line for line, kept in zip(lines, keep) if kept), encoding="utf-8")
    return deleted


def without_options(project: Path) -> Path:
    """The sample without priority support (and so its check), offerings, product catalogue and
    leaders, and with `tools:` naming the two tools left: data, pages, navigation, page lines and
    locale keys removed."""
    for name in ("priority", "tiers", "catalogue"):
        (project / "data" / f"{name}.yml").unlink()
    programme = project / "data" / "programme.yml"
    text = programme.read_text(encoding="utf-8")
    text, count = re.subn(r"\nleaders:\n(?:  .*\n)+", "\ntools: [response-time-calculator, escalation-finder]\n", text)
    assert count == 1
    programme.write_text(text, encoding="utf-8")
    rename(project, "priority-support.md", None)
    rename(project, "offerings.md", None)
    drop_block_line(project, "index.md", "leaders")
    drop_block_line(project, "ticket.md", "product-catalogue")
    for locale in LOCALES:
        delete_locale_keys(project / "locales" / f"{locale}.yml", PORTAL_WITHOUT_OPTIONS_KEYS)
    return project
