"""Open documents as the language server holds them, and LSP positions.

LSP breaks lines at LF, CRLF and CR only, and counts characters in the code
units of the negotiated encoding (UTF-16 unless the client offers another);
factlint counts code points and breaks lines at LF. Every conversion between
the two goes through a code-point offset into the document, here. The server
keeps its own copy of each document instead of pygls's, whose line splitting
(``str.splitlines``) also breaks at U+2028, form feeds and NEL and so applies
edits after such a character in the wrong place.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _width(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


def code_points(line: str, count: int, encoding: str) -> int:
    """How many code points of ``line`` the first ``count`` code units cover (a split character counts whole)."""
    if encoding == UTF32 or line.isascii():
        return min(max(count, 0), len(line))
    seen = 0
    for i, char in enumerate(line):
        if seen >= count:
            return i
        seen += _width(char, encoding)
    return len(line)


@dataclass(eq=False)
class TextDocument:
    uri: str
    language_id: str
    version: int
    text: str
    _starts: list[int] | None = field(default=None, repr=False)

    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        return self._starts

    def offset(self, line: int, character: int, encoding: str) -> int:
        """The code-point offset of an LSP position; past a line's end means its end, past the last line the text's end."""
        starts = self.line_starts()
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")  # a line holds no CR or LF but its break
        return start + code_points(content, character, encoding)

    def position(self, offset: int, encoding: str) -> tuple[int, int]:
        """The LSP (line, character) of a code-point offset."""
        offset = min(max(offset, 0), len(self.text))
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        return line, units(self.text[starts[line]:offset], encoding)

    def edit(self, start: int, end: int, new_text: str) -> None:
        start, end = sorted((start, end))
        self.text = self.text[:start] + new_text + self.text[end:]
        self._starts = None
