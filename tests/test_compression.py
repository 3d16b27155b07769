"""Precompressed files: what a build compressed is kept by content and read back by the next."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from partner_portal import compression


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(compression, "private_cache", lambda name: folder)
    return folder


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


PAGE = "<!doctype html><title>Escalation</title>" + "<p>Severity 1: the service is down for every user.</p>" * 40


def test_the_second_build_reads_what_the_first_compressed(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _site(tmp_path / "first", {"index.html": PAGE, "fr/index.html": PAGE.replace("Escalation", "Remontée"), "a.css": "b{}"})
    compression.precompress(first)
    assert len(list(cache.iterdir())) == 3
    assert gzip.decompress((first / "index.html.gz").read_bytes()).decode() == PAGE
    assert brotli.decompress((first / "fr/index.html.br").read_bytes()).decode() == PAGE.replace("Escalation", "Remontée")
    assert not (first / "a.css.gz").exists()  # larger than the file: none

    calls: list[int] = []
    monkeypatch.setattr(compression, "_compress", lambda data: calls.append(len(data)) or pytest.fail("compressed again"))
    second = _site(tmp_path / "second", {"index.html": PAGE, "fr/index.html": PAGE.replace("Escalation", "Remontée"), "a.css": "b{}"})
    compression.precompress(second)
    for name in ("index.html.gz", "index.html.br", "fr/index.html.gz", "fr/index.html.br"):
        assert (second / name).read_bytes() == (first / name).read_bytes()
    assert not (second / "a.css.gz").exists()


def test_a_changed_page_is_compressed_again_and_a_cut_entry_made_again(tmp_path: Path, cache: Path) -> None:
    site = _site(tmp_path / "site", {"index.html": PAGE})
    compression.precompress(site)
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-10])  # a disk that filled up
    compression.precompress(site)
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode() == PAGE
    assert brotli.decompress((site / "index.html.br").read_bytes()).decode() == PAGE
    (site / "index.html").write_text(PAGE + "<p>new</p>", encoding="utf-8")
    compression.precompress(site)
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode() == PAGE + "<p>new</p>"
    assert len(list(cache.iterdir())) == 2


def test_the_oldest_entries_are_forgotten_past_the_limit(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compression, "KEPT", 4)
    for number in range(5):
        compression.precompress(_site(tmp_path / f"site{number}", {"index.html": f"{PAGE}{number}"}))
    # the sixth build finds 5 entries, over the limit: the 2 newest are kept, and its own added
    compression.precompress(_site(tmp_path / "site5", {"index.html": f"{PAGE}5"}))
    assert len(list(cache.iterdir())) == 3


def test_without_a_cache_folder_the_files_are_compressed_all_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compression, "private_cache", lambda name: None)
    site = _site(tmp_path / "site", {"index.html": PAGE})
    compression.precompress(site)
    assert brotli.decompress((site / "index.html.br").read_bytes()).decode() == PAGE
