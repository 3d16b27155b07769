"""The translators' command line: `./portal i18n status` and `./portal i18n review`.

Run as `python -m partner_portal.i18n` (or `./portal i18n`). `status` prints what the build's
translation status holds (translations.py), for every language or the ones named; `review`
records the English text a translation was checked against (locales/<lang>.sources.yml).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import yaml

from .errors import PortalDataError
from .load import load_portal
from .source import SourceError, load_source
from .translations import TranslationStatus, dotted, one_line, read_records, write_records
from .validate import flatten


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !!python/name tags."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def configured_languages(root: Path) -> tuple[tuple[str, ...], str]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            built = tuple(language["locale"] for language in languages if language.get("build", True))
            default = next(language["locale"] for language in languages if language.get("default"))
            return built, default
    raise SystemExit("mkdocs.yml has no i18n plugin with languages")


def review(root: Path, locale: str, keys: list[str], everything: bool = False) -> str:
    """Record the current English text of `keys` (or of every translated string) as the text the
    translation in `locale` was checked against; returns what was done, in one sentence."""
    _, default = configured_languages(root)
    if locale == default:
        raise SystemExit(f"{locale} is the source language: its strings are the reference, there is nothing to review")
    try:
        english_source = load_source(root / "locales" / f"{default}.yml", f"locales/{default}.yml")
        translated_source = load_source(root / "locales" / f"{locale}.yml", f"locales/{locale}.yml")
    except FileNotFoundError as error:
        raise SystemExit(f"{error.filename} does not exist") from None
    except SourceError as error:
        raise SystemExit(str(error.problem)) from None
    english = {dotted(path): text for path, text in flatten(english_source.data).items()}
    translated = {dotted(path): text for path, text in flatten(translated_source.data).items()}
    records, _, problems = read_records(root, locale)
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))

    if everything:
        chosen = [key for key in english if key in translated]
    else:
        chosen = []
        for wanted in keys:
            matches = [key for key in english if key == wanted or key.startswith(wanted + ".")]
            if not matches:
                hint = difflib.get_close_matches(wanted, list(english), n=1)
                raise SystemExit(f"'{wanted}' is no key of locales/{default}.yml" + (f"; did you mean '{hint[0]}'?" if hint else ""))
            untranslated = [key for key in matches if key not in translated]
            if untranslated and len(matches) == 1:
                raise SystemExit(f"'{wanted}' is not translated in locales/{locale}.yml yet: translate it first, then mark it reviewed")
            chosen.extend(key for key in matches if key in translated)
    changed = [key for key in chosen if records.get(key) != english[key]]
    for key in chosen:
        records[key] = english[key]
    # Keep records only for strings that still exist and are still translated.
    records = {key: text for key, text in records.items() if key in english and key in translated}
    path = write_records(root, locale, records, list(english))
    count = len(chosen)
    was = "1 was" if len(changed) == 1 else f"{len(changed)} were"
    return f"{count} string{'s' if count != 1 else ''} of locales/{locale}.yml marked reviewed against the current English ({was} outdated); recorded in {path.relative_to(root).as_posix()}"


def _print_status(root: Path, wanted: list[str]) -> int:
    built, default = configured_languages(root)
    try:
        portal = load_portal(root, built, default)
    except PortalDataError as error:
        print(error, file=sys.stderr)
        return 1
    status: TranslationStatus = portal.translation
    for locale, entry in status.locales.items():
        if wanted and locale not in wanted:
            continue
        print(entry.summary())
        for item in entry.undescribed:
            print(f"  no description  {entry.file}:{item['line']}: {item['key']}")
        for item in entry.missing:
            print(f"  missing         {entry.file}: {item['key']}  (English: {one_line(item['english'])[:70]})")
        for item in entry.outdated:
            why = "never marked reviewed" if item["reason"] == "unreviewed" else f"English was: {one_line(item['previous_english'])[:60]}"
            print(f"  outdated        {entry.file}:{item['line']}: {item['key']}  ({why})")
        for item in entry.unused:
            hint = f"; did you mean {item['suggestion']}?" if item["suggestion"] else ""
            why = f"  ({item['reason']})" if item.get("reason") else ""  # a key of a section the portal leaves out
            print(f"  unused          {entry.file}:{item['line']}: {item['key']}{hint}{why}")
        for item in entry.over_limit:
            print(f"  over the limit  {entry.file}:{item['line']}: {item['key']}  ({item['length']} characters, at most {item['limit']}: {one_line(item['text'])[:60]})")
        for item in entry.pages_missing:
            print(f"  page missing    {item['file']}  (shown from {item['english']})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./portal i18n", description="Translation status and review records (TRANSLATING.md).")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("status", help="what each language has, lacks and should re-check")
    show.add_argument("locales", nargs="*", help="only these languages (default: all)")
    mark = commands.add_parser("review", help="mark translated strings as checked against the current English")
    mark.add_argument("locale", help="the language code, as in locales/<code>.yml")
    mark.add_argument("keys", nargs="*", help="keys such as ticket.fields.product.label, or a group such as ticket.fields")
    mark.add_argument("--all", action="store_true", help="every translated string of the language")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "status":
        return _print_status(root, args.locales)
    if not args.keys and not args.all:
        parser.error("name the keys to mark reviewed, or give --all")
    print(review(root, args.locale, args.keys, everything=args.all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
