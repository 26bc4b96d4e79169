"""The source texts the reporters quote (snippets, the HTML report): read again, decoded as the linter did."""

from __future__ import annotations

from pathlib import Path


class SourceTexts:
    """``text(path)``: the decoded source of a reported path, or None when it cannot be read now.

    ``paths`` maps a path as reported (relative to the project root) to the path it was read from;
    ``stdin`` is the name and bytes of standard input, which cannot be read twice.
    """

    def __init__(self, paths: dict[str, str] | None = None, stdin: tuple[str, bytes] | None = None) -> None:
        self.paths = paths or {}
        self.stdin = stdin
        self._texts: dict[str, str | None] = {}

    def text(self, path: str) -> str | None:
        if path not in self._texts:
            self._texts[path] = self._read(self.paths.get(path, path))
        return self._texts[path]

    def _read(self, path: str) -> str | None:
        from factlint.source import SourceError, decode

        if self.stdin is not None and path == self.stdin[0]:
            data = self.stdin[1]
        else:
            try:
                data = Path(path).read_bytes()
            except OSError:
                return None
        try:
            return decode(path, data).text
        except SourceError:
            return None
