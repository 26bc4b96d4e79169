// The editors' page of factlint serve. The server lints and renders (factlint.reporters.highlight, the
// renderer of --format html); this script sends the text, shows the answer, and applies what the editor
// accepts. Nothing is fetched from anywhere but this server, and no article text is ever parsed as markup
// here: it arrives escaped, and elements or attributes the renderer never makes are dropped besides.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const ui = {
    text: $("text"), kind: $("kind"), published: $("published"), live: $("live"), file: $("file"),
    check: $("check"), fixAll: $("fix-all"), copy: $("copy"), download: $("download"), status: $("status"),
    article: $("article"), findings: $("findings"), filters: $("filters"), warnings: $("warnings"),
    articleDate: $("article-date"), detail: $("detail"), foot: $("foot"),
  };
  const DEBOUNCE_MS = 500;
  const EXTENSIONS = { md: ".md", txt: ".txt", html: ".html" };
  const state = {
    result: null, // the last answer of the server
    linted: "", // the text that answer is about
    seq: 0, controller: null, timer: 0, inflight: 0, round: 0, applying: false,
    name: "", checks: new Map(), selected: -1,
  };

  // What the shared renderer produces; anything else in an answer is removed before it is shown.
  const TAGS = new Set(["PRE", "MARK", "A", "OL", "UL", "LI", "SPAN", "DIV", "INS", "EM", "SECTION", "H3",
    "P", "BUTTON", "FIELDSET", "LEGEND", "LABEL", "INPUT"]);
  const ATTRIBUTES = new Set(["class", "id", "href", "title", "data-finding", "data-index", "type", "checked"]);

  function clean(node) {
    for (const el of Array.from(node.children)) {
      if (!TAGS.has(el.tagName)) { el.remove(); continue; }
      for (const attr of Array.from(el.attributes)) {
        const bad = !ATTRIBUTES.has(attr.name) || (attr.name === "href" && !attr.value.startsWith("#")) ||
          (attr.name === "type" && attr.value !== "button" && attr.value !== "checkbox");
        if (bad) el.removeAttribute(attr.name);
      }
      clean(el);
    }
  }

  function render(target, html) {
    const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html || ""}`, "text/html");
    clean(doc.body);
    const fragment = document.createDocumentFragment();
    while (doc.body.firstChild) fragment.appendChild(document.adoptNode(doc.body.firstChild));
    target.replaceChildren(fragment);
  }

  // body[data-busy] is "1" while a check is scheduled or on its way (tests and styles read it).
  function busy() {
    document.body.dataset.busy = state.timer || state.inflight ? "1" : "0";
  }

  function setStatus(message, kind) {
    ui.status.textContent = message;
    ui.status.dataset.state = kind;
  }

  function request() {
    return { text: ui.text.value, kind: ui.kind.value, published: ui.published.value || null,
      name: state.name || "<text>" };
  }

  async function post(path, body, signal, headers) {
    const init = { method: "POST", signal, body, headers: headers || { "Content-Type": "application/json" } };
    const response = await fetch(path, init);
    let data;
    try {
      data = await response.json();
    } catch (err) {
      data = { error: `the server answered ${response.status} without JSON` };
    }
    return { ok: response.ok, status: response.status, data };
  }

  async function send(path, body, headers) {
    clearTimeout(state.timer);
    state.timer = 0;
    if (state.controller) state.controller.abort();
    const controller = state.controller = new AbortController();
    const seq = ++state.seq;
    state.inflight++;
    busy();
    setStatus("Checking…", "busy");
    try {
      const answer = await post(path, body, controller.signal, headers);
      return seq === state.seq ? answer : null; // a newer request has been sent: this answer is stale
    } catch (err) {
      if (err.name === "AbortError") return null;
      if (seq === state.seq) fail(`the server could not be reached (${err.message}); is factlint serve running?`);
      return null;
    } finally {
      state.inflight--;
      // The answer is shown (or the error) by the caller right after this: leave busy for a tick.
      setTimeout(busy, 0);
    }
  }

  function fail(message) {
    setStatus(message, "error");
    document.body.dataset.round = String(++state.round);
  }

  async function lintNow() {
    const body = request();
    const answer = await send("/api/lint", JSON.stringify(body));
    if (!answer) return;
    if (!answer.ok) return fail(answer.data.error || `error ${answer.status}`);
    show(answer.data, body.text);
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = ui.live.checked ? setTimeout(() => { state.timer = 0; lintNow(); }, DEBOUNCE_MS) : 0;
    busy();
  }

  function show(data, text, note) {
    state.result = data;
    state.linted = text;
    state.selected = -1;
    render(ui.article, data.html.text);
    render(ui.findings, data.html.findings || '<p class="empty">No findings.</p>');
    render(ui.filters, data.html.filters);
    const warnings = data.warnings.slice();
    if (!data.complete) warnings.push("Some checks did not finish: findings may be missing.");
    ui.warnings.replaceChildren(...warnings.map((w) => Object.assign(document.createElement("p"), { textContent: w })));
    ui.warnings.hidden = warnings.length === 0;
    ui.articleDate.textContent = data.published_from === "article" ? `dated ${data.published} in the article` : "";
    ui.fixAll.disabled = !data.findings.some((f) => f.fix && f.fix.applicability === "safe" && f.fix.edits.length);
    ui.detail.hidden = true;
    setStatus(note ? `${note} ${data.summary}.` : `${data.summary}.`, "done");
    document.body.dataset.round = String(++state.round);
  }

  // Code points (the server's offsets) to UTF-16 units (the textarea's).
  function units(text, points) {
    let unit = 0;
    for (let n = 0; n < points && unit < text.length; n++) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
    }
    return unit;
  }

  // Put the server's text into the text area as one edit, so that Ctrl+Z undoes an accepted suggestion.
  function replaceText(next) {
    const prev = ui.text.value;
    if (prev === next) return;
    let a = 0;
    while (a < prev.length && a < next.length && prev[a] === next[a]) a++;
    let b = 0;
    while (b < prev.length - a && b < next.length - a && prev[prev.length - 1 - b] === next[next.length - 1 - b]) b++;
    const top = ui.text.scrollTop;
    state.applying = true;
    try {
      ui.text.focus({ preventScroll: true });
      ui.text.setSelectionRange(a, prev.length - b);
      const done = document.execCommand("insertText", false, next.slice(a, next.length - b));
      if (!done || ui.text.value !== next) ui.text.value = next;
    } finally {
      state.applying = false;
    }
    ui.text.scrollTop = top;
  }

  function findingIndex(el) {
    const mark = el.closest("[data-finding]");
    if (mark) return Number(mark.dataset.finding.replace(/^f/, ""));
    const card = el.closest("[data-index]");
    return card ? Number(card.dataset.index) : -1;
  }

  function line(text, className) {
    return Object.assign(document.createElement("span"), { textContent: text, className: className || "" });
  }

  function select(i) {
    const f = state.result && state.result.findings[i];
    if (!f) return;
    state.selected = i;
    document.querySelectorAll(".fl-selected").forEach((el) => el.classList.remove("fl-selected"));
    document.querySelectorAll(`[data-finding="f${i}"]`).forEach((el) => el.classList.add("fl-selected"));
    const card = $(`f${i}-card`);
    if (card) card.classList.add("fl-selected");
    $("detail-title").textContent = `${f.code} ${f.name} [${f.severity}] at ${f.line}:${f.column}`;
    $("detail-message").textContent = f.message;
    $("detail-related").replaceChildren(...f.related.map((r, j) => {
      const item = document.createElement("li");
      const link = Object.assign(document.createElement("a"), { href: `#f${i}-r${j}`, textContent: `${r.line}:${r.column}` });
      item.append(link, " ", r.message);
      return item;
    }));
    const suggestion = $("detail-suggestion");
    suggestion.replaceChildren();
    if (f.suggestion !== null) {
      suggestion.append("Suggestion: ", f.suggestion === "" ? line("delete the flagged text", "fl-delete")
        : Object.assign(document.createElement("ins"), { textContent: f.suggestion }));
      const note = !f.fix ? "" : f.fix.applicability === "safe" ? "a safe fix"
        : f.fix.applicability === "unsafe" ? `check before accepting: ${f.fix.reason || "not a safe fix"}`
          : f.fix.reason || "cannot be applied mechanically";
      if (note) suggestion.append(" ", line(`(${note})`, "hint"));
    }
    $("detail-accept").hidden = !acceptable(f);
    const check = state.checks.get(f.code);
    $("detail-explain").replaceChildren(...(check ? explanation(check) : []));
    $("detail-explain-box").hidden = !check;
    ui.detail.hidden = false;
  }

  // factlint explain's text: the summary, then each section (prose as paragraphs, examples line by line).
  function explanation(check) {
    const out = [Object.assign(document.createElement("p"), { textContent: check.summary, className: "summary" })];
    for (const section of check.sections) {
      if (section.title) out.push(Object.assign(document.createElement("h4"), { textContent: section.title }));
      const body = document.createElement(section.examples ? "pre" : "p");
      body.textContent = section.text;
      out.push(body);
    }
    return out;
  }

  function acceptable(f) {
    return Boolean(f.fix && f.fix.edits.length && f.fix.applicability !== "display-only");
  }

  async function accept(i) {
    const f = state.result && state.result.findings[i];
    if (!f || !acceptable(f)) return;
    const body = { ...request(), finding: { code: f.code, start: f.start, end: f.end } };
    const answer = await send("/api/accept", JSON.stringify(body));
    if (!answer) return;
    if (!answer.ok) {
      fail(answer.data.error || `error ${answer.status}`);
      if (answer.status === 409) schedule();
      return;
    }
    replaceText(answer.data.text);
    show(answer.data, answer.data.text, `Accepted ${f.code}.`);
  }

  async function fixAll() {
    const body = request();
    const answer = await send("/api/fix", JSON.stringify(body));
    if (!answer) return;
    if (!answer.ok) return fail(answer.data.error || `error ${answer.status}`);
    replaceText(answer.data.text);
    const n = answer.data.applied.length;
    show(answer.data, answer.data.text, `Applied ${n} safe fix${n === 1 ? "" : "es"}.`);
  }

  function kindOf(name) {
    if (/\.(md|markdown|mdx)$/i.test(name)) return "md";
    if (/\.(html?|xhtml)$/i.test(name)) return "html";
    return "txt";
  }

  async function openFile(file) {
    const params = new URLSearchParams({ name: file.name, kind: kindOf(file.name) });
    if (ui.published.value) params.set("published", ui.published.value);
    const answer = await send(`/api/open?${params}`, file, { "Content-Type": "application/octet-stream" });
    if (!answer) return;
    if (!answer.ok) return fail(answer.data.error || `error ${answer.status}`);
    state.name = file.name;
    ui.kind.value = answer.data.kind;
    ui.text.value = answer.data.text;
    ui.text.scrollTop = 0;
    show(answer.data, answer.data.text, `Opened ${file.name}.`);
  }

  function selectInText() {
    const f = state.result && state.result.findings[state.selected];
    if (!f) return;
    if (ui.text.value !== state.linted) return setStatus("The text has changed since it was checked; check again.", "done");
    ui.text.focus();
    ui.text.setSelectionRange(units(ui.text.value, f.start), units(ui.text.value, f.end));
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(ui.text.value);
    } catch (err) {
      ui.text.select();
      document.execCommand("copy");
    }
    setStatus("The text is on the clipboard.", "done");
  }

  function download() {
    const name = state.name || `article${EXTENSIONS[ui.kind.value]}`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([ui.text.value], { type: "text/plain;charset=utf-8" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  ui.text.addEventListener("input", () => { if (!state.applying) schedule(); });
  ui.text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); lintNow(); }
  });
  ui.text.addEventListener("dragover", (e) => e.preventDefault());
  ui.text.addEventListener("drop", (e) => {
    if (e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); openFile(e.dataTransfer.files[0]); }
  });
  ui.kind.addEventListener("change", lintNow);
  ui.published.addEventListener("change", lintNow);
  ui.live.addEventListener("change", () => { if (ui.live.checked) lintNow(); });
  ui.check.addEventListener("click", lintNow);
  ui.fixAll.addEventListener("click", fixAll);
  ui.copy.addEventListener("click", copy);
  ui.download.addEventListener("click", download);
  ui.file.addEventListener("change", () => {
    const file = ui.file.files[0];
    if (file) openFile(file).finally(() => { ui.file.value = ""; });
  });
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  ui.article.addEventListener("click", (e) => {
    const i = findingIndex(e.target);
    if (i >= 0) select(i);
  });
  ui.findings.addEventListener("click", (e) => {
    const button = e.target.closest("button.fl-accept");
    if (button) return accept(Number(button.dataset.index));
    const i = findingIndex(e.target);
    if (i >= 0) select(i);
  });
  $("detail-accept").addEventListener("click", () => accept(state.selected));
  $("detail-select").addEventListener("click", selectInText);

  fetch("/api/checks").then((r) => r.json()).then((checks) => {
    for (const c of checks) state.checks.set(c.code, c);
    const on = checks.filter((c) => c.enabled).length;
    ui.foot.textContent = `${on} of ${checks.length} checks on. The server keeps nothing you send it: no file is written.`;
  }).catch(() => {});
  setStatus("Paste or open an article.", "idle");
  busy();
})();
