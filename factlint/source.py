"""Turn raw bytes into source text, refusing what is not a text article.

Everything downstream counts positions in the characters of ``Source.text``,
so decoding happens exactly once, here, and never alters a character: a file
that is not valid UTF-8 (or UTF-16 with a BOM) is refused with a reason
instead of being silently repaired.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

MAX_BYTES = 20 * 1024 * 1024
STDIN_NAME = "<stdin>"  # standard input without --stdin-filename: its format is read from its first bytes
SNIFFED = (("---", "markdown"), ("+++", "markdown"), ("<!doctype html", "html"), ("<html", "html"))


class SourceError(Exception):
    """The input cannot be read as an article; the message says why."""


@dataclass
class Source:
    path: str
    text: str
    kind: str  # "text" | "markdown" | "html"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_starts(self) -> list[int]:
        if not self._line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a 0-based offset."""
        offset = max(0, min(offset, len(self.text)))
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


def kind_for(path: str, text: str = "") -> str:
    """The reader for a file: its extension decides; unnamed standard input is sniffed."""
    if path == STDIN_NAME:
        head = text.lstrip()[:16].lower()
        return next((kind for start, kind in SNIFFED if head.startswith(start)), "text")
    lower = path.lower()
    if lower.endswith((".md", ".markdown", ".mdx")):
        return "markdown"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def decode(path: str, data: bytes, kind: str | None = None) -> Source:
    """Decode bytes as an article or raise SourceError with a one-line reason."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"file is {len(data) / 1048576:.1f} MB, over the {MAX_BYTES // 1048576} MB limit")
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in data[:8192]:
            raise SourceError("binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at line {line}); "
                          "convert the file to UTF-8") from None
    if encoding == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise SourceError("binary file (contains NUL characters), not a text article")
    # Lines are split on LF only; a CR before it stays in the text as whitespace,
    # so CRLF files keep exact positions.
    return Source(path=path, text=text, kind=kind or kind_for(path, text))
