"""The one kind of error a maintainer or translator sees: file, line, key path, message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from mkdocs.exceptions import PluginError

KeyPath = tuple[str | int, ...]


def format_key_path(path: Sequence[str | int]) -> str:
    """Render ('regions', 3, 'levels') as regions[3].levels, the way a YAML reader thinks of it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: KeyPath
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {format_key_path(self.path)}: {self.message}"


class PortalDataError(PluginError):
    """Raised before anything is written; MkDocs prints the message, without a traceback."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, str(p.path), p.message))
        count = len(self.problems)
        heading = "1 problem in the portal's data" if count == 1 else f"{count} problems in the portal's data"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{heading}; nothing was built:\n{lines}")
