// lagebild workbench. Every text that comes from an article or the store is inserted with
// textContent or as an SVG text node, never as HTML.
"use strict";

const LABELS = {
  en: { documents: "Documents", events: "Events", timeline: "Timeline", network: "Network", dyad: "Dyad",
    quotes: "Quotes", title: "Title", published: "Published", lang: "Lang", date: "Date", source: "Source",
    target: "Target", cameo: "CAMEO", plover: "PLOVER", goldstein: "Goldstein", modality: "Modality",
    trigger: "Trigger", rule: "Rule", document: "Document", actor: "Actor", country: "Country", dyadSrc: "Source actor",
    dyadTgt: "Target actor", from: "From", to: "To", text: "Full text", apply: "Apply", reset: "Reset",
    speaker: "Speaker", kind: "Kind", quote: "Quote", count: "Events", mean: "Mean Goldstein", none: "Nothing found.",
    dedup: "Counts are deduplicated: one event per story (near-duplicate articles grouped).",
    previous: "Previous", next: "Next", interval: "Interval", week: "week", day: "day", cue: "Cue",
    actors: "Actors", times: "Times", places: "Places", search: "Search", cooperation: "cooperation", conflict: "conflict",
    emptyStore: "The store is empty. Ingest articles with: lagebild ingest PATH", eventsIn: "events", story: "Story" },
  de: { documents: "Dokumente", events: "Ereignisse", timeline: "Zeitverlauf", network: "Netzwerk", dyad: "Dyade",
    quotes: "Zitate", title: "Titel", published: "Erschienen", lang: "Sprache", date: "Datum", source: "Quelle",
    target: "Ziel", cameo: "CAMEO", plover: "PLOVER", goldstein: "Goldstein", modality: "Modalität",
    trigger: "Auslöser", rule: "Regel", document: "Dokument", actor: "Akteur", country: "Land", dyadSrc: "Akteur A",
    dyadTgt: "Akteur B", from: "Von", to: "Bis", text: "Volltext", apply: "Anwenden", reset: "Zurücksetzen",
    speaker: "Sprecher", kind: "Art", quote: "Zitat", count: "Ereignisse", mean: "Goldstein-Mittel", none: "Nichts gefunden.",
    dedup: "Zählungen sind dedupliziert: ein Ereignis pro Meldung (nahezu gleiche Artikel gruppiert).",
    previous: "Zurück", next: "Weiter", interval: "Intervall", week: "Woche", day: "Tag", cue: "Redeeinleitung",
    actors: "Akteure", times: "Zeiten", places: "Orte", search: "Suchen", cooperation: "Kooperation", conflict: "Konflikt",
    emptyStore: "Der Speicher ist leer. Artikel einlesen mit: lagebild ingest PFAD", eventsIn: "Ereignisse", story: "Meldung" },
};
let lang = localStorage.getItem("lagebild-lang") || (navigator.language || "en").slice(0, 2);
if (!LABELS[lang]) lang = "en";
const t = (key) => LABELS[lang][key] || key;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const svgNs = "http://www.w3.org/2000/svg";
function svg(tag, attrs, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = String(text);
  return node;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) if (value !== "" && value !== undefined && value !== null) query.set(key, value);
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

const view = () => document.getElementById("view");
function show(...nodes) { const main = view(); main.replaceChildren(...nodes); }
function hashParams() {
  const [path, query] = location.hash.slice(1).split("?");
  return { path: path || "/documents", params: new URLSearchParams(query || "") };
}
function setHash(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  location.hash = query.toString() ? `${path}?${query}` : path;
}
const quadClass = (event) => `pill q${event.quad_class}`;
const actorLabel = (name, code) => (name ? `${name}${code ? ` (${code})` : ""}` : code || "–");

// ---- documents -------------------------------------------------------------------------
async function documentsView(params) {
  const offset = Number(params.get("offset") || 0);
  const q = params.get("q") || "";
  const data = await api("/api/documents", { limit: 50, offset, q });
  const search = el("input", { type: "search", value: q, placeholder: t("search"), "aria-label": t("search") });
  const form = el("form", { class: "filters", onsubmit: (event) => { event.preventDefault(); setHash("/documents", { q: search.value }); } },
    el("label", {}, t("text"), search), el("button", { type: "submit" }, t("search")));
  if (!data.documents.length) return show(el("h1", {}, t("documents")), form, el("div", { class: "empty" }, q ? t("none") : t("emptyStore")));
  const rows = data.documents.map((doc) => el("tr", {},
    el("td", {}, doc.published || "–"),
    el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(doc.id)}` }, doc.title || doc.id)),
    el("td", {}, doc.lang), el("td", { class: "num" }, doc.events), el("td", { class: "code" }, doc.story_id ?? "")));
  show(el("h1", {}, `${t("documents")} (${data.total})`), form,
    el("table", { id: "documents" }, el("thead", {}, el("tr", {}, el("th", {}, t("published")), el("th", {}, t("title")),
      el("th", {}, t("lang")), el("th", {}, t("events")), el("th", {}, t("story")))), el("tbody", {}, rows)),
    pager("/documents", { q }, offset, 50, data.total));
}

function pager(path, params, offset, limit, total) {
  return el("div", { class: "pager" },
    el("button", { disabled: offset <= 0 ? "disabled" : null, onclick: () => setHash(path, { ...params, offset: Math.max(0, offset - limit) }) }, t("previous")),
    el("span", { class: "note" }, `${total ? offset + 1 : 0}–${Math.min(offset + limit, total)} / ${total}`),
    el("button", { disabled: offset + limit >= total ? "disabled" : null, onclick: () => setHash(path, { ...params, offset: offset + limit }) }, t("next")));
}

// ---- article reader --------------------------------------------------------------------
function highlightedText(doc) {
  // Offsets are Unicode scalar offsets; Array.from splits a JS string the same way.
  const chars = Array.from(doc.text);
  const marks = [];
  const tip = (lines) => lines.filter(Boolean).join("\n");
  for (const event of doc.events || []) marks.push({ start: event.start, end: event.end, kind: "event", rank: 0,
    tip: tip([`${event.cameo} ${event.plover || ""} (${event.goldstein})`, `${actorLabel(event.source.name, event.source.code)} → ${event.target ? actorLabel(event.target.name, event.target.code) : "–"}`,
      `${t("modality")}: ${(event.modality || []).join(", ")}`, event.date ? `${t("date")}: ${event.date}` : "", `${t("rule")}: ${event.rule}`]) });
  for (const actor of doc.actors || []) marks.push({ start: actor.start, end: actor.end, kind: "actor", rank: 1,
    tip: tip([`${actor.name} ${actor.code}`, actor.type, actor.rule ? `${t("rule")}: ${actor.rule}` : ""]) });
  for (const time of doc.times || []) marks.push({ start: time.start, end: time.end, kind: "time", rank: 1, tip: `${time.type} ${time.value ?? "?"}` });
  for (const place of doc.places || []) marks.push({ start: place.start, end: place.end, kind: "place", rank: 1,
    tip: `${place.name} ${place.country || ""} ${place.lat?.toFixed?.(3) ?? ""}, ${place.lon?.toFixed?.(3) ?? ""}` });
  for (const quote of doc.quotes || []) marks.push({ start: quote.start, end: quote.end, kind: "quote", rank: 2,
    tip: tip([`${quote.kind}: ${quote.speaker ? actorLabel(quote.speaker.name || quote.speaker.text, quote.speaker.code) : "?"}`, quote.cue ? `${t("cue")}: ${quote.cue.text}` : ""]) });
  // Boundaries split the text into segments; each segment is wrapped by every mark covering it.
  const cuts = new Set([0, chars.length]);
  for (const mark of marks) { cuts.add(Math.max(0, Math.min(chars.length, mark.start))); cuts.add(Math.max(0, Math.min(chars.length, mark.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article", id: "article-text" });
  for (let index = 0; index + 1 < points.length; index++) {
    const [from, to] = [points[index], points[index + 1]];
    let node = document.createTextNode(chars.slice(from, to).join(""));
    const covering = marks.filter((mark) => mark.start <= from && to <= mark.end).sort((a, b) => b.rank - a.rank);
    for (const mark of covering) {
      const wrapper = el("mark", { class: mark.kind, "data-tip": mark.tip });
      wrapper.append(node);
      node = wrapper;
    }
    container.append(node);
  }
  return container;
}

async function documentView(id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const eventRows = (doc.events || []).map((event) => el("tr", {},
    el("td", {}, event.text), el("td", {}, actorLabel(event.source.name, event.source.code)),
    el("td", {}, event.target ? actorLabel(event.target.name, event.target.code) : "–"),
    el("td", { class: "code" }, el("span", { class: quadClass(event) }, event.cameo), " ", event.plover || ""),
    el("td", {}, (event.modality || []).join(", ")), el("td", { class: "code" }, event.rule)));
  const quoteRows = (doc.quotes || []).map((quote) => el("tr", {},
    el("td", {}, quote.kind), el("td", {}, quote.speaker ? (quote.speaker.name || quote.speaker.text) : "–"), el("td", {}, quote.text)));
  show(
    el("h1", { id: "doc-title" }, doc.title || doc.id),
    el("p", { class: "note" }, [doc.published, doc.lang, doc.source].filter(Boolean).join(" · ")),
    el("p", { class: "legend" }, ...["actor", "event", "quote", "time", "place"].map((kind) => el("mark", { class: kind }, t(kind === "actor" ? "actors" : kind === "event" ? "events" : kind === "quote" ? "quotes" : kind === "time" ? "times" : "places")))),
    el("div", { class: "reader" }, highlightedText(doc), el("div", {},
      el("h2", {}, t("events")), eventRows.length ? el("table", { id: "doc-events" }, el("tbody", {}, eventRows)) : el("p", { class: "note" }, t("none")),
      el("h2", {}, t("quotes")), quoteRows.length ? el("table", { id: "doc-quotes" }, el("tbody", {}, quoteRows)) : el("p", { class: "note" }, t("none")))));
}

// ---- events table ----------------------------------------------------------------------
const FILTERS = ["actor", "country", "cameo", "plover", "modality", "from", "to", "q"];
function filterForm(path, params, extra) {
  const inputs = {};
  const field = (name, label, type) => { inputs[name] = el("input", { name, type: type || "text", value: params.get(name) || "" }); return el("label", {}, label, inputs[name]); };
  const form = el("form", { class: "filters", id: "event-filters", onsubmit: (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, input] of Object.entries(inputs)) values[name] = input.value.trim();
    setHash(path, values);
  } },
  field("actor", t("actor")), field("country", t("country")), field("cameo", t("cameo")), field("plover", t("plover")),
  field("modality", t("modality")), field("from", t("from"), "date"), field("to", t("to"), "date"), field("q", t("text")),
  ...(extra || []), el("button", { type: "submit" }, t("apply")), el("button", { type: "button", onclick: () => setHash(path, {}) }, t("reset")));
  return form;
}

async function eventsView(params) {
  const offset = Number(params.get("offset") || 0);
  const query = { limit: 100, offset };
  for (const name of FILTERS) query[name] = params.get(name) || "";
  const data = await api("/api/events", query);
  const rows = data.events.map((event) => el("tr", {},
    el("td", {}, event.event_date || event.date || "–"),
    el("td", {}, actorLabel(event.source_name, event.source_code)),
    el("td", {}, actorLabel(event.target_name, event.target_code)),
    el("td", { class: "code" }, el("span", { class: quadClass(event) }, event.cameo)),
    el("td", {}, event.plover || ""), el("td", { class: "num" }, event.goldstein),
    el("td", {}, (event.modality || []).join(", ")), el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(event.document_id)}`, title: event.title || event.document_id }, event.trigger_text || event.document_id)),
    el("td", { class: "code" }, event.rule || "")));
  const current = {};
  for (const name of FILTERS) current[name] = params.get(name) || "";
  show(el("h1", {}, `${t("events")} (${data.total})`), filterForm("/events", params),
    el("p", { class: "note" }, data.deduplicated ? t("dedup") : ""),
    rows.length ? el("table", { id: "events" }, el("thead", {}, el("tr", {}, ...["date", "source", "target", "cameo", "plover", "goldstein", "modality", "trigger", "rule"].map((key) => el("th", {}, t(key))))), el("tbody", {}, rows)) : el("div", { class: "empty" }, t("none")),
    pager("/events", current, offset, 100, data.total));
}

// ---- charts ----------------------------------------------------------------------------
function barChart(series, { width = 1000, height = 260, id }) {
  const root = svg("svg", { viewBox: `0 0 ${width} ${height + 60}`, class: "chart", id, role: "img" });
  if (!series.length) { root.append(svg("text", { x: 20, y: 30 }, t("none"))); return root; }
  const max = Math.max(1, ...series.map((point) => point.events));
  const step = (width - 60) / series.length;
  root.append(svg("text", { x: 4, y: 14 }, String(max)));
  series.forEach((point, index) => {
    const x = 50 + index * step;
    let y = height;
    const quads = point.quad_classes || [0, 0, 0, 0];
    const colors = ["#81c784", "#2e7d32", "#ef9a9a", "#c62828"];
    quads.forEach((value, quad) => {
      const h = (value / max) * (height - 20);
      y -= h;
      const rect = svg("rect", { x, y, width: Math.max(1, step - 2), height: h, fill: colors[quad] });
      rect.append(svg("title", {}, `${point.period}: ${value} (QuadClass ${quad + 1})`));
      root.append(rect);
    });
    if (series.length <= 40 || index % Math.ceil(series.length / 40) === 0)
      root.append(svg("text", { x, y: height + 14, transform: `rotate(45 ${x} ${height + 14})` }, point.period));
    if (point.events > 0) {
      const meanY = height / 2 - (point.goldstein_mean || 0) * (height / 25);
      const dot = svg("circle", { cx: x + step / 2, cy: meanY, r: 2.5, fill: "#1f5fa8" });
      dot.append(svg("title", {}, `${point.period}: ${point.events} ${t("eventsIn")}, ${t("mean")} ${Number(point.goldstein_mean).toFixed(1)}`));
      root.append(dot);
    }
  });
  return root;
}

async function timelineView(params) {
  const interval = params.get("interval") || "week";
  const actorInput = el("input", { name: "actor", value: params.get("actor") || "", placeholder: "RUS" });
  const intervalSelect = el("select", { name: "interval" }, el("option", { value: "week", selected: interval === "week" ? "selected" : null }, t("week")), el("option", { value: "day", selected: interval === "day" ? "selected" : null }, t("day")));
  const form = el("form", { class: "filters", onsubmit: (event) => { event.preventDefault(); setHash("/timeline", { actor: actorInput.value.trim(), interval: intervalSelect.value }); } },
    el("label", {}, t("actor"), actorInput), el("label", {}, t("interval"), intervalSelect), el("button", { type: "submit" }, t("apply")));
  const data = await api("/api/timeseries", { actor: params.get("actor") || "", interval });
  show(el("h1", {}, t("timeline")), form, el("p", { class: "note" }, `${t("dedup")} ● = ${t("mean")}`), barChart(data.series, { id: "timeline-chart" }));
}

async function dyadView(params) {
  const a = el("input", { name: "source", value: params.get("source") || "", placeholder: "RUS" });
  const b = el("input", { name: "target", value: params.get("target") || "", placeholder: "PRK" });
  const form = el("form", { class: "filters", onsubmit: (event) => { event.preventDefault(); setHash("/dyad", { source: a.value.trim(), target: b.value.trim() }); } },
    el("label", {}, t("dyadSrc"), a), el("label", {}, t("dyadTgt"), b), el("button", { type: "submit" }, t("apply")));
  const nodes = [el("h1", {}, t("dyad")), form];
  if (params.get("source") && params.get("target")) {
    const forward = await api("/api/timeseries", { source: params.get("source"), target: params.get("target"), interval: "week" });
    const backward = await api("/api/timeseries", { source: params.get("target"), target: params.get("source"), interval: "week" });
    nodes.push(el("h2", {}, `${params.get("source")} → ${params.get("target")}`), barChart(forward.series, { id: "dyad-forward", height: 180 }),
      el("h2", {}, `${params.get("target")} → ${params.get("source")}`), barChart(backward.series, { id: "dyad-backward", height: 180 }));
  }
  show(...nodes);
}

async function networkView(params) {
  const data = await api("/api/network", { from: params.get("from") || "", to: params.get("to") || "", limit: 40 });
  const width = 1000, height = 640;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", id: "network-graph", role: "img" });
  if (!data.nodes.length) root.append(svg("text", { x: 20, y: 30 }, t("none")));
  // A deterministic circular layout refined by a few rounds of force-directed relaxation.
  const positions = new Map();
  data.nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, data.nodes.length);
    positions.set(node.id, { x: width / 2 + 260 * Math.cos(angle), y: height / 2 + 260 * Math.sin(angle) });
  });
  for (let round = 0; round < 120; round++) {
    for (const edge of data.edges) {
      const p = positions.get(edge.source), q = positions.get(edge.target);
      if (!p || !q || p === q) continue;
      const dx = q.x - p.x, dy = q.y - p.y, distance = Math.hypot(dx, dy) || 1, pull = (distance - 180) * 0.01;
      p.x += (dx / distance) * pull; p.y += (dy / distance) * pull; q.x -= (dx / distance) * pull; q.y -= (dy / distance) * pull;
    }
    for (const p of positions.values()) for (const q of positions.values()) {
      if (p === q) continue;
      const dx = q.x - p.x, dy = q.y - p.y, distance = Math.hypot(dx, dy) || 1;
      if (distance < 90) { const push = (90 - distance) * 0.05; p.x -= (dx / distance) * push; p.y -= (dy / distance) * push; }
    }
    for (const p of positions.values()) { p.x = Math.min(width - 40, Math.max(40, p.x)); p.y = Math.min(height - 20, Math.max(20, p.y)); }
  }
  for (const edge of data.edges) {
    const p = positions.get(edge.source), q = positions.get(edge.target);
    if (!p || !q) continue;
    const conflict = edge.conflict > edge.cooperation;
    const line = svg("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: conflict ? "#c62828" : "#2e7d32", "stroke-opacity": 0.6,
      "stroke-width": Math.min(8, 1 + Math.log2(1 + edge.cooperation + edge.conflict)), class: "edge" });
    line.append(svg("title", {}, `${edge.source} – ${edge.target}: ${edge.cooperation} ${t("cooperation")}, ${edge.conflict} ${t("conflict")}`));
    root.append(line);
  }
  for (const node of data.nodes) {
    const p = positions.get(node.id);
    const group = svg("g", { class: "node", tabindex: 0 });
    group.append(svg("circle", { cx: p.x, cy: p.y, r: 5 + Math.min(14, Math.sqrt(node.events)), fill: "#1f5fa8", "fill-opacity": 0.8 }));
    group.append(svg("text", { x: p.x + 10, y: p.y + 4 }, node.name || node.id));
    group.append(svg("title", {}, `${node.name} (${node.id}): ${node.events} ${t("eventsIn")}`));
    group.addEventListener("click", () => setHash("/events", { actor: node.id }));
    root.append(group);
  }
  show(el("h1", {}, t("network")), el("p", { class: "note" }, `${t("dedup")} — ${t("cooperation")}: green, ${t("conflict")}: red`), root);
}

async function quotesView(params) {
  const speaker = el("input", { name: "speaker", value: params.get("speaker") || "" });
  const form = el("form", { class: "filters", id: "quote-filters", onsubmit: (event) => { event.preventDefault(); setHash("/quotes", { speaker: speaker.value.trim() }); } },
    el("label", {}, t("speaker"), speaker), el("button", { type: "submit" }, t("search")));
  const data = await api("/api/quotes", { speaker: params.get("speaker") || "", limit: 200 });
  const rows = data.quotes.map((quote) => el("tr", {},
    el("td", {}, actorLabel(quote.speaker_name, quote.speaker_code)), el("td", {}, quote.kind),
    el("td", {}, quote.text), el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(quote.document_id)}` }, t("document")))));
  show(el("h1", {}, t("quotes")), form, rows.length ? el("table", { id: "quotes" }, el("tbody", {}, rows)) : el("div", { class: "empty" }, t("none")));
}

// ---- routing, tooltips, keys -----------------------------------------------------------
async function route() {
  const { path, params } = hashParams();
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", path.startsWith(link.getAttribute("href").slice(1)));
  try {
    if (path.startsWith("/doc/")) await documentView(decodeURIComponent(path.slice(5)));
    else if (path === "/events") await eventsView(params);
    else if (path === "/timeline") await timelineView(params);
    else if (path === "/network") await networkView(params);
    else if (path === "/dyad") await dyadView(params);
    else if (path === "/quotes") await quotesView(params);
    else await documentsView(params);
  } catch (error) {
    show(el("div", { class: "empty" }, String(error.message || error)));
  }
}

function applyLabels() {
  document.documentElement.lang = lang;
  document.getElementById("lang-toggle").textContent = lang === "de" ? "EN" : "DE";
  for (const link of document.querySelectorAll("nav a")) link.textContent = t(link.dataset.label);
}

document.addEventListener("mouseover", (event) => {
  const tip = document.getElementById("tooltip");
  const target = event.target.closest && event.target.closest("[data-tip]");
  if (!target) { tip.hidden = true; return; }
  tip.textContent = target.getAttribute("data-tip");
  tip.hidden = false;
});
document.addEventListener("mousemove", (event) => {
  const tip = document.getElementById("tooltip");
  tip.style.left = `${event.clientX + 12}px`;
  tip.style.top = `${event.clientY + 12}px`;
});
document.addEventListener("keydown", (event) => {
  if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
  const link = document.querySelector(`nav a[data-key="${event.key}"]`);
  if (link) { location.hash = link.getAttribute("href"); event.preventDefault(); }
});
document.getElementById("lang-toggle").addEventListener("click", () => {
  lang = lang === "de" ? "en" : "de";
  localStorage.setItem("lagebild-lang", lang);
  applyLabels();
  route();
});
window.addEventListener("hashchange", route);
applyLabels();
api("/api/health").then((health) => { document.getElementById("status").textContent = [`${health.documents ?? 0} ${t("documents")}`, `${health.events ?? 0} ${t("eventsIn")}`, health.read_only ? "read-only" : ""].filter(Boolean).join(" · "); }).catch(() => {});
route();
