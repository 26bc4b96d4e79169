"""Readers: turn a Source (plain text, Markdown, HTML) into a Document.

Plain text and Markdown keep the source's exact length: what is not prose
(front matter, code, URLs, link targets, markup characters, comments) is
replaced by spaces, so an offset into the prose *is* an offset into the file.
HTML is decoded by a real parser (entities included) and keeps a segment map
back to the source.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from typing import Any

from factlint.document import Block, Directive, Document, Segment
from factlint.source import Source

DIRECTIVE = re.compile(r"factlint\s*:\s*(ignore-file|ignore|disable|enable)\b([^\n>]*)", re.I)
TEXT_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:#|//|%|<!--)?[ \t]*factlint\s*:\s*(?:ignore-file|ignore|disable|enable)\b.*$",
                                 re.I | re.M)
CODE_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)]\s*$")


def _directive(match: re.Match[str], offset: int) -> Directive:
    codes = frozenset(t.upper() if re.fullmatch(r"[A-Za-z]\d{0,3}", t) else t.lower()
                      for t in CODE_TOKEN.findall(match.group(2).replace("-->", "")))
    return Directive(action=match.group(1).lower(), codes=codes, offset=offset)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _heading_like(line: str) -> bool:
    """A short line without closing punctuation: a headline or crosshead in plain text."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= 14 and not _SENTENCE_END.search(stripped)


# --- plain text --------------------------------------------------------------

def read_text(source: Source) -> Document:
    text = source.text
    directives: list[Directive] = []
    chars: list[str] | None = None
    for m in TEXT_DIRECTIVE_LINE.finditer(text):
        d = DIRECTIVE.search(m.group(0))
        if d:
            directives.append(_directive(d, m.end()))
            if chars is None:
                chars = list(text)
            _blank(chars, m.start(), m.end())
    prose = "".join(chars) if chars is not None else text
    blocks: list[Block] = []
    has_blank_lines = re.search(r"\n[ \t\r]*\n\s*\S", prose) is not None
    splitter = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+" if has_blank_lines else r"[^\n]*\S[^\n]*")
    for m in splitter.finditer(prose):
        start, end = m.start(), m.end()
        while end > start and prose[end - 1].isspace():
            end -= 1
        while start < end and prose[start].isspace():
            start += 1
        if start < end:
            chunk = prose[start:end]
            kind = "heading" if "\n" not in chunk and _heading_like(chunk) else "paragraph"
            blocks.append(Block(start, end, kind, len(blocks)))
    return Document(source=source, text=prose, blocks=blocks, directives=directives)


# --- Markdown ------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
INLINE_MASKS = [
    re.compile(r"<!--.*?-->", re.S),                       # HTML comments
    re.compile(r"(`+)[^`]+?\1"),                             # inline code
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                 # images, alt text included
    re.compile(r"!\[[^\]\n]*\]\[[^\]\n]*\]"),                # reference images
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"),          # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'”’]"),  # bare URLs
]
# The opening bracket of a link whose target (and closing bracket) LINK_TARGET blanks.
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\](?=\(|\[)")
LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]\n]*\]")
LINE_PREFIX = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?")
QUOTE_PREFIX = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)*")
HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$", re.M)
EMPHASIS = re.compile(r"(?<![\w\\])(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})(?![\w])|~~|\\(?=[!-/:-@\[-`{-~])")
BLOCK_TOKENS = {"paragraph_open": "paragraph", "heading_open": "heading"}


def read_markdown(source: Source) -> Document:
    text = source.text
    chars = list(text)
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    body_start = 0
    fm = FRONT_MATTER.match(text)
    if fm:
        body_start = fm.end()
        _blank(chars, 0, body_start)
        meta, problem = _load_front_matter(fm.group(1))
        if problem:
            warnings.append(problem)
    elif text.lstrip("\ufeff").startswith("---\n"):
        warnings.append("front matter opened with '---' is never closed; read the file as Markdown without it")
    directives: list[Directive] = []
    for m in DIRECTIVE.finditer(text, body_start):
        if text.rfind("<!--", 0, m.start()) > text.rfind("-->", 0, m.start()):
            close = text.find("-->", m.end())
            directives.append(_directive(m, close + 3 if close != -1 else m.end()))

    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # The parser sees the front matter as blank lines so that its line map is the file's.
    body = "\n" * text.count("\n", 0, body_start) + text[body_start:]
    tokens = parser.parse(body)
    line_starts = source.line_starts()
    n_lines = len(line_starts)
    prose_ranges: list[tuple[int, int, str]] = []
    for tok in tokens:
        kind = BLOCK_TOKENS.get(tok.type)
        if kind and tok.map:
            first, last = tok.map
            start = line_starts[first] if first < n_lines else len(text)
            end = line_starts[last] - 1 if last < n_lines else len(text)
            prose_ranges.append((start, max(start, end), kind))
    prose_ranges.sort()

    # Blank everything outside prose blocks, then the markup inside them.
    i = 0
    for start, end, _ in prose_ranges:
        _blank(chars, i, start)
        i = max(i, end)
    _blank(chars, i, len(text))
    for start, end, kind in prose_ranges:
        segment = text[start:end]
        for pattern in INLINE_MASKS:
            for m in pattern.finditer(segment):
                _blank(chars, start + m.start(), start + m.end())
        for m in LINK_TARGET.finditer(segment):
            _blank(chars, start + m.start(), start + m.end())
        for m in LINK.finditer(segment):
            _blank(chars, start + m.start(), start + m.start() + 1)
        pos = start
        for n, line in enumerate(segment.split("\n")):
            prefix = (LINE_PREFIX if n == 0 else QUOTE_PREFIX).match(line)
            if prefix and prefix.end():
                _blank(chars, pos, pos + prefix.end())
            pos += len(line) + 1
        if kind == "heading":
            for m in HEADING_CLOSE.finditer(segment):
                _blank(chars, start + m.start(), start + m.end())
    prose = "".join(chars)
    for start, end, _ in prose_ranges:
        for m in EMPHASIS.finditer(prose, start, end):
            _blank(chars, m.start(), m.end())
    prose = "".join(chars)
    blocks: list[Block] = []
    for start, end, kind in prose_ranges:
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if start < end:
            blocks.append(Block(start, end, kind, len(blocks)))
    published = _parse_date(meta.get("date"))
    return Document(source=source, text=prose, blocks=blocks, meta=meta, published=published,
                    directives=directives, warnings=warnings)


def _load_front_matter(raw: str) -> tuple[dict[str, Any], str | None]:
    import yaml

    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, f"front matter is not valid YAML{where} ({reason}); checked the body without it"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "front matter is not a mapping of keys to values; checked the body without it"
    return {str(k): v for k, v in data.items()}, None


# --- HTML ----------------------------------------------------------------------

SKIP_ALWAYS = {"script", "style", "noscript", "template", "svg", "math", "head", "pre", "code", "nav",
               "button", "select", "textarea", "iframe", "object", "canvas"}
CHROME = {"header", "footer", "aside"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article",
              "td", "th", "tr", "table", "ul", "ol", "dl", "dd", "dt", "figcaption", "figure", "main",
              "body", "html", "title", "caption", "address", "hr", "br"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


class _HTMLBuilder(HTMLParser):
    def __init__(self, source: Source) -> None:
        super().__init__(convert_charrefs=False)
        self.src = source.text
        self.line_starts = source.line_starts()
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        self.block_kind = "paragraph"
        self.stack: list[str] = []
        self.skip_depth = 0
        self.article_depth = 0
        self.meta: dict[str, Any] = {}
        self.directives: list[Directive] = []

    def offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else len(self.src)

    def emit(self, text: str, source_start: int, source_len: int) -> None:
        if self.skip_depth or not text:
            return
        if self.block_start is None:
            if not text.strip():
                return
            self.block_start = self.length
        self.parts.append(text)
        self.segments.append(Segment(self.length, len(text), source_start, source_len))
        self.length += len(text)

    def close_block(self) -> None:
        if self.block_start is None:
            return
        text = "".join(self.parts)
        start, end = self.block_start, self.length
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            self.blocks.append(Block(start, end, self.block_kind, len(self.blocks)))
        self.block_start = None
        # Separate blocks with a paragraph break that maps to the tag that ended the block.
        here = self.offset()
        self.parts.append("\n\n")
        self.segments.append(Segment(self.length, 2, here, 0))
        self.length += 2
        self.block_kind = "paragraph"

    def _skipping(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in SKIP_ALWAYS:
            return True
        if tag in CHROME and not self.article_depth:
            return True
        role = (attrs.get("role") or "").lower()
        return role in {"navigation", "banner", "contentinfo"} or "hidden" in attrs

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v for k, v in attrs_list}
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
            if key in {"date", "article:published_time", "datepublished", "pubdate", "dc.date"}:
                self.meta.setdefault("date", attrs.get("content"))
            return
        if tag == "time" and "datetime" in attrs and not self.skip_depth:
            self.meta.setdefault("time", attrs.get("datetime"))
        if tag in BLOCK_TAGS:
            self.close_block()
            if tag in HEADINGS:
                self.block_kind = "heading"
        if tag in VOID:
            return
        if tag == "article":
            self.article_depth += 1
        if self.skip_depth or self._skipping(tag, attrs):
            self.skip_depth += 1
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            if open_tag == "article":
                self.article_depth -= 1
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS:
            self.close_block()

    def handle_data(self, data: str) -> None:
        self.emit(data, self.offset(), len(data))

    def _entity(self) -> None:
        start = self.offset()
        m = ENTITY.match(self.src, start)
        raw = m.group(0) if m else "&"
        self.emit(html.unescape(raw), start, len(raw))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def handle_comment(self, data: str) -> None:
        m = DIRECTIVE.search(data)
        if m:
            self.close_block()
            self.directives.append(_directive(m, self.length))


def read_html(source: Source) -> Document:
    builder = _HTMLBuilder(source)
    builder.feed(source.text)
    builder.close()
    builder.close_block()
    text = "".join(builder.parts)
    meta = builder.meta
    published = _parse_date(meta.get("date")) or _parse_date(meta.get("time"))
    return Document(source=source, text=text, blocks=builder.blocks, segments=builder.segments,
                    meta=meta, published=published, directives=builder.directives)


READERS = {"text": read_text, "markdown": read_markdown, "html": read_html}


def read(source: Source, published: dt.date | None = None) -> Document:
    doc = READERS[source.kind](source)
    if published is not None:
        doc.published = published
    return doc
