"""Readers: turn a Source (plain text, Markdown, HTML) into a Document.

Plain text and Markdown keep the source's exact length: what is not prose
(front matter, code, URLs, link targets, markup characters, comments) is
replaced by spaces, so an offset into the prose *is* an offset into the file.
HTML is decoded by a real parser (entities included) and keeps a segment map
back to the source.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from factlint.document import Block, Directive, Document, Segment
from factlint.frontmatter import ProseValue, read_front_matter
from factlint.source import Source

DIRECTIVE = re.compile(r"factlint\s*:\s*(ignore-file|ignore|disable|enable)\b([^\n>]*)", re.I)
TEXT_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:(?:#|//|%|<!--)[ \t]*)?factlint\s*:\s*(?:ignore-file|ignore|disable|enable)\b.*$",
                                 re.I | re.M)
DIRECTIVE_REASON = re.compile(r"\s(?:--|—|:)\s|\s--$")
CODE_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
WRITTEN_DATE_FORMS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
LEADING_WEEKDAY = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+", re.I)
RFC_2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# Front-matter keys whose value is prose (linted in place), and those that may hold the publication date.
FRONT_MATTER_TEXT = ("title", "description", "summary", "subtitle", "dek", "excerpt")
DATE_KEYS = ("date", "pubDate", "publishDate", "published", "published_at", "datePublished")
HEADLINE_KEYS = {"title", "headline"}  # a headline is a heading block, however it is punctuated
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Anchored at line starts, so that a long run of spaces is scanned once, not once per position.
BLANK_LINE_CHUNK = re.compile(r"^(?:[^\n]*\S[^\n]*(?:\n|$))+", re.M)
TEXT_LINE = re.compile(r"^[^\n]*\S[^\n]*", re.M)
# A blank-line paragraph whose lines run this long was not hard-wrapped: each line is a paragraph.
UNWRAPPED_LINE = 100
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)]\s*$")


@dataclass(frozen=True)
class ReaderOptions:
    """What the configuration tells the readers: the prose keys and the date keys of front matter."""

    front_matter_text: tuple[str, ...] = FRONT_MATTER_TEXT
    date_keys: tuple[str, ...] = DATE_KEYS

    @classmethod
    def of(cls, settings: Any) -> ReaderOptions:
        if settings is None:
            return DEFAULT_OPTIONS
        return cls(tuple(getattr(settings, "front_matter_text", FRONT_MATTER_TEXT)),
                   tuple(getattr(settings, "date_keys", DATE_KEYS)))


DEFAULT_OPTIONS = ReaderOptions()


def _directive(match: re.Match[str], offset: int, source_start: int, source_end: int) -> Directive:
    """``factlint: ACTION [CODES...] [-- reason]``: codes are codes, family letters or names."""
    spec = DIRECTIVE_REASON.split(match.group(2).removesuffix("--"), 1)[0]
    codes = frozenset(t.upper() if re.fullmatch(r"[A-Za-z]\d{0,3}", t) else t.lower()
                      for t in CODE_TOKEN.findall(spec))
    return Directive(action=match.group(1).lower(), codes=codes, offset=offset, source_start=source_start,
                     source_end=source_end)


def _parse_date(value: Any) -> dt.date | None:
    """A publication date from front matter or metadata: ISO first, then a few written forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    if RFC_2822.match(value.strip()):  # RSS: "Thu, 14 Mar 2024 09:00:00 +0100"
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value.strip()).date()
        except (TypeError, ValueError, IndexError):
            return None
    m = ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    cleaned = " ".join(value.replace(",", " ").split())
    cleaned = cleaned[w.end():] if (w := LEADING_WEEKDAY.match(cleaned)) else cleaned
    for form in WRITTEN_DATE_FORMS:
        try:
            return dt.datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    return None


def _published_from(meta: dict[str, Any], date_keys: tuple[str, ...]) -> tuple[dt.date | None, str | None]:
    """The first date key (in the configured order, any letter case) whose value is a date.

    A key present with a value that is not a date is reported when no other key gives one
    (a boolean ``published: true``, as Jekyll uses it, is not a date and not a problem).
    """
    lowered = {k.lower(): k for k in meta}
    problem = None
    for key in date_keys:
        name = key if key in meta else lowered.get(key.lower())
        if name is None:
            continue
        value = meta[name]
        date = _parse_date(value)
        if date is not None:
            return date, None
        if problem is None and value is not None and not isinstance(value, bool):
            problem = (f"front matter {name} {str(value)[:40]!r} is not a date; "
                       "the publication date is unknown")
    return None, problem


def _heading_like(line: str) -> bool:
    """A short line without closing punctuation: a headline or crosshead in plain text."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= 14 and not _SENTENCE_END.search(stripped)


# --- plain text --------------------------------------------------------------

def read_text(source: Source) -> Document:
    text = source.text
    directives: list[Directive] = []
    directive_lines: list[tuple[int, int]] = []
    for m in TEXT_DIRECTIVE_LINE.finditer(text):
        d = DIRECTIVE.search(m.group(0))
        if d:
            directives.append(_directive(d, m.end(), m.start(), m.end()))
            directive_lines.append(m.span())
    prose = _blanked(text, directive_lines)
    blocks: list[Block] = []
    # A blank line with text after it (a directive line is not a blank line).
    has_blank_lines = BLANK_LINE.search(text, 0, len(text.rstrip())) is not None
    for start, end in _text_paragraphs(prose, has_blank_lines):
        chunk = prose[start:end]
        kind = "heading" if "\n" not in chunk and _heading_like(chunk) else "paragraph"
        blocks.append(Block(start, end, kind, len(blocks)))
    return Document(source=source, text=prose, blocks=blocks, directives=directives)


def _trimmed(prose: str, start: int, end: int) -> tuple[int, int]:
    while end > start and prose[end - 1].isspace():
        end -= 1
    while start < end and prose[start].isspace():
        start += 1
    return start, end


def _text_paragraphs(prose: str, has_blank_lines: bool) -> Iterator[tuple[int, int]]:
    """Paragraph spans: blank-line separated, or a line each when the file (or a chunk) is not wrapped."""
    for m in (BLANK_LINE_CHUNK if has_blank_lines else TEXT_LINE).finditer(prose):
        start, end = _trimmed(prose, m.start(), m.end())
        if start >= end:
            continue
        if has_blank_lines and any(len(line) > UNWRAPPED_LINE for line in prose[start:end].split("\n")[:-1]):
            for line in TEXT_LINE.finditer(prose, start, end):
                yield _trimmed(prose, line.start(), line.end())
        else:
            yield start, end


# --- Markdown ------------------------------------------------------------------

INLINE_MASK = re.compile("|".join([
    r"<!--.*?(?:-->|\Z)",                                   # HTML comments (an unclosed one runs to the end)
    r"(?P<ticks>`+)[^`]+?(?P=ticks)",                        # inline code
    r"!\[[^\[\]\n]*\]\([^()\n]*\)",                         # images, alt text included
    r"!\[[^\[\]\n]*\]\[[^\[\]\n]*\]",                        # reference images
    r"<(?:https?|ftp|mailto):[^>\s]*>",                      # autolinks
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",              # inline HTML tags
    r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'”’]",  # bare URLs
    r"&(?:nbsp|ensp|emsp|thinsp|#160|#xA0|#xa0);",           # spacing entities read as spaces
]), re.S)
# The opening bracket of a link whose target (and closing bracket) LINK_TARGET blanks.
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\](?=\(|\[)")
LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]\n]*\]")
# Container markers (block quotes, list items, task boxes) and an ATX heading's hashes
# that open the first line of a block.
LINE_PREFIX = re.compile(r"^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*(?:\[[ xX]\][ \t]+)?)*"
                         r"(?:#{1,6}(?:[ \t]+|$))?")
QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>[ \t]?)*")
ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*\r?$", re.M)
EMPHASIS = re.compile(r"(?<![\w\\])(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})(?![\w])|~~")
NOT_NEWLINE = re.compile(r"[^\n]")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\r?\n)")
TABLE_CELL = re.compile(r"(?:\\.|[^|\\\n])+")  # GFM: only an escaped pipe stays inside a cell
BLOCK_TOKENS = {"paragraph_open": "paragraph", "heading_open": "heading", "tr_open": "row"}


def _token_ranges(tokens: list[Any], text: str, line_starts: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, kind) in the source of each paragraph, heading and table cell."""
    n_lines = len(line_starts)
    out: list[tuple[int, int, str]] = []
    for tok in tokens:
        kind = BLOCK_TOKENS.get(tok.type)
        if not kind or not tok.map:
            continue
        first, last = tok.map
        start = line_starts[first] if first < n_lines else len(text)
        end = line_starts[last] - 1 if last < n_lines else len(text)
        end = max(start, end)
        if kind != "row":
            out.append((start, end, kind))
            continue
        for m in TABLE_CELL.finditer(text, start, end):
            if not m.group().isspace():
                out.append((m.start(), m.end(), "cell"))
    out.sort()
    return out


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with every range turned to spaces (newlines kept), in one pass."""
    if not ranges:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in sorted(ranges):
        start = max(start, done)
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(NOT_NEWLINE.sub(" ", text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def read_markdown(source: Source, options: ReaderOptions = DEFAULT_OPTIONS) -> Document:
    text = source.text
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    body_start = 0
    prose_values: list[ProseValue] = []
    front = read_front_matter(text, options.front_matter_text)
    if front is not None:
        body_start, meta, prose_values = front.body_start, front.meta, front.prose
        if front.problem:
            warnings.append(front.problem)
    directives: list[Directive] = []
    pos = body_start
    while (opening := text.find("<!--", pos)) != -1:  # a directive lives in an HTML comment
        close = text.find("-->", opening + 4)
        pos = close + 3 if close != -1 else len(text)
        m = DIRECTIVE.search(text, opening, pos)
        if m:
            directives.append(_directive(m, pos, opening, pos))

    # The parser sees the front matter as blank lines so that its line map is the file's.
    body = "\n" * text.count("\n", 0, body_start) + text[body_start:]
    parser = _markdown_parser(tables="|" in body)
    prose_ranges = _token_ranges(parser.parse(body), text, source.line_starts())

    # Blank everything outside prose blocks, then the markup inside them.
    blank: list[tuple[int, int]] = []
    i = 0
    for start, end, _ in prose_ranges:
        blank.append((i, start))
        i = max(i, end)
    blank.append((i, len(text)))
    escaped: set[int] = set()
    for start, end, kind in prose_ranges:
        segment = text[start:end]
        for m in ESCAPE.finditer(segment):
            blank.append((start + m.start(), start + m.end()))
            escaped.add(start + m.end())
        blank += [(start + m.start(), start + m.end()) for m in INLINE_MASK.finditer(segment)]
        blank += [(start + m.start(), start + m.end()) for m in LINK_TARGET.finditer(segment)]
        blank += [(start + m.start(), start + m.start() + 1) for m in LINK.finditer(segment)]
        if kind == "cell":
            continue
        pos = start
        for n, line in enumerate(segment.split("\n")):
            prefix = (LINE_PREFIX if n == 0 else QUOTE_PREFIX).match(line)
            if prefix and prefix.end():
                blank.append((pos, pos + prefix.end()))
            pos += len(line) + 1
        if kind == "heading":
            first_line = segment.split("\n", 1)[0]
            close = ATX_CLOSE.search(first_line) if first_line.lstrip(" >").startswith("#") else None
            if close:
                blank.append((start + close.start(), start + close.end()))
            blank += [(start + m.start(), start + m.end()) for m in SETEXT_UNDERLINE.finditer(segment)]
    prose = _blanked(text, blank)
    # Emphasis delimiters are judged on the prose without code and links, and an escaped one stays.
    emphasis = [(k, k + 1) for start, end, _ in prose_ranges for m in EMPHASIS.finditer(prose, start, end)
                for k in range(m.start(), m.end()) if k not in escaped]
    prose = _blanked(prose, emphasis)
    spans = [(start, end, "heading" if kind == "heading" else "paragraph") for start, end, kind in prose_ranges]
    if prose_values:  # the headline and standfirst, in place
        prose = "".join(_unblanked(prose, text, [(v.start, v.end) for v in prose_values]))
        spans = [(v.start, v.end, "heading" if v.key in HEADLINE_KEYS or _heading_like(text[v.start:v.end])
                  else "paragraph") for v in prose_values] + spans
    blocks: list[Block] = []
    for start, end, kind in spans:
        start, end = _trimmed(prose, start, end)
        if start < end:
            blocks.append(Block(start, end, kind, len(blocks)))
    published, problem = _published_from(meta, options.date_keys)
    if problem:
        warnings.append(problem)
    segments = None
    escapes = [e for v in prose_values for e in v.escapes]
    if escapes:  # a decoded escape is shorter than its source: map the text through segments
        prose, segments, shift = _decoded(prose, escapes)
        blocks = [Block(shift(b.start), shift(b.end), b.kind, b.index) for b in blocks]
        directives = [Directive(d.action, d.codes, shift(d.offset), d.source_start, d.source_end)
                      for d in directives]
    return Document(source=source, text=prose, blocks=blocks, segments=segments, meta=meta, published=published,
                    directives=directives, warnings=warnings)


def _unblanked(prose: str, text: str, ranges: list[tuple[int, int]]) -> Iterator[str]:
    """``prose`` with the source's characters back in ``ranges`` (sorted, disjoint)."""
    done = 0
    for start, end in ranges:
        yield prose[done:start]
        yield text[start:end]
        done = end
    yield prose[done:]


def _decoded(prose: str, escapes: list[tuple[int, int, str]]):
    """The prose with each escape replaced by what it decodes to, its segment map, and an offset mapper.

    Escapes only occur in front matter, so every offset after the last one moves by the same amount.
    """
    pieces: list[str] = []
    segments: list[Segment] = []
    done = length = 0
    for start, end, decoded in sorted(escapes):
        if start > done:
            pieces.append(prose[done:start])
            segments.append(Segment(length, start - done, done, start - done))
            length += start - done
        if decoded:
            pieces.append(decoded)
            segments.append(Segment(length, len(decoded), start, end - start))
            length += len(decoded)
        done = end
    pieces.append(prose[done:])
    segments.append(Segment(length, len(prose) - done, done, len(prose) - done))
    starts = [e[0] for e in sorted(escapes)]
    removed = []
    total = 0
    for start, end, decoded in sorted(escapes):
        total += (end - start) - len(decoded)
        removed.append(total)

    def shift(offset: int) -> int:
        i = bisect.bisect_left(starts, offset)  # escapes wholly before ``offset``
        return offset - (removed[i - 1] if i else 0)

    return "".join(pieces), segments, shift


@functools.cache
def _markdown_parser(tables: bool) -> Any:
    """CommonMark (with GFM tables when a pipe occurs at all: the table rule tries every paragraph).

    Only the block structure is used, so inline parsing is switched off.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).disable("inline")
    return parser.enable("table") if tables else parser


# --- HTML ----------------------------------------------------------------------

SKIP_ALWAYS = {"script", "style", "noscript", "template", "svg", "math", "head", "pre", "code", "nav",
               "button", "select", "textarea", "iframe", "object", "canvas", "form"}
CHROME = {"header", "footer", "aside"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
              "td", "th", "tr", "table", "ul", "ol", "dl", "dd", "dt", "figcaption", "figure", "main",
              "body", "html", "title", "caption", "address", "hr", "header", "footer", "aside"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
DATE_META = {"date", "article:published_time", "datepublished", "pubdate", "dc.date", "dc.date.issued",
             "og:published_time", "publish-date", "sailthru.date"}
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
TAG_START = re.compile(r"<[A-Za-z/!?]")
JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


class _HTMLBuilder(HTMLParser):
    """Collects the prose of an HTML page with a segment map back to the source.

    (HTMLParser keeps its own ``offset`` attribute, the column of the current
    token; ``_here`` turns it and ``lineno`` into an offset into the source.)
    """

    def __init__(self, source: Source, date_meta: set[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.date_meta = date_meta
        self.src = source.text
        self.line_starts = source.line_starts()
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        self.block_kind = "paragraph"
        self.stack: list[tuple[str, bool]] = []  # (tag, whether it opened a skipped region)
        self.open_count: dict[str, int] = {}  # how many of each tag are on the stack (broken pages nest deep)
        self.skip_depth = 0
        self.article_depth = 0
        self.after_break = False  # a <br> with only whitespace since: a second one ends the block
        self.in_json_ld = False
        self.meta: dict[str, Any] = {}
        self.directives: list[Directive] = []

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else len(self.src)

    def _append(self, text: str, source_start: int, source_len: int) -> None:
        self.parts.append(text)
        self.segments.append(Segment(self.length, len(text), source_start, source_len))
        self.length += len(text)

    def emit(self, text: str, source_start: int, source_len: int) -> None:
        if self.skip_depth or not text:
            return
        if not text.isspace():
            self.after_break = False
        if self.block_start is None:
            if text.isspace():
                return
            self.block_start = self.length
        self._append(text, source_start, source_len)

    def close_block(self) -> None:
        self.after_break = False
        if self.block_start is None:
            return
        start = self.block_start
        first = len(self.parts)
        while first > 0 and self.segments[first - 1].text_start >= start:
            first -= 1
        stripped = "".join(self.parts[first:]).rstrip()
        end = start + len(stripped)
        start += len(stripped) - len(stripped.lstrip())
        if start < end:
            self.blocks.append(Block(start, end, self.block_kind, len(self.blocks)))
        self.block_start = None
        # Blocks are separated by a paragraph break that maps to the tag that ended the block.
        self._append("\n\n", self._here(), 0)
        self.block_kind = "paragraph"

    def _skipping(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in SKIP_ALWAYS:
            return True
        if tag in CHROME and not self.article_depth:
            return True
        role = (attrs.get("role") or "").lower()
        return (role in {"navigation", "banner", "contentinfo", "complementary"} or "hidden" in attrs
                or (attrs.get("aria-hidden") or "").lower() == "true")

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v for k, v in attrs_list}
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
            if key in self.date_meta and attrs.get("content"):
                self.meta.setdefault("date", attrs["content"])
            return
        if tag == "br":
            if self.after_break:
                self.close_block()
            elif self.block_start is not None and not self.skip_depth:
                here = self._here()
                self._append("\n", here, len(self.get_starttag_text() or ""))
                self.after_break = True
            return
        if tag == "time" and attrs.get("datetime") and not self.skip_depth:
            # The article's own time wins over a time elsewhere on the page.
            if self.article_depth and "article_time" not in self.meta:
                self.meta["article_time"] = attrs["datetime"]
            self.meta.setdefault("time", attrs["datetime"])
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self.in_json_ld = True
        if tag in BLOCK_TAGS:
            self.close_block()
            if tag in HEADINGS:
                self.block_kind = "heading"
        if tag in VOID:
            return
        if tag == "article":
            self.article_depth += 1
        skipped = bool(self.skip_depth) or self._skipping(tag, attrs)
        if skipped:
            self.skip_depth += 1
        self.stack.append((tag, skipped))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_json_ld = False
        if tag in VOID or not self.open_count.get(tag):
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self.open_count[open_tag] -= 1
            if skipped:
                self.skip_depth -= 1
            if open_tag == "article":
                self.article_depth -= 1
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS:
            self.close_block()

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            m = JSON_LD_DATE.search(data)
            if m:
                self.meta.setdefault("json_ld_date", m.group(1))
            return
        self.emit(data, self._here(), len(data))

    def _entity(self) -> None:
        start = self._here()
        m = ENTITY.match(self.src, start)
        raw = m.group(0) if m else "&"
        self.emit(html.unescape(raw), start, len(raw))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def handle_comment(self, data: str) -> None:
        m = DIRECTIVE.search(data)
        if m and not self.skip_depth:
            start = self._here()
            self.directives.append(_directive(m, self.length, start, start + len(data) + 7))


def _readable_part(text: str) -> str:
    """The text up to a comment or tag that never closes (by the HTML rules it is dropped at the end).

    html.parser rescans an unclosed comment or tag on every later token, which is
    quadratic on broken input; cutting it off first keeps reading linear.
    """
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start == -1:
            break
        end = text.find("-->", start + 4)
        if end == -1:
            text = text[:start]
            break
        pos = end + 3
    tail = TAG_START.search(text, text.rfind(">") + 1)
    return text[:tail.start()] if tail else text


def read_html(source: Source, options: ReaderOptions = DEFAULT_OPTIONS) -> Document:
    builder = _HTMLBuilder(source, DATE_META | {k.lower() for k in options.date_keys})
    builder.feed(_readable_part(source.text))
    builder.close()
    builder.close_block()
    text = "".join(builder.parts)
    meta = builder.meta
    published = None
    for key in ("date", "article_time", "json_ld_date", "time"):
        published = _parse_date(meta.get(key))
        if published:
            break
    return Document(source=source, text=text, blocks=builder.blocks, segments=builder.segments,
                    meta=meta, published=published, directives=builder.directives)


def read(source: Source, published: dt.date | None = None, settings: Any = None) -> Document:
    """The document of ``source``; ``settings`` (anything with ``front_matter_text`` and ``date_keys``)
    names the front-matter keys, and ``published`` wins over any date the file gives."""
    options = ReaderOptions.of(settings)
    if source.kind == "markdown":
        doc = read_markdown(source, options)
    elif source.kind == "html":
        doc = read_html(source, options)
    else:
        doc = read_text(source)
    if published is not None:
        doc.published = published
    return doc
