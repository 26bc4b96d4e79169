"""JUnit XML: a test suite per checked file, a failing test case per finding (a passing one for a clean file)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from factlint.findings import Finding


def _xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: characters it forbids become U+FFFD."""
    return "".join(ch if ch in "\t\n\r" or " " <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd" or ch > "\uffff"
                   else "\ufffd" for ch in text)


def render(findings: list[Finding], checked: list[str]) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    files = list(dict.fromkeys([*checked, *by_file]))
    root = ET.Element("testsuites", name="factlint", tests=str(sum(max(len(by_file[p]), 1) for p in files)),
                      failures=str(len(findings)), errors="0")
    for path in files:
        found = by_file[path]
        suite = ET.SubElement(root, "testsuite", name=_xml_text(path), tests=str(max(len(found), 1)),
                              failures=str(len(found)), errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name="no findings", classname=_xml_text(path), file=_xml_text(path))
        for f in found:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.name} at {f.line}:{f.column}",
                                 classname=_xml_text(path), file=_xml_text(path), line=str(f.line))
            details = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"]
            details += [f"    {r.path}:{r.line}:{r.column}: {r.message}" for r in f.related]
            if f.suggestion is not None:
                details.append(f"    suggestion: {f.suggestion}")
            failure = ET.SubElement(case, "failure", message=_xml_text(f.message), type=f"{f.code} {f.severity}")
            failure.text = _xml_text("\n".join(details))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
