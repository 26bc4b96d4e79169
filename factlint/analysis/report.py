"""``factlint analyze``: what the analysers found, with offsets into the source file.

Every analysis is a list of records that carry ``start`` and ``end`` offsets
into ``Document.text``; here they become 0-based character offsets into the
source file (what the TempEval scorer and people debugging expect). A record
may define ``to_json(doc)`` to choose its own fields.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from factlint.document import Document

ANALYSES = ("dates", "events", "quantities", "breakdowns", "names", "acronyms", "quotes")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def record_json(doc: Document, record: Any) -> dict:
    if hasattr(record, "to_json"):
        return record.to_json(doc)
    data = _plain(record)
    if isinstance(data, dict) and "start" in data and "end" in data:
        data["text"] = doc.text[record.start:record.end]
        data["start"], data["end"] = doc.to_source(record.start), doc.to_source_end(record.end)
    return data


def collect(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"path": doc.path, "published": doc.published.isoformat() if doc.published else None,
                           "blocks": len(doc.blocks), "sentences": len(doc.sentences)}
    for name in ANALYSES:
        try:
            value = getattr(doc, name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("factlint.analysis."):
                continue  # that analyser is not built yet
            out[name] = [{"error": f"ModuleNotFoundError: {exc}"}]
            continue
        except Exception as exc:  # one analyser failing must not hide the others
            out[name] = [{"error": f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"}]
            continue
        items = value if isinstance(value, (list, tuple)) else getattr(value, "records", lambda: [value])()
        out[name] = [record_json(doc, item) for item in items]
    return out


def analysis_json(doc: Document) -> str:
    return json.dumps(collect(doc), indent=2, ensure_ascii=False) + "\n"


def analysis_text(doc: Document) -> str:
    data = collect(doc)
    lines = [f"{data['path']}: published {data['published'] or 'unknown'}, {data['blocks']} blocks, "
             f"{data['sentences']} sentences"]
    for name in ANALYSES:
        if name not in data:
            continue
        lines.append(f"{name} ({len(data[name])}):")
        for item in data[name]:
            if isinstance(item, dict) and "start" in item:
                line, col = doc.source.line_col(item["start"])
                rest = {k: v for k, v in item.items() if k not in ("start", "end", "text")}
                lines.append(f"  {line}:{col} {item.get('text', '')!r} {json.dumps(rest, ensure_ascii=False)}")
            else:
                lines.append(f"  {json.dumps(item, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
