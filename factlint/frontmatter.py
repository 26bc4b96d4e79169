"""Front matter: YAML (``---``), TOML (``+++``, Hugo) and JSON (``{ … }``) at the top of a Markdown file.

Besides the values (``Document.meta``), the reader needs *where* the prose values
(the headline, the standfirst) lie in the file, so that they can be linted with
exact positions. Each format is located with its own parser's view of the
value: YAML node marks, a TOML string scanner checked against ``tomllib`` and
the JSON decoder's own string scanner. A value is located only when the source
span, with its escapes decoded, reads as the parsed value; otherwise it is
left out rather than mapped wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

YAML_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)(?<=\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
YAML_OPEN = re.compile(r"\A---[ \t]*\r?\n")
TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)(?<=\n)\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
TOML_OPEN = re.compile(r"\A\+\+\+[ \t]*\r?\n")
LINE_END = re.compile(r"[ \t]*(?:\r?\n|\Z)")

# Escapes that decode to one character (YAML 1.2 double-quoted, TOML basic strings, JSON), and the
# escaped line break of YAML and TOML that joins two lines.
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                   "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                   "L": "\u2028", "P": "\u2029"}
BACKSLASH_ESCAPE = re.compile(r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"  # a surrogate pair
                              r"|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(\r?\n[ \t\r\n]*)|(.))", re.S)
SINGLE_QUOTE_ESCAPE = re.compile(r"''")


@dataclass
class ProseValue:
    """A front-matter value that is prose: its content span in the source and the escapes inside it."""

    key: str
    start: int
    end: int
    escapes: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, decoded text)


@dataclass
class FrontMatter:
    kind: str  # "yaml" | "toml" | "json"
    body_start: int
    meta: dict[str, Any]
    prose: list[ProseValue]
    problem: str | None = None


def read_front_matter(text: str, prose_keys: tuple[str, ...]) -> FrontMatter | None:
    """The file's front matter, or None when it has none. ``problem`` says what could not be read."""
    if text.startswith("---"):
        m = YAML_BLOCK.match(text)
        if m:
            meta, prose, problem = _yaml(m.group(1), m.start(1), text, prose_keys)
            return FrontMatter("yaml", m.end(), meta, prose, problem)
        if YAML_OPEN.match(text) and "\n---" not in text and "\n..." not in text:
            return FrontMatter("yaml", 0, {}, [], "front matter opened with '---' is never closed; "
                               "read the file as Markdown without it")
        return None
    if text.startswith("+++"):
        m = TOML_BLOCK.match(text)
        if m:
            meta, prose, problem = _toml(m.group(1), m.start(1), text, prose_keys)
            return FrontMatter("toml", m.end(), meta, prose, problem)
        if TOML_OPEN.match(text):
            return FrontMatter("toml", 0, {}, [], "front matter opened with '+++' is never closed; "
                               "read the file as Markdown without it")
        return None
    if text.startswith("{"):
        return _json(text, prose_keys)
    return None


# --- YAML ------------------------------------------------------------------------------

def _yaml(raw: str, offset: int, text: str, prose_keys: tuple[str, ...]) -> tuple[dict, list[ProseValue], str | None]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(raw)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, [], f"front matter is not valid YAML{where} ({reason}); checked the body without it"
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # e.g. date: 2024-02-30
        return {}, [], f"front matter has a value that cannot be read ({exc}); checked the body without it"
    finally:
        loader.dispose()
    if data is None:
        return {}, [], None
    if not isinstance(data, dict):
        return {}, [], "front matter is not a mapping of keys to values; checked the body without it"
    meta = {str(k): v for k, v in data.items()}
    prose = []
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node.value, str) else None
        if key not in prose_keys or not isinstance(value_node.value, str):
            continue
        value = meta.get(key)
        if not isinstance(value, str):
            continue
        start, end = offset + value_node.start_mark.index, offset + value_node.end_mark.index
        style = value_node.style or ""
        if style in ("|", ">"):
            newline = text.find("\n", start, end)
            if newline == -1:
                continue
            start, escapes = newline + 1, []
        elif style in ("'", '"'):
            start, end = start + 1, end - 1
            escapes = _escapes(text, start, end, SINGLE_QUOTE_ESCAPE if style == "'" else BACKSLASH_ESCAPE)
        else:
            escapes = []
        located = _located(key, text, start, end, escapes, value)
        if located:
            prose.append(located)
    return meta, prose, None


# --- TOML -------------------------------------------------------------------------------

TOML_KEY = re.compile(r"^[ \t]*(?:\"([^\"\\\n]*)\"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*=[ \t]*", re.M)
TOML_TABLE = re.compile(r"^[ \t]*\[", re.M)
TOML_STRINGS = (  # (opening, pattern of the content, escapes); the multi-line forms first
    ('"""', re.compile(r'\r?\n?((?:[^"\\]|\\.|"(?!""))*)"""', re.S), BACKSLASH_ESCAPE),
    ("'''", re.compile(r"\r?\n?((?:[^']|'(?!''))*)'''"), None),
    ('"', re.compile(r'((?:[^"\\\n]|\\.)*)"'), BACKSLASH_ESCAPE),
    ("'", re.compile(r"([^'\n]*)'"), None),
)


def _toml(raw: str, offset: int, text: str, prose_keys: tuple[str, ...]) -> tuple[dict, list[ProseValue], str | None]:
    import tomllib

    try:
        meta = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return {}, [], f"front matter is not valid TOML ({exc}); checked the body without it"
    prose = []
    table = TOML_TABLE.search(raw)
    top_level_end = table.start() if table else len(raw)  # keys after a [table] header are not top level
    for m in TOML_KEY.finditer(raw, 0, top_level_end):
        key = next(g for g in m.groups() if g is not None)
        value = meta.get(key)
        if key not in prose_keys or not isinstance(value, str):
            continue
        for opening, content, escape in TOML_STRINGS:
            if raw.startswith(opening, m.end()):
                s = content.match(raw, m.end() + len(opening))
                if s:
                    start, end = offset + s.start(1), offset + s.end(1)
                    located = _located(key, text, start, end, _escapes(text, start, end, escape) if escape else [],
                                       value)
                    if located:
                        prose.append(located)
                break
    return meta, prose, None


# --- JSON -------------------------------------------------------------------------------

def _json(text: str, prose_keys: tuple[str, ...]) -> FrontMatter | None:
    """Hugo's JSON front matter: an object at the very start, its closing brace ending a line."""
    import json
    from json.decoder import scanstring

    try:
        meta, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return None  # a brace that does not open JSON: ordinary Markdown
    tail = LINE_END.match(text, end)
    if not isinstance(meta, dict) or tail is None:
        return None
    prose = []
    decoder = json.JSONDecoder()
    pos = _skip_space(text, 1)
    while pos < end and text[pos] == '"':
        key, pos = scanstring(text, pos + 1)
        pos = _skip_space(text, _skip_space(text, pos) + 1)  # past the colon
        value_start = pos
        value, pos = decoder.raw_decode(text, pos)
        if key in prose_keys and isinstance(value, str) and meta.get(key) == value:
            start, stop = value_start + 1, pos - 1
            located = _located(key, text, start, stop, _escapes(text, start, stop, BACKSLASH_ESCAPE), value)
            if located:
                prose.append(located)
        pos = _skip_space(text, pos)
        if pos < end and text[pos] == ",":
            pos = _skip_space(text, pos + 1)
    return FrontMatter("json", tail.end(), {str(k): v for k, v in meta.items()}, prose)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


# --- locating ------------------------------------------------------------------------------

def _escapes(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """Each escape in ``text[start:end]`` as (start, end, what it decodes to)."""
    if pattern is SINGLE_QUOTE_ESCAPE:
        return [(m.start(), m.end(), "'") for m in pattern.finditer(text, start, end)]
    out = []
    for m in pattern.finditer(text, start, end):
        high, low, *hex_forms, line_break, char = m.groups()
        hex_digits = next((h for h in hex_forms if h), None)
        if high:
            decoded = chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
        elif hex_digits:
            try:
                decoded = chr(int(hex_digits, 16))
            except (ValueError, OverflowError):
                decoded = "\ufffd"
        elif line_break is not None:
            decoded = ""  # an escaped line break joins the lines
        else:
            decoded = _SIMPLE_ESCAPES.get(char, char)
        out.append((m.start(), m.end(), decoded))
    return out


def _located(key: str, text: str, start: int, end: int, escapes: list[tuple[int, int, str]],
             value: str) -> ProseValue | None:
    """The value's span when the source, escapes decoded, reads as the parsed value (whitespace aside)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    pieces, done = [], start
    for s, e, decoded in escapes:
        pieces += [text[done:s], decoded]
        done = e
    pieces.append(text[done:end])
    if "".join(pieces).split() != value.split():
        return None
    return ProseValue(key, start, end, [e for e in escapes if e[0] < end])
