"""The languages of one build spread over processes, one per core (`./portal build`).

mkdocs-static-i18n builds the default language, then every other language from the default's
on_post_build, one after the other in one process. When the environment variable
PORTAL_BUILD_JOBS asks for more than one process (`./portal build` sets it to `auto`: one per
core; a plain `mkdocs build` leaves it unset and builds as static-i18n does), the build order
(the default language first, then mkdocs.yml's order) is cut into as many runs of consecutive
languages, and:

- the first build's on_config, before the data is validated and anything written, forks a
  process for each run but the first (the fork shares the imports and the configuration). Every
  process validates what all languages share and checks its own languages' texts (their locale
  files' schema and placeholders, every block rendered in them: load.py); the main process takes
  the others' findings and stops the build, before writing anything, with the problems one
  process checking every language would have found. Each process builds its languages as
  static-i18n would have, one after the other into a folder of its own (`mkdocs build` on the
  same configuration, the language set as static-i18n sets it), writes their search indexes, and
  hands its log back;
- the main process builds the first run (the default language and those after it) into the site
  folder, skipping the others in static-i18n's loop, then, before the search indexes and
  everything that depends on the whole site (hooks/portal.py `_finish_site`), takes each
  process's result in order: its log is replayed as if its languages had been built here (so
  `--strict` counts its warnings, and a failure stops the build with the same message), with the
  hashes of its pages' inline scripts;
- the Content-Security-Policy made from all the hashes goes back to every process, which writes
  it into its pages and precompresses its files while the main process does the same with its
  own; then each process's languages' folders are moved into the site and its entries of
  sitemap.xml appended.

Each build writes only under its language's folder, but for the theme's files (the same in every
language), sitemap.xml and search/search_index.json at the root, which the default language's
process writes. The merged site is byte for byte the site of a sequential build
(tests/test_parallel.py builds both and compares every file).

Compiling the templates is most of what a first build on a machine costs more (Jinja's disk cache
is empty: a fresh clone, CI), and every process would compile those it uses. So the first build's
on_config, before validating the data, also forks a process that compiles the theme's and the
blocks' templates into that cache (`prime`), on the core the validation leaves idle: the
rendering check and every process then load them from there. A later build finds them compiled.

A data mistake stops the build as before: one line per problem, nothing written.
Without `os.fork` (Windows), or for `mkdocs serve` and `--dirty`, the build is sequential.
"""

from __future__ import annotations

import gc
import gzip
import logging
import multiprocessing
import os
import shutil
import struct
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from .compression import precompress
from .minify import SCRIPTS
from .security import Policy, page_hashes, write_policy

JOBS_VARIABLE = "PORTAL_BUILD_JOBS"
SITEMAP = "sitemap.xml"
_CLOSE = "\n</urlset>"


def requested_jobs(environ: dict[str, str] | None = None) -> int:
    """PORTAL_BUILD_JOBS: unset or empty, 1 (sequential); `auto`, one per core; or a number."""
    value = (os.environ if environ is None else environ).get(JOBS_VARIABLE, "").strip()
    if not value:
        return 1
    if value == "auto":
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    try:
        return max(1, int(value))
    except ValueError:
        raise Abort(f"{JOBS_VARIABLE} must be a number of processes or 'auto', not '{value}'") from None


def build_order(i18n: Any) -> list[str]:
    """The languages in the order static-i18n builds them: the default, then mkdocs.yml's order."""
    default = i18n.default_language
    return [default] + [locale for locale in i18n.build_languages if locale != default]


def runs(languages: list[str], jobs: int) -> list[list[str]]:
    """`languages` cut into at most `jobs` runs of consecutive languages, as even as they can be;
    the later runs get the extra language, as the first process also merges and finishes the site."""
    count = max(1, min(jobs, len(languages)))
    size, extra = divmod(len(languages), count)
    cut, start = [], 0
    for index in range(count):
        end = start + size + (1 if index >= count - extra else 0)
        cut.append(languages[start:end])
        start = end
    return cut


@dataclass
class Worker:
    languages: list[str]
    staging: Path
    process: Any
    connection: Any

    def receive(self, site: Path, replay: bool = True) -> dict[str, Any]:
        """The worker's next message, its log replayed here; its failure raised here."""
        try:
            message = self.connection.recv()
        except EOFError:
            self.process.join()
            message = {"records": [], "error": f"the process building {', '.join(self.languages)} ended without a result (exit code {self.process.exitcode})"}
        if replay or "abort" in message or "error" in message:
            _replay(message.get("records", []), str(self.staging), str(site))
        if "abort" in message:
            raise Abort(message["abort"])
        if "error" in message:
            raise RuntimeError(f"building {', '.join(self.languages)} in a parallel process failed:\n{message['error']}")
        return message


@dataclass
class Run:
    own: list[str]  # the languages this process builds, the default first
    workers: list[Worker] = field(default_factory=list)
    restore: Any = None  # puts static-i18n's build function back
    hashes: set[str] = field(default_factory=set)  # of the inline scripts of the workers' pages
    theme_compressed: Path | None = None  # the folder of the theme's files precompressed while waiting


_run: Run | None = None  # in the main process, while a parallel build is under way
_worker_languages: list[str] | None = None  # in a worker process: the languages it builds
_primer: Any = None  # the process compiling the templates, while it runs


def _planned(i18n: Any, command: str, dirty: bool) -> list[list[str]] | None:
    """The runs of languages, in the first build of `mkdocs build` when more than one process is asked."""
    if _run is not None or _worker_languages is not None or i18n.building or command != "build" or dirty:
        return None
    if i18n.current_language != i18n.default_language or "fork" not in multiprocessing.get_all_start_methods():
        return None
    cut = runs(build_order(i18n), requested_jobs())
    return cut if len(cut) > 1 else None


def _compiled_before() -> bool:
    """Whether Jinja's disk cache has a block template already (a build was made here before), or
    there is no disk cache to fill."""
    from .render import environment
    from .templates import COMPILED

    disk = COMPILED.disk
    if disk is None:
        return True
    env = environment()
    name = min(env.list_templates(extensions=["html"]))
    _, filename, _ = env.loader.get_source(env, name)
    return (Path(disk.directory) / (disk.pattern % disk.get_cache_key(name, filename))).exists()


def prime(config: Any, i18n: Any, command: str, dirty: bool = False) -> None:
    """Before the data is validated, in a first build here: fork a process that compiles the
    templates into Jinja's disk cache."""
    global _primer
    if _primer is not None or _planned(i18n, command, dirty) is None or _compiled_before():
        return
    _primer = multiprocessing.get_context("fork").Process(target=_compile_templates, args=(config, i18n), name="portal-build-templates", daemon=True)
    _primer.start()


def _compile_templates(config: Any, i18n: Any) -> None:
    """The theme's templates a page or a 404 page can use (those of the languages built), in an
    environment made as MkDocs and static-i18n make it for a build, and every block template (in
    the blocks' own environment: the theme's lists them too, under overrides/, but never renders them)."""
    from jinja2.ext import loopcontrols

    from .render import environment
    from .templates import COMPILED

    blocks = environment()  # first: the validation's rendering check needs them soonest
    for name in blocks.list_templates(extensions=["html"]):
        blocks.get_template(name)
    languages = {*i18n.build_languages, "en"}
    env = config.theme.get_env()
    env.add_extension(loopcontrols)  # static-i18n's on_env adds it
    env.bytecode_cache = COMPILED
    for name in env.list_templates(extensions=["html"]):
        language = name.removeprefix("partials/languages/").removesuffix(".html")
        if name.startswith(("fragments/", "blog", "portal/")) or (name.startswith("partials/languages/") and language not in languages):
            continue
        try:
            env.get_template(name)
        except Exception:  # noqa: BLE001 - a template the build never uses; the build reports its own
            pass


def start(config: Any, i18n: Any, command: str, dirty: bool = False) -> None:
    """In the first build of `mkdocs build`, before the data is validated: fork the process that
    compiles the templates and one for each run of languages but the first, and make static-i18n's
    loop here skip the languages they build."""
    global _run
    cut = _planned(i18n, command, dirty)
    if cut is None:
        return
    # The cycle collector writes into every object it visits, which makes each process copy the
    # pages it shares with the others; what exists now lives until the build ends anyway.
    gc.freeze()
    prime(config, i18n, command, dirty)
    _run = Run(own=cut[0])
    context = multiprocessing.get_context("fork")
    try:
        for languages in cut[1:]:
            staging = Path(tempfile.mkdtemp(prefix="portal-build-"))
            here, there = context.Pipe()
            process = context.Process(target=_work, args=(config, i18n, languages, staging, there),
                                      name=f"portal-build-{'-'.join(languages)}", daemon=True)
            process.start()
            there.close()
            _run.workers.append(Worker(languages, staging, process, here))
    except BaseException:
        abandon()
        raise
    _skip_in_static_i18n_loop(i18n, {locale for worker in _run.workers for locale in worker.languages})


def _skip_in_static_i18n_loop(i18n: Any, elsewhere: set[str]) -> None:
    import mkdocs_static_i18n.plugin as plugin

    build = plugin.build

    def build_unless_elsewhere(config: Any, **kwargs: Any) -> None:
        if i18n.current_language not in elsewhere:
            build(config, **kwargs)

    plugin.build = build_unless_elsewhere

    def restore() -> None:
        plugin.build = build

    _run.restore = restore


def in_worker() -> bool:
    return _worker_languages is not None


def languages_here() -> list[str] | None:
    """The languages whose texts this process checks and builds (None: every language, a sequential build)."""
    if _worker_languages is not None:
        return list(_worker_languages)
    return list(_run.own) if _run is not None else None


class _Peers:
    """load.Peers: the stages of the validation that check each language's texts, shared."""

    def exchange(self, index: int, stage: Any, stopping: bool) -> list[Any]:
        if _worker_languages is not None:  # to the main process; this one goes on with what it sees
            _connection.send({"stage": stage})
            return []
        return [worker.receive(Path(), replay=False)["stage"] for worker in _run.workers]

    def proceed(self) -> None:
        if _worker_languages is not None:
            _connection.recv()  # "go", once no process found a problem (else this one is stopped)
        else:
            for worker in _run.workers:
                worker.connection.send("go")


_PEERS = _Peers()  # one object: load._load's cache knows it again


def peers() -> _Peers | None:
    """The other processes checking their languages' texts, for load.load_portal (None: sequential)."""
    return _PEERS if _worker_languages is not None or _run is not None else None


def last_language_here(i18n: Any, outer: str) -> str:
    """The language of the last build this process makes, which writes sitemap.xml for good.
    `outer`: the language of the build static-i18n's loop runs from (for `mkdocs serve`, whichever
    was built last before)."""
    if _worker_languages is not None:
        return _worker_languages[-1]
    if _run is not None:
        return _run.own[-1]
    others = [locale for locale in i18n.build_languages if locale != outer]
    return others[-1] if others else outer


def merge(config: Any) -> list[str] | None:
    """In the main process, once its own languages are built: wait for each worker in order, replay
    its log, keep its pages' script hashes. Returns the languages whose search indexes are still to
    be written here (None: all, a sequential build; in a worker, its own)."""
    if _worker_languages is not None:
        return list(_worker_languages)
    run = _run
    if run is None:
        return None
    if run.restore is not None:
        run.restore()
        run.restore = None
    # While the workers finish: the theme's files, which nothing changes once the languages are
    # built (but our scripts, minified at the very end), precompressed now.
    run.theme_compressed = Path(config.site_dir) / "assets"
    precompress(run.theme_compressed, skip=lambda path: SCRIPTS in path.relative_to(run.theme_compressed.parent).parents)
    for worker in run.workers:
        run.hashes |= worker.receive(Path(config.site_dir))["hashes"]
    return list(run.own)


def precompressed(path: Path) -> bool:
    """Whether `path` was precompressed already, while waiting for the workers (`compression.precompress`'s skip)."""
    folder = _run.theme_compressed if _run is not None else None
    return folder is not None and folder in path.parents and SCRIPTS not in path.relative_to(folder.parent).parents


def hashes_elsewhere() -> set[str]:
    """The hashes of the inline scripts of the pages the workers wrote (none in a sequential build)."""
    return set(_run.hashes) if _run is not None else set()


def share(policy: Policy) -> None:
    """Send the site's Content-Security-Policy to the workers: each writes it into its pages and
    precompresses its files."""
    if _run is not None:
        for worker in _run.workers:
            worker.connection.send(policy)


def finish(config: Any) -> None:
    """Once the workers are done: their languages moved into the site, their entries appended to
    sitemap.xml."""
    run = _run
    if run is None:
        return
    site = Path(config.site_dir)
    try:
        parts = []
        for worker in run.workers:
            worker.receive(site)
            worker.process.join()
            for locale in worker.languages:
                target = site / locale
                if target.exists():
                    shutil.rmtree(target)
                shutil.move(str(worker.staging / locale), str(target))
            parts.append(sitemap_entries((worker.staging / SITEMAP).read_text(encoding="utf-8")))
        _append_to_sitemap(site, parts)
    finally:
        abandon()


def abandon() -> None:
    """Stop the workers that are still running and remove their folders (after a failure, or once merged)."""
    global _run, _primer
    if _primer is not None:  # it takes well under a second: let it write what it compiles
        _primer.join(10)
        if _primer.is_alive():
            _primer.terminate()
            _primer.join()
        _primer = None
    run, _run = _run, None
    if run is None:
        return
    if run.restore is not None:
        run.restore()
    for worker in run.workers:
        if worker.process.is_alive():
            worker.process.terminate()
        worker.process.join()
        worker.connection.close()
        shutil.rmtree(worker.staging, ignore_errors=True)


# --- in a worker process ------------------------------------------------------------------------


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append({"name": record.name, "levelno": record.levelno, "levelname": record.levelname, "msg": record.getMessage()})

    def take(self) -> list[dict[str, Any]]:
        records, self.records = self.records, []
        return records


def _failure() -> dict[str, str]:
    """What went wrong, for the main process to raise (called in an `except` block)."""
    import sys

    error = sys.exc_info()[1]
    if isinstance(error, Abort):  # a BuildError, or warnings under --strict, as logged
        return {"abort": error.format_message()}
    return {"error": traceback.format_exc()}


_connection: Any = None  # in a worker: its end of the pipe to the main process


def _work(config: Any, i18n: Any, languages: list[str], staging: Path, connection: Any) -> None:
    global _run, _worker_languages, _primer, _connection
    _run, _worker_languages, _primer, _connection = None, languages, None, connection
    recorder = _Recorder()
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(recorder)
    roots = [staging / locale for locale in languages]
    try:
        _build(config, i18n, languages, staging)
        hashes = set().union(*(page_hashes(root) for root in roots))
    except BaseException:
        connection.send({"records": recorder.take(), **_failure()})
        return
    connection.send({"records": recorder.take(), "hashes": hashes})
    try:
        policy = connection.recv()
    except EOFError:  # the main process gave up
        return
    try:
        for root in roots:
            write_policy(root, policy)
            precompress(root)
    except BaseException:
        connection.send({"records": recorder.take(), **_failure()})
        return
    connection.send({"records": recorder.take()})


def _build(config: Any, i18n: Any, languages: list[str], staging: Path) -> None:
    """Build `languages` one after the other into `staging`, as static-i18n's loop would."""
    from mkdocs import utils
    from mkdocs.commands.build import build
    from mkdocs_static_i18n.utils import I18nLoggingFilter

    quiet = I18nLoggingFilter()  # static-i18n's: one "Documentation built" line for the whole build
    quiet.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    utils.clean_directory = lambda directory: None  # each build adds its language to the folder
    config.site_dir = str(staging)
    i18n.building = True
    for locale in languages:
        i18n.current_language = locale
        build(config)
    i18n.reconfigure_search_index(config)  # the search indexes of these languages (search.install)


# --- in the main process, merging ---------------------------------------------------------------


def _replay(records: list[dict[str, Any]], staging: str, site: str) -> None:
    for fields in records:
        record = logging.makeLogRecord({**fields, "msg": fields["msg"].replace(staging, site), "args": None})
        logging.getLogger(fields["name"]).handle(record)


def sitemap_entries(text: str) -> str:
    """The <url> entries of a sitemap.xml as static-i18n's template writes it, between the line
    that opens <urlset> and the one that closes it."""
    start = text.index(">", text.index("<urlset")) + 1
    return text[start : text.rindex(_CLOSE)]


def _append_to_sitemap(site: Path, parts: list[str]) -> None:
    """Add the workers' entries to sitemap.xml and write sitemap.xml.gz again as MkDocs does (the
    same build date in its header)."""
    path = site / SITEMAP
    text = path.read_text(encoding="utf-8")
    end = text.rindex(_CLOSE)
    text = text[:end] + "".join(parts) + text[end:]
    path.write_bytes(text.encode("utf-8"))
    packed = site / f"{SITEMAP}.gz"
    (mtime,) = struct.unpack("<I", packed.read_bytes()[4:8])
    with open(packed, "wb") as file, gzip.GzipFile(fileobj=file, filename=str(packed), mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
