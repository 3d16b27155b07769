"""Compile each Jinja template once, not once per language and per build.

mkdocs-static-i18n runs the whole build once per language, and each run gives MkDocs a new
Jinja environment that compiles Material's templates again from source; our block templates
are compiled by every new process. Compiling is most of what Jinja costs here (about a third of
a three-language build). Compiled templates are kept in memory for the process (every language,
every rebuild of `mkdocs serve`) and on disk for the next build, in Jinja's own per-user cache
directory (in the system's temporary directory, private to the user; Jinja refuses a directory
it does not own). Jinja checks each entry against the template's source and Python version, so
an edited template is compiled afresh; without a usable directory the cache is memory only.
benchmarks/README.md has the figures.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self, disk: BytecodeCache | None) -> None:
        self._memory: dict[str, bytes] = {}
        self._disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._memory.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja if the source's checksum differs
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._memory[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            try:
                self._disk.dump_bytecode(bucket)
            except OSError:
                self._disk = None  # a full or read-only disk costs speed, never the build

    def clear(self) -> None:
        self._memory.clear()

    @property
    def disk(self) -> BytecodeCache | None:
        return self._disk


def _disk_cache() -> BytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no temporary directory, or one that is not ours alone
        return None


COMPILED = CompiledTemplates(_disk_cache())


def private_cache(name: str) -> Path | None:
    """A folder for another of the build's caches, inside Jinja's (which Jinja makes sure is the
    user's alone); None without it."""
    disk = COMPILED.disk
    if not isinstance(disk, FileSystemBytecodeCache):
        return None
    folder = Path(disk.directory) / name
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder
