//! HTML article pages: main-content extraction, title and publication date.
//!
//! The page is parsed with html5ever (via scraper) into an arena tree; every walk over it
//! is iterative, so nesting depth costs no stack. Boilerplate (navigation, scripts,
//! styles, comments, teasers, cookie banners, footers, forms, figures) is pruned by tag,
//! ARIA role and class/id words. The main container is found by text mass: each block's
//! own non-link text of at least 25 characters counts, subtree sums are computed bottom-up,
//! and from `<body>` (or the best `<article>`/`<main>`/`articleBody`) the walk descends into
//! the child container (never a single paragraph) holding at least 70 % of the mass. The
//! container's blocks become lines; link-heavy lines and short lines that are neither
//! headings nor end like sentences are dropped. Markup nested deeper than 512 elements is
//! flattened first (see `nesting`), because html5ever is quadratic in nesting depth.

use std::collections::HashMap;

use chrono::NaiveDate;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::util::{collapse_whitespace, parse_date};

/// What an article page yields.
#[derive(Debug, Default)]
pub(crate) struct HtmlArticle {
    pub title: Option<String>,
    /// Paragraphs and subheadings of the main content, one per entry, whitespace collapsed.
    pub lines: Vec<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub lang_attribute: Option<String>,
}

/// Text shorter than this inside one block does not count towards content mass.
const MIN_BLOCK_TEXT: usize = 25;
/// A child holding this share of its parent's content mass is descended into.
const DESCEND_SHARE: f64 = 0.7;

/// Extracts the article of a whole page.
pub(crate) fn extract_article(html: &str) -> HtmlArticle {
    let html = crate::nesting::limit_nesting(html);
    let document = Html::parse_document(&html);
    let mut article = HtmlArticle::default();
    let metadata = read_metadata(&document);
    let root = document.tree.root();
    let body = document
        .tree
        .nodes()
        .find(|node| {
            node.value()
                .as_element()
                .is_some_and(|element| element.name() == "body")
        })
        .unwrap_or(root);
    let scores = content_scores(body);
    let container = find_container(&document, body, &scores);
    // An `<h1>` inside the article wins; one elsewhere is often the site logo, so the
    // page's declared titles come before it.
    let title = first_heading(container)
        .or(metadata.og_title)
        .or(metadata.headline)
        .or(metadata.first_h1)
        .or(metadata.title_tag)
        .filter(|title| !title.is_empty());
    let mut lines = block_lines(container, true);
    if let Some(title) = &title
        && let Some(at) = lines.iter().position(|line| line == title)
    {
        lines.remove(at);
    }
    article.title = title;
    article.lines = lines;
    article.published = metadata.dates.iter().find_map(|value| parse_date(value));
    article.url = metadata.url;
    article.site_name = metadata.site_name;
    article.author = metadata.author;
    article.lang_attribute = metadata.lang;
    article
}

/// The text lines of an HTML fragment (feed item descriptions), boilerplate pruned.
pub(crate) fn fragment_lines(html: &str) -> Vec<String> {
    let html = crate::nesting::limit_nesting(html);
    let fragment = Html::parse_fragment(&html);
    block_lines(fragment.tree.root(), false)
}

#[derive(Default)]
struct Metadata {
    og_title: Option<String>,
    headline: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    /// Publication date candidates, best first.
    dates: Vec<String>,
    url: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
    lang: Option<String>,
}

fn read_metadata(document: &Html) -> Metadata {
    let mut metadata = Metadata::default();
    let mut published_time = None;
    let mut json_ld_date = None;
    let mut other_dates = Vec::new();
    let mut time_element = None;
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        match element.name() {
            "meta" => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"));
                let (Some(key), Some(content)) = (key, element.attr("content")) else {
                    continue;
                };
                let content = content.trim();
                match key.to_ascii_lowercase().as_str() {
                    "og:title" => set_once(&mut metadata.og_title, collapse_whitespace(content)),
                    "article:published_time" => set_once(&mut published_time, content.to_string()),
                    "datepublished" | "date" | "pubdate" | "publishdate" | "dc.date"
                    | "dc.date.issued" | "dcterms.date" | "parsely-pub-date" | "sailthru.date" => {
                        other_dates.push(content.to_string())
                    }
                    "og:url" => set_once(&mut metadata.url, content.to_string()),
                    "og:site_name" => {
                        set_once(&mut metadata.site_name, collapse_whitespace(content))
                    }
                    "author" | "article:author" => {
                        set_once(&mut metadata.author, collapse_whitespace(content))
                    }
                    _ => {}
                }
            }
            "link"
                if element
                    .attr("rel")
                    .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
            {
                if let Some(href) = element.attr("href") {
                    metadata.url = Some(href.trim().to_string());
                }
            }
            "script"
                if element
                    .attr("type")
                    .is_some_and(|kind| kind.contains("ld+json")) =>
            {
                let text = node_text(node);
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
                    if json_ld_date.is_none() {
                        json_ld_date = find_json_string(&value, "datePublished");
                    }
                    if metadata.headline.is_none() {
                        metadata.headline =
                            find_json_string(&value, "headline").map(|h| collapse_whitespace(&h));
                    }
                }
            }
            "time" if time_element.is_none() => {
                time_element = element.attr("datetime").map(str::to_string);
            }
            "title" if metadata.title_tag.is_none() && !has_ancestor(node, "svg") => {
                metadata.title_tag = Some(collapse_whitespace(&node_text(node)));
            }
            "h1" if metadata.first_h1.is_none() => {
                let text = collapse_whitespace(&node_text(node));
                if !text.is_empty() {
                    metadata.first_h1 = Some(text);
                }
            }
            "html" => metadata.lang = element.attr("lang").map(str::to_string),
            _ => {}
        }
    }
    metadata.dates.extend(published_time);
    metadata.dates.extend(json_ld_date);
    metadata.dates.extend(other_dates);
    metadata.dates.extend(time_element);
    metadata
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

fn has_ancestor(node: NodeRef<'_, Node>, name: &str) -> bool {
    let mut current = node.parent();
    let mut steps = 0;
    while let Some(parent) = current {
        if parent
            .value()
            .as_element()
            .is_some_and(|element| element.name() == name)
        {
            return true;
        }
        steps += 1;
        if steps > 64 {
            return false;
        }
        current = parent.parent();
    }
    false
}

/// The first string value under `key` anywhere in a JSON value, searched without recursion.
fn find_json_string(value: &serde_json::Value, key: &str) -> Option<String> {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(object) => {
                if let Some(serde_json::Value::String(found)) = object.get(key) {
                    return Some(found.clone());
                }
                stack.extend(object.values().rev());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

/// All text under a node, concatenated (iterative).
fn node_text(node: NodeRef<'_, Node>) -> String {
    let mut text = String::new();
    walk(node, |child, step| {
        if step == Step::Open
            && let Some(chunk) = child.value().as_text()
        {
            text.push_str(chunk);
        }
        true
    });
    text
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Open,
    Close,
}

/// Depth-first walk without recursion. `visit` sees each node with `Step::Open` (its
/// return value says whether to descend) and `Step::Close` after the node's subtree (also
/// for nodes not descended into; the return value is then ignored).
fn walk<'a>(root: NodeRef<'a, Node>, mut visit: impl FnMut(NodeRef<'a, Node>, Step) -> bool) {
    let mut node = root;
    loop {
        let descend = visit(node, Step::Open);
        if descend && let Some(child) = node.first_child() {
            node = child;
            continue;
        }
        loop {
            visit(node, Step::Close);
            if node.id() == root.id() {
                return;
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return,
            }
        }
    }
}

const PRUNED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "input", "textarea", "figure", "object", "embed", "canvas", "video",
    "audio", "dialog", "head", "menu", "math", "label",
];

const PRUNED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "alertdialog",
    "menu",
    "search",
];

/// Words in class or id values that mark boilerplate.
const PRUNED_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anzeige",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "footer",
    "gdpr",
    "kommentare",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "teaser",
    "teasers",
    "werbung",
    "widget",
];

/// Substrings that mark boilerplate even inside compound class names (`cookieBanner`).
const PRUNED_SUBSTRINGS: &[&str] = &[
    "cookie",
    "consent",
    "teaser",
    "newsletter",
    "related",
    "comment",
    "social",
    "sharing",
];

fn is_pruned(node: NodeRef<'_, Node>) -> bool {
    let value = node.value();
    if matches!(
        value,
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_)
    ) {
        return true;
    }
    let Some(element) = value.as_element() else {
        return false;
    };
    let name = element.name();
    if PRUNED_TAGS.contains(&name) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|hidden| hidden == "true")
    {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| PRUNED_ROLES.contains(&role.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if element.attr("style").is_some_and(|style| {
        let style = style.to_ascii_lowercase().replace(' ', "");
        style.contains("display:none") || style.contains("visibility:hidden")
    }) {
        return true;
    }
    // Never prune the containers that hold the article itself by their class names.
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let marked = |value: &str| {
        value.split_whitespace().any(|token| {
            let lower = token.to_ascii_lowercase();
            PRUNED_SUBSTRINGS
                .iter()
                .any(|needle| lower.contains(needle))
                || lower
                    .split(['-', '_'])
                    .any(|word| PRUNED_WORDS.contains(&word))
        })
    };
    element.attr("class").is_some_and(marked) || element.attr("id").is_some_and(marked)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dl"
            | "dt"
            | "dd"
            | "header"
            | "br"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "figcaption"
            | "body"
            | "html"
            | "tbody"
            | "thead"
    )
}

/// Elements that hold one paragraph's worth of text rather than other blocks.
fn is_paragraph_level(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "li"
            | "dd"
            | "dt"
            | "figcaption"
            | "address"
            | "summary"
            | "a"
            | "b"
            | "strong"
            | "em"
            | "i"
            | "span"
    )
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|element| element.name())
}

/// Content mass per element: non-link text of blocks with at least `MIN_BLOCK_TEXT`
/// characters, summed over the subtree.
fn content_scores(body: NodeRef<'_, Node>) -> HashMap<NodeId, usize> {
    let mut scores = HashMap::new();
    // One frame per open element: (subtree sum so far, own text if it is a block).
    let mut frames: Vec<(usize, Option<usize>)> = Vec::new();
    let mut link_depth = 0usize;
    walk(body, |node, step| {
        if step == Step::Open {
            if is_pruned(node) {
                return false;
            }
            if let Some(text) = node.value().as_text() {
                if link_depth == 0 {
                    let length = text.trim().chars().count();
                    if let Some(own) = frames.iter_mut().rev().find_map(|frame| frame.1.as_mut()) {
                        *own += length;
                    }
                }
                return false;
            }
            if let Some(name) = element_name(&node) {
                if name == "a" {
                    link_depth += 1;
                }
                frames.push((0, is_block(name).then_some(0)));
            }
            true
        } else {
            if node.value().as_element().is_none() || is_pruned(node) {
                return false;
            }
            if element_name(&node) == Some("a") {
                link_depth = link_depth.saturating_sub(1);
            }
            let Some((sum, own)) = frames.pop() else {
                return false;
            };
            let own = own.filter(|own| *own >= MIN_BLOCK_TEXT).unwrap_or(0);
            let total = sum + own;
            scores.insert(node.id(), total);
            if let Some(parent) = frames.last_mut() {
                parent.0 += total;
            }
            false
        }
    });
    scores
}

fn find_container<'a>(
    document: &'a Html,
    body: NodeRef<'a, Node>,
    scores: &HashMap<NodeId, usize>,
) -> NodeRef<'a, Node> {
    let score = |node: NodeRef<'_, Node>| scores.get(&node.id()).copied().unwrap_or(0);
    let body_score = score(body);
    let mut start = body;
    let mut best = 0;
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let semantic = matches!(element.name(), "article" | "main")
            || element
                .attr("itemprop")
                .is_some_and(|prop| prop == "articleBody");
        let node_score = score(node);
        if semantic && node_score * 10 >= body_score * 3 && node_score > best {
            best = node_score;
            start = node;
        }
    }
    let mut node = start;
    loop {
        let total = score(node);
        // Only containers are descended into: a single dominant paragraph is part of the
        // article, not the article.
        let best_child = node
            .children()
            .filter(|child| element_name(child).is_some_and(|name| !is_paragraph_level(name)))
            .max_by_key(|child| score(*child));
        match best_child {
            Some(child)
                if score(child) > 0 && score(child) as f64 >= DESCEND_SHARE * total as f64 =>
            {
                node = child
            }
            _ => return node,
        }
    }
}

fn first_heading(container: NodeRef<'_, Node>) -> Option<String> {
    let mut found = None;
    walk(container, |node, step| {
        if step == Step::Close || found.is_some() || is_pruned(node) {
            return false;
        }
        if element_name(&node) == Some("h1") {
            let text = collapse_whitespace(&node_text(node));
            if !text.is_empty() {
                found = Some(text);
            }
            return false;
        }
        true
    });
    found
}

/// A line being assembled from text nodes.
#[derive(Default)]
struct LineBuffer {
    text: String,
    link_chars: usize,
    chars: usize,
    heading: bool,
}

/// The blocks under `root` as lines. With `filter_boilerplate`, link-heavy lines and short
/// lines that are neither headings nor sentences are dropped.
fn block_lines(root: NodeRef<'_, Node>, filter_boilerplate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut buffer = LineBuffer::default();
    let mut link_depth = 0usize;
    let mut heading_depth = 0usize;
    let flush = |buffer: &mut LineBuffer, lines: &mut Vec<String>| {
        let line = buffer.text.trim();
        if !line.is_empty() {
            let link_heavy = buffer.link_chars * 10 > buffer.chars * 6;
            let fragment = buffer.chars < 20
                && !buffer.heading
                && !line.ends_with(['.', '!', '?', ':', '"', '“', '”', '»', '«', ')']);
            if !filter_boilerplate || !(link_heavy || fragment) {
                lines.push(line.to_string());
            }
        }
        *buffer = LineBuffer::default();
    };
    walk(root, |node, step| {
        if step == Step::Open {
            if is_pruned(node) {
                return false;
            }
            if let Some(text) = node.value().as_text() {
                for (index, word) in text.split_whitespace().enumerate() {
                    let space_before = index > 0 || text.starts_with(char::is_whitespace);
                    if space_before && !buffer.text.is_empty() && !buffer.text.ends_with(' ') {
                        buffer.text.push(' ');
                    }
                    buffer.text.push_str(word);
                    let count = word.chars().count();
                    buffer.chars += count;
                    if link_depth > 0 {
                        buffer.link_chars += count;
                    }
                    if heading_depth > 0 {
                        buffer.heading = true;
                    }
                }
                if text.ends_with(char::is_whitespace)
                    && !buffer.text.is_empty()
                    && !buffer.text.ends_with(' ')
                {
                    buffer.text.push(' ');
                }
                return false;
            }
            if let Some(name) = element_name(&node) {
                if is_block(name) {
                    flush(&mut buffer, &mut lines);
                }
                match name {
                    "a" => link_depth += 1,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => heading_depth += 1,
                    _ => {}
                }
            }
            true
        } else {
            if is_pruned(node) {
                return false;
            }
            if let Some(name) = element_name(&node) {
                match name {
                    "a" => link_depth = link_depth.saturating_sub(1),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        heading_depth = heading_depth.saturating_sub(1)
                    }
                    _ => {}
                }
                if is_block(name) {
                    flush(&mut buffer, &mut lines);
                }
            }
            false
        }
    });
    flush(&mut buffer, &mut lines);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="de"><head>
<meta charset="utf-8"><title>Gipfel in Brüssel | Beispielzeitung</title>
<meta property="og:site_name" content="Beispielzeitung">
<meta property="article:published_time" content="2024-12-04T17:05:00+01:00">
<script>var tracking = "nicht lesen";</script><style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<div class="cookie-banner"><p>Wir verwenden Cookies, damit diese Seite besser funktioniert als ohne sie.</p></div>
<main><article>
<h1>Gipfel in <em>Brüssel</em> endet ohne Einigung</h1>
<p class="lead">Die Außenminister haben sich nach zwei Tagen nicht auf eine gemeinsame Linie verständigt.</p>
<!-- ein Kommentar im Quelltext -->
<div class="article-body">
<p>Der Streit drehte sich vor allem um die Finanzierung der geplanten Hilfen für die Ukraine.</p>
<div class="teaser"><a href="/x"><p>Lesen Sie auch: Ein ganz anderer Artikel über das Wetter am Wochenende</p></a></div>
<h2>Nächste Runde im Januar</h2>
<p>Ein neues Treffen sei für Januar geplant, hieß es aus Diplomatenkreisen in der belgischen Hauptstadt.</p>
</div></article></main>
<footer><p>Impressum und Datenschutz, alle Rechte vorbehalten bei der Beispielzeitung.</p></footer>
</body></html>"#;

    #[test]
    fn article_page() {
        let article = extract_article(PAGE);
        assert_eq!(
            article.title.as_deref(),
            Some("Gipfel in Brüssel endet ohne Einigung")
        );
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2024, 12, 4));
        assert_eq!(article.site_name.as_deref(), Some("Beispielzeitung"));
        assert_eq!(
            article.lines,
            [
                "Die Außenminister haben sich nach zwei Tagen nicht auf eine gemeinsame Linie verständigt.",
                "Der Streit drehte sich vor allem um die Finanzierung der geplanten Hilfen für die Ukraine.",
                "Nächste Runde im Januar",
                "Ein neues Treffen sei für Januar geplant, hieß es aus Diplomatenkreisen in der belgischen Hauptstadt.",
            ]
        );
    }

    #[test]
    fn dates_from_json_ld_and_time() {
        let page = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-06T08:00:00Z","headline":"Eine Schlagzeile"}]}</script></head>
<body><p>Ein Absatz mit genug Text, damit er als Inhalt zählt und erhalten bleibt.</p></body></html>"#;
        let article = extract_article(page);
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2023, 5, 6));
        assert_eq!(article.title.as_deref(), Some("Eine Schlagzeile"));
        let page = r#"<body><time datetime="2022-01-02">2. Januar</time><p>Ein Absatz mit genug Text, damit er als Inhalt zählt.</p></body>"#;
        assert_eq!(
            extract_article(page).published,
            NaiveDate::from_ymd_opt(2022, 1, 2)
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut page = String::from("<html><body>");
        page.push_str(&"<div>".repeat(depth));
        page.push_str("<p>Ganz tief unten steht ein Absatz mit genügend Text für den Inhalt.</p>");
        page.push_str(&"</div>".repeat(depth));
        page.push_str("</body></html>");
        let article = extract_article(&page);
        assert_eq!(article.lines.len(), 1);
    }

    #[test]
    fn logo_heading_outside_the_article_is_not_the_title() {
        let page = r#"<html><head><meta property="og:title" content="Hafen wird ausgebaut"></head><body>
<header><h1><a href="/">Beispielzeitung</a></h1></header>
<div class="story"><p>Der Hafen der Stadt soll in den kommenden fünf Jahren deutlich erweitert werden.</p>
<p>Die Kosten werden auf rund zwei Milliarden Euro geschätzt, teilte die Verwaltung mit.</p></div></body></html>"#;
        let article = extract_article(page);
        assert_eq!(article.title.as_deref(), Some("Hafen wird ausgebaut"));
        assert_eq!(article.lines.len(), 2);
    }

    #[test]
    fn one_long_and_one_short_paragraph_are_both_kept() {
        let long =
            "Ein sehr langer erster Absatz, der fast den ganzen Artikel ausmacht. ".repeat(8);
        let page = format!(
            "<body><article><h1>Titel</h1><p>{long}</p><p>Ein kurzer zweiter Absatz mit etwas Text.</p></article></body>"
        );
        assert_eq!(extract_article(&page).lines.len(), 2);
    }

    #[test]
    fn fragments() {
        assert_eq!(
            fragment_lines("<p>Erster</p><p>Zweiter <b>Absatz</b></p>text<br>mehr"),
            ["Erster", "Zweiter Absatz", "text", "mehr"]
        );
    }
}
