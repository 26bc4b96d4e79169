"""The engine: bytes in, findings out, for one file at a time.

``Linter.lint_bytes`` is a pure function of the file's bytes and the settings,
which is what lets the CLI run files in parallel and cache their results.
Nothing here raises on bad input: every problem becomes a one-line error on
the file's result.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import signal
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factlint.api import Check, Issue, Related
from factlint.config import Settings
from factlint.document import Document
from factlint.findings import Finding, RelatedLocation
from factlint.registry import Registry
from factlint.source import Source, SourceError, decode
from factlint.suppression import Suppressions


# The checks of one file may take this long in all; then they are stopped and the run goes on.
CHECKS_TIME_LIMIT = 60.0
NO_PUBLICATION_DATE = ("info: no publication date (no front-matter date key, HTML date metadata or --published); "
                       "checks that count from it said nothing about such dates")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be checked at all
    warnings: list[str] = field(default_factory=list)  # checked, but something is worth saying
    complete: bool = True  # False when a check failed or ran out of time (such results are not cached)
    notes: list[str] = field(default_factory=list)  # informational, e.g. no publication date was found


def selector_matches(selector: str, cls: type[Check]) -> bool:
    """A selector is a code ("D101"), a code prefix or family letter ("D", "D1") or a name."""
    if selector == "ALL":
        return True
    upper = selector.upper()
    if len(upper) <= 4 and upper[:1].isalpha() and (upper[1:].isdigit() or len(upper) == 1) \
            and cls.code.startswith(upper):
        return True
    return selector.lower() == cls.name


def select_checks(registry: Registry, settings: Settings) -> list[type[Check]]:
    checks = registry.sorted()
    if settings.select:
        chosen = [c for c in checks if any(selector_matches(s, c) for s in settings.select)]
    else:
        chosen = [c for c in checks if c.enabled_by_default]
    chosen += [c for c in checks if c not in chosen and any(selector_matches(s, c) for s in settings.extend_select)]
    return [c for c in chosen if not any(selector_matches(s, c) for s in settings.ignore)]


def severity_for(cls: type[Check], settings: Settings) -> str:
    """The configured severity: an exact code or name wins over a prefix, a longer prefix over a shorter."""
    best, severity = -1, cls.severity
    for selector, value in settings.severity.items():
        if selector.upper() == cls.code or selector.lower() == cls.name:
            rank = 10
        elif selector_matches(selector, cls):
            rank = 0 if selector == "ALL" else len(selector)
        else:
            continue
        if rank > best:
            best, severity = rank, value
    return severity


def relative_path(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


class Linter:
    def __init__(self, settings: Settings, registry: Registry, published: dt.date | None = None,
                 facts: object = None) -> None:
        self.settings = settings
        self.published = published
        self.facts = facts
        self.problems: list[str] = []  # checks that could not even be created, one line each
        self.known = registry.sorted()  # every check a suppression may name, selected or not
        self.checks: list[Check] = []
        for cls in select_checks(registry, settings):
            try:
                self.checks.append(cls())
            except Exception as exc:
                self.problems.append(f"check {cls.code} {cls.name} could not start ({_reason(exc)}); it is skipped")
        self.severities = {c.code: severity_for(type(c), settings) for c in self.checks}

    def lint_path(self, path: str) -> FileResult:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            return FileResult(path, error="is a directory")
        except FileNotFoundError:
            return FileResult(path, error="no such file")
        except PermissionError:
            return FileResult(path, error="permission denied")
        except OSError as exc:
            return FileResult(path, error=f"cannot read ({exc.strerror or exc})")
        return self.lint_bytes(path, data)

    def lint_bytes(self, path: str, data: bytes, kind: str | None = None) -> FileResult:
        try:
            source = decode(path, data, kind)
        except SourceError as exc:
            return FileResult(path, error=str(exc))
        return self.lint_source(source)

    def lint_source(self, source: Source) -> FileResult:
        """Lint decoded text (what the Python API calls: its offsets are offsets into ``source.text``)."""
        from factlint.readers import read

        path = source.path
        try:
            doc = read(source, self.published, self.settings)
        except SourceError as exc:
            return FileResult(path, error=str(exc))
        except RecursionError:
            return FileResult(path, error="markup nested too deeply to read")
        except Exception as exc:  # a reader bug must not take the other files down with it
            return FileResult(path, error=f"could not be read ({_reason(exc)}); please report this")
        doc.facts = self.facts
        result = FileResult(path, warnings=list(doc.warnings))
        ignored = self._per_file_ignores(path)
        checks = [c for c in self.checks if not any(selector_matches(s, type(c)) for s in ignored)]
        findings: list[Finding] = []
        suppressions = Suppressions(doc)
        with _deadline(CHECKS_TIME_LIMIT):
            for n, check in enumerate(checks):
                try:
                    issues = [_valid(issue, len(doc.text)) for issue in check.run(doc)]
                except Exception as exc:  # a failing check is reported and the run goes on
                    result.warnings.append(f"check {check.code} {check.name} failed ({_reason(exc)}); "
                                           "its findings are missing")
                    result.complete = False
                    continue
                except TimeUp:
                    missing = ", ".join(c.code for c in checks[n:])
                    result.warnings.append(f"checks stopped after {CHECKS_TIME_LIMIT:g} s on this file, in "
                                           f"{check.code} {check.name}; findings of {missing} are missing")
                    result.complete = False
                    break
                findings += (self._finding(doc, check, issue) for issue in issues
                             if not suppressions.covers(type(check), issue.start))
        ran = {c.code for c in checks}
        findings += suppressions.findings(self.known, [type(c) for c in checks] if result.complete else [],
                                          "S001" in ran, "S002" in ran)
        if doc.published_missing:
            result.notes.append(NO_PUBLICATION_DATE)
        findings.sort(key=Finding.sort_key)
        result.findings = findings
        return result

    def _per_file_ignores(self, path: str) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
        rel = relative_path(path, self.settings.root)
        return [code for pattern, codes in self.settings.per_file_ignores.items()
                if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern) for code in codes]

    def _finding(self, doc: Document, check: Check, issue: Issue) -> Finding:
        end = max(issue.end, issue.start + 1) if doc.text else issue.end
        start, stop = _source_span(doc, issue.start, end)
        line, col = doc.source.line_col(start)
        end_line, end_col = doc.source.line_col(stop)
        related = []
        for rel in issue.related:
            r_start, r_stop = _source_span(doc, rel.start, max(rel.end, rel.start + 1))
            related.append(RelatedLocation(doc.path, *doc.source.line_col(r_start), *doc.source.line_col(r_stop),
                                           rel.message, r_start, r_stop))
        fix = None
        if issue.suggestion is not None:
            from factlint.fixes import fix_for

            fix = fix_for(doc, check.code, issue.start, issue.end, issue.suggestion)
        return Finding(path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
                       code=check.code, name=check.name, severity=self.severities[check.code],
                       message=issue.message, related=tuple(related), suggestion=issue.suggestion,
                       start=start, end=stop, fix=fix, excerpt=" ".join(doc.text[issue.start:issue.end].split()))


def _source_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Code-point offsets into the source of the prose span (as ``Document.span_position`` maps it)."""
    s = doc.to_source(start)
    return s, max(doc.to_source_end(end), s)


class TimeUp(BaseException):
    """The checks of one file ran out of time (a BaseException, so ``except Exception`` in a check cannot eat it)."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise TimeUp in the running code after ``seconds``.

    On the main thread a SIGALRM timer does it; on any other thread (a Dask
    worker, a server's request thread) a timer thread raises TimeUp in this
    thread asynchronously, which takes effect at its next Python instruction.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_deadline(seconds):
            yield
        return

    def time_up(signum: int, frame: object) -> None:
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _thread_deadline(seconds: float) -> Iterator[None]:
    import ctypes

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def time_up() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeUp))

    timer = threading.Timer(seconds, time_up)
    timer.daemon = True
    try:
        timer.start()
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:  # not yet delivered when the body ended: withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        timer.cancel()


def _reason(exc: BaseException) -> str:
    """``Type: message at file:line`` of the innermost frame, on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    message = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {message}{where}" if message else f"{type(exc).__name__}{where}"


def _valid(issue: object, length: int) -> Issue:
    """The issue with its spans clamped into the text; anything else a check yields is a bug in it."""
    if not isinstance(issue, Issue):
        raise TypeError(f"yielded {type(issue).__name__}, not an Issue")
    start = min(max(int(issue.start), 0), length)
    end = min(max(int(issue.end), start), length)
    related = tuple(Related(min(max(r.start, 0), length), min(max(r.end, r.start, 0), length), r.message)
                    for r in issue.related)
    if (start, end, related) == (issue.start, issue.end, issue.related):
        return issue
    return Issue(start, end, issue.message, related, issue.suggestion)
