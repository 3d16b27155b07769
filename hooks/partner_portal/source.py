"""Read one YAML file safely, remembering the line of every key and rejecting duplicate keys.

PyYAML silently keeps the last of two equal keys; a maintainer who pastes a block twice would
never know. We compose the node tree with the safe loader and build the Python values ourselves,
so each value keeps the line it came from and a second equal key is an error.

Aliases (`*name`) are refused: building values from the tree would expand each one anew, and
nine lines of nested aliases ("billion laughs") then grow to gigabytes. Our files never need one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import KeyPath, Problem


@dataclass
class Source:
    """A parsed YAML file: its values, and the line where each key path starts."""

    name: str  # as shown to the user, relative to the project
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    # validate.schema_problems' findings, by schema: a file parsed once is checked once, and
    # mkdocs serve keeps an unchanged file's Source from one rebuild to the next (load.py).
    schema_checks: dict[str, list[Problem]] = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: KeyPath, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), tuple(path), message)


class SourceError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def load_source(path: Path, name: str) -> Source:
    """Parse `path`; raise SourceError naming the file and line for bad syntax, a duplicate key or an alias."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(Problem(name, 1, (), f"is not valid UTF-8 ({error.reason})")) from None
    try:
        return _parse(text, name, FAST_LOADER)
    except SourceError:
        if FAST_LOADER is yaml.SafeLoader:
            raise
    # libyaml words its errors differently: say what went wrong as PyYAML's own parser does.
    return _parse(text, name, yaml.SafeLoader)


# libyaml's parser (PyYAML's C binding, in its Linux wheels) builds the same nodes, with the same
# lines, about ten times faster; the pure-Python one is used where it is missing.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, name: str, loader_class: type) -> Source:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        source = Source(name, None)
        source.data = {} if node is None else _build(node, (), source, loader, set())
        return source
    except _Alias as alias:
        event = _first_alias(text, loader_class)
        message = f"YAML alias '*{event.anchor}' is not allowed: aliases repeat data, and nested ones expand a small file without bound; write the value out"
        raise SourceError(Problem(name, event.start_mark.line + 1, alias.path, message)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or "invalid YAML"
        if error.context and error.context_mark and error.context_mark.line + 1 != line:
            reason += f" ({error.context} on line {error.context_mark.line + 1})"
        raise SourceError(Problem(name, line, (), f"YAML syntax error: {reason}")) from None
    finally:
        loader.dispose()


class _Alias(Exception):
    def __init__(self, path: KeyPath) -> None:
        super().__init__(path)
        self.path = path


def _first_alias(text: str, loader_class: type) -> yaml.AliasEvent:
    """The first alias of `text`: the composed tree keeps no trace of where an alias was written."""
    loader = loader_class(text)
    try:
        while loader.check_event() and not loader.check_event(yaml.AliasEvent):
            loader.get_event()
        return loader.get_event()
    finally:
        loader.dispose()


def _visit(node: yaml.Node, path: KeyPath, seen: set[int]) -> None:
    # The composer gives an alias the very node its anchor names: a node met twice is an alias.
    if id(node) in seen:
        raise _Alias(path)
    seen.add(id(node))


def _build(node: yaml.Node, path: KeyPath, source: Source, loader: yaml.SafeLoader, seen: set[int]) -> Any:
    _visit(node, path, seen)
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError(source.problem(path, "a key must be a plain value, not a list or mapping"))
            _visit(key_node, path, seen)
            key = loader.construct_object(key_node)
            if key in result:
                first = source.lines[path + (key,)]
                raise SourceError(
                    Problem(
                        source.name,
                        key_node.start_mark.line + 1,
                        path + (key,),
                        f"duplicate key '{key}' (first defined on line {first}); YAML would keep only the last one",
                    )
                )
            source.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), source, loader, seen)
            source.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), source, loader, seen) for index, item in enumerate(node.value)]
    return loader.construct_object(node)
