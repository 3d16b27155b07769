"""Every text file of the site precompressed, file.gz and file.br next to it, for the hosts that
send them (hosting.py says which do).

A build writes mostly what the last one wrote: Material's files always, and every page whose data,
texts and prose did not change. What was compressed is kept by its content in a folder of the
user's own, next to Jinja's compiled templates (templates.private_cache), so such a file is read
back, not compressed again: 0.05 to 0.1 s of each build process (benchmarks/README.md). The key
holds the levels and the brotli version; the output is the same bytes either way.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import tempfile
from pathlib import Path
from typing import Callable

import brotli

from .templates import private_cache

# Measured on the sample's 89 text files (2.6 MB): brotli 11 makes them 506 KB in 2.8 s, 9 561 KB in
# 0.36 s, 5 573 KB in 0.04 s; gzip 9 602 KB in 0.17 s, 6 606 KB in 0.06 s. The lower levels cost
# readers 1-2 % in bytes and keep the build fast.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg")
SUFFIXES = (".gz", ".br")
KEPT = 4000  # entries in the cache (a forty-language portal has about 500 text files); the oldest go first
_SALT = f"gzip {GZIP_LEVEL}, brotli {BROTLI_QUALITY} {brotli.version}\n".encode()


def precompress(site_dir: Path, skip: Callable[[Path], bool] = lambda path: False) -> None:
    """file.gz and file.br next to every text file, where they are smaller (but the files `skip`
    says were done already)."""
    cache = private_cache("precompressed")
    if cache is not None:
        _forget_oldest(cache)
    for path in site_dir.rglob("*"):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or skip(path):
            continue
        data = path.read_bytes()
        for suffix, packed in zip(SUFFIXES, _packed(data, cache)):
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
            else:
                target.unlink(missing_ok=True)


def _compress(data: bytes) -> tuple[bytes, bytes]:
    return gzip.compress(data, GZIP_LEVEL, mtime=0), brotli.compress(data, quality=BROTLI_QUALITY)


def _packed(data: bytes, cache: Path | None) -> tuple[bytes, bytes]:
    if cache is None:
        return _compress(data)
    kept = cache / hashlib.sha256(_SALT + data).hexdigest()
    try:
        entry = kept.read_bytes()
        gz_length, br_length = struct.unpack_from(">QQ", entry)
        if len(entry) == 16 + gz_length + br_length:  # else cut short (a full disk): made again
            os.utime(kept)  # used: among the last to be forgotten
            return entry[16 : 16 + gz_length], entry[16 + gz_length :]
    except (OSError, struct.error):
        pass
    gz, br = _compress(data)
    try:
        # Another build process may read it meanwhile: it sees the whole entry or none.
        with tempfile.NamedTemporaryFile(dir=cache, delete=False) as part:
            part.write(struct.pack(">QQ", len(gz), len(br)) + gz + br)
        os.replace(part.name, kept)
    except OSError:
        pass  # a full disk costs speed, never the build
    return gz, br


def _forget_oldest(cache: Path) -> None:
    try:
        entries = list(os.scandir(cache))
        if len(entries) <= KEPT:
            return
        by_age = sorted(entries, key=lambda entry: entry.stat().st_mtime)
        for entry in by_age[: len(entries) - KEPT // 2]:
            os.unlink(entry.path)
    except OSError:  # another build process forgot them first
        pass
