//! HTML pages as static-site generators (Hugo, Eleventy, Astro, …) write them: the text a
//! reader sees in the page's content, and its title, date and language.
//!
//! The content is what the page marks with `data-sondhan-body`, else its `<main>`, else its
//! `<article>`, else the whole page; navigation, headers, footers, scripts and forms inside it
//! are left out (see [`read_page`]).
//!
//! lol_html streams tokens and builds no tree, so [`Reader`] keeps its own stack of open
//! elements. lol_html runs an element's end-tag handlers when an end tag closes it, whether the
//! tag is its own or an ancestor's (`</div>` in `<div><b><i>x</div>` runs the handlers of
//! `div`, `b` and `i`), but never for an element that a start tag closes (`<p>a<p>b`,
//! `<li>x<li>y`, `<td>a<td>b`) nor for one left open at the end. So the stack closes those
//! itself, by the HTML spec's implied end tags ([`Reader::close_implied`]), and an end-tag
//! handler closes its element and everything opened after it. The stack then never holds an
//! element lol_html has closed: a forgotten `</li>` inside `<nav>` cannot hide the rest of the
//! page.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{doc_text, element, end_tag, HandlerResult, HtmlRewriter, MemorySettings, Settings};
use sondhan_engine::index::Section;

/// What one HTML page gives the index.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Page {
    /// `<html lang>`, lower-cased and trimmed; None when missing or empty.
    pub lang: Option<String>,
    /// `data-sondhan-title` (the attribute's value when non-empty, else the marked element's
    /// text), else the text of the first `<h1>` inside the content, else `<title>`. Whitespace
    /// collapsed to single spaces, trimmed. Empty when none.
    ///
    /// The `<h1>` comes before `<title>` because generators append the site's name to
    /// `<title>` ("Post | Site"), while the h1 is the article's own.
    pub title: String,
    /// The content's text: blocks separated by '\n' (one '\n' between consecutive blocks, never
    /// empty lines, no leading/trailing newline), whitespace inside a block collapsed to single
    /// spaces and trimmed.
    pub body: String,
    /// The raw date string, first found of: a `data-sondhan-date` attribute's value (on any
    /// element), `<time datetime="...">` inside the content (first one; its datetime
    /// attribute), `<meta property="article:published_time" content>`, `<meta name="date"
    /// content>`. Trimmed; None if none.
    pub date: Option<String>,
    /// True when the page has an element with a `data-sondhan-body` attribute.
    pub marked_body: bool,
    /// Filter values, as (field, value), in document order: `data-sondhan-filter="field:value"`
    /// on any element, `<meta name="sondhan:field" content="value">`, and what generators
    /// write of their own accord: `<meta property="article:section">` (field `section`),
    /// `article:tag` (`tags`), `<meta name="author">` (`author`). Trimmed, none empty.
    pub filters: Vec<(String, String)>,
    /// `data-sondhan-filter` values that are not `field:value`, as written: a warning each.
    pub bad_filters: Vec<String>,
    /// The content's `<h2>` and `<h3>` headings with an `id`, in order: where each starts in
    /// `body`, its text and its id.
    pub sections: Vec<Section>,
}

/// Reads one page. Never panics, on any input (invalid, truncated, hostile HTML is read the way
/// browsers read it as far as lol_html allows).
///
/// The content is the elements marked `data-sondhan-body` (all of them, in document order),
/// else the `<main>` element(s), else the `<article>` element(s), else the whole page. Left out
/// of it, with everything inside them: `head`, `title`, `script`, `style`, `nav`, `header`,
/// `footer`, `aside`, `template`, `noscript`, `form`, `svg`, `iframe`, `select`, `button`,
/// `textarea`, `audio`, `video`, `canvas` and any element marked `data-sondhan-ignore`. The
/// first `<h1>` and `<time datetime>` of the content still count for the title and date when
/// they are in a `<header>` (`<article><header><h1>…</h1><time datetime>…</time></header>`).
pub fn read_page(html: &str) -> Page {
    let reader = Rc::new(RefCell::new(Reader::default()));
    parse(html, &reader);
    let reader = reader.take();
    reader.finish()
}

/// Nesting deeper than this stops the reading: generated pages never come near it, and the
/// bound keeps the implied-end-tag searches down the stack cheap on hostile input.
const MAX_DEPTH: usize = 1024;

/// lol_html buffers only a token that is cut off at the end of what it was given (a tag or a
/// comment left open by a truncated file), so this bounds what a hostile page can make it hold.
const MAX_MEMORY: usize = 32 << 20;

/// Runs lol_html over the page, feeding `reader`. An error (the memory limit, [`MAX_DEPTH`])
/// leaves what was read so far.
fn parse(html: &str, reader: &Rc<RefCell<Reader>>) {
    let on_element = Rc::clone(reader);
    let on_text = Rc::clone(reader);
    let settings = Settings {
        element_content_handlers: vec![element!("*", move |el| start_element(&on_element, el))],
        document_content_handlers: vec![doc_text!(move |chunk| {
            on_text.borrow_mut().text(chunk);
            Ok(())
        })],
        // Non-strict: read on, as browsers do, where the tokenizer's state is ambiguous.
        strict: false,
        memory_settings: MemorySettings {
            max_allowed_memory_usage: MAX_MEMORY,
            ..MemorySettings::new()
        },
        ..Settings::new()
    };
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    if rewriter.write(html.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
}

/// The `element!("*")` handler: opens the element and, when it can have content, closes it
/// again when lol_html reports its end.
fn start_element(reader: &Rc<RefCell<Reader>>, el: &mut Element<'_, '_>) -> HandlerResult {
    let Some(id) = reader.borrow_mut().start(el)? else {
        return Ok(());
    };
    let on_end = Rc::clone(reader);
    let registered = el.on_end_tag(end_tag!(move |_| {
        on_end.borrow_mut().end(id);
        Ok(())
    }));
    if registered.is_err() {
        // No end tag will come: close it now rather than let the stack drift.
        reader.borrow_mut().end(id);
    }
    Ok(())
}

/// What an open element does to the text inside it; undone when it closes. Each flag but
/// `BLOCK` has a counter in [`Reader::inside`].
#[derive(Clone, Copy, Default)]
struct Effects(u8);

impl Effects {
    /// Never indexed: no body text, and its `<h1>` and `<time>` do not count either.
    const HIDDEN: u8 = 1 << 0;
    /// `<header>`: no body text, but its `<h1>` and `<time>` count.
    const HEADER: u8 = 1 << 1;
    const MARKED: u8 = 1 << 2;
    const MAIN: u8 = 1 << 3;
    const ARTICLE: u8 = 1 << 4;
    /// `<svg>`, `<math>`: HTML's own rules (implied end tags, `<title>`) stop applying.
    const FOREIGN: u8 = 1 << 5;
    const COUNTED: usize = 6;
    /// Separates what comes before it from what is inside it and after it.
    const BLOCK: u8 = 1 << 6;

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// One element of the stack of open elements.
struct Open {
    /// Tells an end-tag handler's element apart from others of the same name.
    id: u32,
    name: String,
    effects: Effects,
}

/// Where the content can be, in the order the first found wins; [`BODY`] is always there.
const MARKED: usize = 0;
const MAIN: usize = 1;
const ARTICLE: usize = 2;
const BODY: usize = 3;
const ROOTS: usize = 4;

/// The page as read so far. One pass fills every kind of content root at once (which one is
/// the content is known only at the end), each in its own string.
#[derive(Default)]
struct Reader {
    stack: Vec<Open>,
    next_id: u32,
    /// How many open elements have each [`Effects`] flag.
    inside: [u32; Effects::COUNTED],
    /// Each root's text, `data-sondhan-body`, `<main>`, `<article>`, the whole page.
    texts: [Text; ROOTS],
    /// Whether the page has each root (outside hidden elements, for main and article).
    seen: [bool; ROOTS],
    /// Each root's first non-empty `<h1>` and first `<time datetime>`.
    h1: [Option<String>; ROOTS],
    time: [Option<String>; ROOTS],
    /// The text of an element being read for a title.
    heading: Option<Capture>,
    /// An `<h2>` or `<h3>` with an id being read, and each root's sections.
    section: Option<OpenSection>,
    sections: [Vec<Section>; ROOTS],
    title_tag: Option<Capture>,
    marked_title: Option<Capture>,
    /// The text node being read, still with its entities: lol_html may cut a node, and an
    /// entity with it, into several chunks.
    raw: String,
    raw_is_data: bool,
    meta: Meta,
}

/// What the page says about itself, each the first found.
#[derive(Default)]
struct Meta {
    lang: Option<String>,
    marked_title: Option<String>,
    title_tag: Option<String>,
    date_attr: Option<String>,
    published: Option<String>,
    date_meta: Option<String>,
    filters: Vec<(String, String)>,
    bad_filters: Vec<String>,
}

/// The text of one open element, read for a title.
struct Capture {
    id: u32,
    /// The count of hidden elements the capture started at: text in a hidden element opened
    /// inside it (`<h1>Title <button>Copy</button></h1>`) is not part of it.
    hidden: u32,
    text: Text,
    /// For the `<h1>`: the roots it is the first of.
    roots: [bool; ROOTS],
}

/// A heading with an id being read: a section of the roots it is in.
struct OpenSection {
    capture: Capture,
    anchor: String,
    /// Where its text starts in each root's text.
    starts: [usize; ROOTS],
}

impl Capture {
    fn new(id: u32, hidden: u32, roots: [bool; ROOTS]) -> Capture {
        let text = Text::new(' ');
        Capture {
            id,
            hidden,
            text,
            roots,
        }
    }
}

impl Reader {
    /// Opens an element; returns its id when it can have content (and so will be closed).
    fn start(&mut self, el: &Element<'_, '_>) -> Result<Option<u32>, &'static str> {
        self.flush_text();
        let name = el.tag_name();
        let html = self.inside[bit(Effects::FOREIGN)] == 0;
        if html {
            self.close_implied(&name);
        }
        self.read_meta(el, &name, html);
        let effects = self.effects(el, &name, html);
        if effects.has(Effects::BLOCK) {
            self.end_blocks();
        }
        if !el.can_have_content() {
            self.mark_title(el, None);
            return Ok(None);
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err("the page is nested too deeply");
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        for (flag, count) in self.inside.iter_mut().enumerate() {
            *count += u32::from(effects.has(1 << flag));
        }
        self.notice(el, &name, html, id);
        self.mark_title(el, Some(id));
        self.stack.push(Open { id, name, effects });
        Ok(Some(id))
    }

    /// lol_html reported the end of element `id`: close it and whatever is still open inside
    /// it. It may be closed already, implicitly.
    fn end(&mut self, id: u32) {
        self.flush_text();
        if let Some(index) = self.stack.iter().rposition(|open| open.id == id) {
            self.pop_to(index);
        }
    }

    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(open) = self.stack.pop() else { return };
            for (flag, count) in self.inside.iter_mut().enumerate() {
                *count -= u32::from(open.effects.has(1 << flag));
            }
            if open.effects.has(Effects::BLOCK) {
                self.end_blocks();
            }
            self.finish_captures(open.id);
        }
    }

    /// The HTML spec's implied end tags on a start tag `name`, simplified: a block closes an
    /// open `<p>`; `<li>`, `<dd>`/`<dt>`, cells, rows, row groups and options close an open one
    /// of their kind; a heading closes a heading it is directly in.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name) {
            self.close_open(&["p"], BUTTON_SCOPE);
        }
        match name {
            "li" => self.close_open(&["li"], LIST_STOPS),
            "dd" | "dt" => self.close_open(&["dd", "dt"], LIST_STOPS),
            "td" | "th" => self.close_open(&["td", "th"], &["tr", "table", "template", "html"]),
            "tr" => self.close_open(&["tr"], ROW_STOPS),
            "thead" | "tbody" | "tfoot" => {
                self.close_open(&["thead", "tbody", "tfoot"], &["table", "template", "html"])
            }
            "option" => self.close_current(&["option"]),
            "optgroup" => {
                self.close_current(&["option"]);
                self.close_current(&["optgroup"]);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_current(&["h1", "h2", "h3", "h4", "h5", "h6"])
            }
            _ => {}
        }
    }

    /// Closes the innermost open element named one of `names`, unless one of `stops` is
    /// opened after it (it is then in another list, table, …).
    fn close_open(&mut self, names: &[&str], stops: &[&str]) {
        for index in (0..self.stack.len()).rev() {
            let name = self.stack[index].name.as_str();
            if names.contains(&name) {
                return self.pop_to(index);
            }
            if stops.contains(&name) {
                return;
            }
        }
    }

    /// Closes the current element when it is named one of `names`.
    fn close_current(&mut self, names: &[&str]) {
        if let Some(open) = self.stack.last() {
            if names.contains(&open.name.as_str()) {
                self.pop_to(self.stack.len() - 1);
            }
        }
    }

    /// Language, dates and a marked title value, which count wherever they are.
    fn read_meta(&mut self, el: &Element<'_, '_>, name: &str, html: bool) {
        let meta = &mut self.meta;
        if meta.date_attr.is_none() {
            meta.date_attr = attribute(el, "data-sondhan-date");
        }
        if let Some(filter) = attribute(el, "data-sondhan-filter") {
            match filter.split_once(':').map(|(f, v)| (f.trim(), v.trim())) {
                Some((field, value)) if !field.is_empty() && !value.is_empty() => {
                    meta.filters.push((field.to_string(), value.to_string()))
                }
                _ => meta.bad_filters.push(filter),
            }
        }
        if !html {
            return;
        }
        match name {
            // A second `<html>` tag adds the attributes the first lacks, in browsers too.
            "html" if meta.lang.is_none() => {
                meta.lang = attribute(el, "lang").map(|lang| lang.to_ascii_lowercase());
            }
            "meta" => {
                let is = |attr: &str, value: &str| {
                    attribute(el, attr).is_some_and(|v| v.eq_ignore_ascii_case(value))
                };
                if meta.published.is_none() && is("property", "article:published_time") {
                    meta.published = attribute(el, "content");
                } else if meta.date_meta.is_none() && is("name", "date") {
                    meta.date_meta = attribute(el, "content");
                }
                if let Some(field) = meta_filter_field(el) {
                    let value = attribute(el, "content").map(|v| v.trim().to_string());
                    if let Some(value) = value.filter(|v| !v.is_empty()) {
                        meta.filters.push((field, value));
                    }
                }
            }
            _ => {}
        }
    }

    /// What the element does to the text inside it.
    fn effects(&mut self, el: &Element<'_, '_>, name: &str, html: bool) -> Effects {
        let marked = el.has_attribute("data-sondhan-body");
        let mut effects = 0;
        if marked {
            self.seen[MARKED] = true;
            effects |= Effects::MARKED | Effects::BLOCK;
        }
        if el.has_attribute("data-sondhan-ignore") {
            effects |= Effects::HIDDEN;
        }
        if html {
            // A marked element is content even when its tag would hide it.
            if !marked && is_never_indexed(name) {
                effects |= Effects::HIDDEN;
            }
            effects |= match name {
                "header" if !marked => Effects::HEADER,
                "main" => Effects::MAIN,
                "article" => Effects::ARTICLE,
                "svg" | "math" => Effects::FOREIGN,
                _ => 0,
            };
            if is_block(name) {
                effects |= Effects::BLOCK;
            }
        }
        Effects(effects)
    }

    /// Content roots, the first `<h1>`, `<time>` and `<title>`, for an element just opened.
    fn notice(&mut self, el: &Element<'_, '_>, name: &str, html: bool, id: u32) {
        let hidden = self.inside[bit(Effects::HIDDEN)];
        let roots = self.roots();
        if html && name == "title" && self.meta.title_tag.is_none() && self.title_tag.is_none() {
            self.title_tag = Some(Capture::new(id, hidden, roots));
        }
        if hidden > 0 || !html {
            return;
        }
        match name {
            "main" => self.seen[MAIN] = true,
            "article" => self.seen[ARTICLE] = true,
            "h1" if self.heading.is_none() => {
                let wanted: [bool; ROOTS] =
                    std::array::from_fn(|r| roots[r] && self.h1[r].is_none());
                if wanted.contains(&true) {
                    self.heading = Some(Capture::new(id, hidden, wanted));
                }
            }
            "h2" | "h3" if self.section.is_none() && self.inside[bit(Effects::HEADER)] == 0 => {
                if let Some(anchor) = attribute(el, "id") {
                    let starts = std::array::from_fn(|r| self.texts[r].next_word_start());
                    let capture = Capture::new(id, hidden, roots);
                    self.section = Some(OpenSection {
                        capture,
                        anchor,
                        starts,
                    });
                }
            }
            "time" => {
                if let Some(datetime) = attribute(el, "datetime") {
                    for (root, time) in self.time.iter_mut().enumerate() {
                        if roots[root] && time.is_none() {
                            *time = Some(datetime.clone());
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The first `data-sondhan-title`: its value, or else the text of its element (`id`, when
    /// the element can have content).
    fn mark_title(&mut self, el: &Element<'_, '_>, id: Option<u32>) {
        if self.meta.marked_title.is_some()
            || self.marked_title.is_some()
            || !el.has_attribute("data-sondhan-title")
        {
            return;
        }
        match (attribute(el, "data-sondhan-title"), id) {
            (Some(value), _) => self.meta.marked_title = Some(collapse(&value)),
            (None, Some(id)) => {
                let hidden = self.inside[bit(Effects::HIDDEN)];
                self.marked_title = Some(Capture::new(id, hidden, [true; ROOTS]));
            }
            (None, None) => {}
        }
    }

    /// The roots the text read now is inside.
    fn roots(&self) -> [bool; ROOTS] {
        let inside = |flag| self.inside[bit(flag)] > 0;
        [
            inside(Effects::MARKED),
            inside(Effects::MAIN),
            inside(Effects::ARTICLE),
            true,
        ]
    }

    /// Element `id` closed: a title read from it is complete.
    fn finish_captures(&mut self, id: u32) {
        if let Some((text, roots)) = finish(&mut self.heading, id) {
            for (root, h1) in self.h1.iter_mut().enumerate() {
                if roots[root] && h1.is_none() {
                    *h1 = Some(text.clone());
                }
            }
        }
        if let Some(open) = self.section.take_if(|s| s.capture.id == id) {
            // Permalink marks that themes put in headings (`<a href="#id">#</a>`) are no title.
            let title = open
                .capture
                .text
                .out
                .trim_matches(['#', '¶', '§', '🔗', ' ']);
            for (root, sections) in self.sections.iter_mut().enumerate() {
                if open.capture.roots[root] && !title.is_empty() {
                    sections.push(Section {
                        start: open.starts[root],
                        title: title.to_string(),
                        anchor: open.anchor.clone(),
                    });
                }
            }
        }
        if let Some((text, _)) = finish(&mut self.title_tag, id) {
            self.meta.title_tag = Some(text);
        }
        if let Some((text, _)) = finish(&mut self.marked_title, id) {
            self.meta.marked_title = Some(text);
        }
    }

    fn text(&mut self, chunk: &TextChunk<'_>) {
        // Only text a browser shows: never script or style (even unclosed), `<noscript>`'s raw
        // markup, `<plaintext>` or CDATA.
        let is_data = match chunk.text_type() {
            TextType::Data => true,
            TextType::RCData => false,
            _ => return,
        };
        self.raw.push_str(chunk.as_str());
        self.raw_is_data = is_data;
        if chunk.last_in_text_node() {
            self.flush_text();
        }
    }

    /// Decodes the text node read so far and hands it to the roots and captures it is in.
    fn flush_text(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        let text = html_escape::decode_html_entities(&raw);
        let hidden = self.inside[bit(Effects::HIDDEN)];
        if self.raw_is_data && hidden == 0 && self.inside[bit(Effects::HEADER)] == 0 {
            let roots = self.roots();
            for (root, buffer) in self.texts.iter_mut().enumerate() {
                if roots[root] {
                    buffer.push(&text);
                }
            }
        }
        for capture in self.captures().filter(|c| c.hidden == hidden) {
            capture.text.push(&text);
        }
        drop(text);
        self.raw = raw;
        self.raw.clear();
    }

    fn end_blocks(&mut self) {
        self.texts.iter_mut().for_each(Text::end_block);
        self.captures().for_each(|capture| capture.text.end_block());
    }

    /// The titles being read.
    fn captures(&mut self) -> impl Iterator<Item = &mut Capture> + '_ {
        let captures = [
            &mut self.heading,
            &mut self.title_tag,
            &mut self.marked_title,
        ];
        let section = self.section.as_mut().map(|s| &mut s.capture);
        captures.into_iter().flatten().chain(section)
    }

    /// The page, once all of it is read: elements still open close at the end of the file.
    fn finish(mut self) -> Page {
        self.flush_text();
        self.pop_to(0);
        let root = [MARKED, MAIN, ARTICLE]
            .into_iter()
            .find(|&root| self.seen[root])
            .unwrap_or(BODY);
        let meta = self.meta;
        let title = meta
            .marked_title
            .or(self.h1[root].take())
            .or(meta.title_tag);
        let date = meta.date_attr.or(self.time[root].take()).or(meta.published);
        Page {
            lang: meta.lang,
            title: title.unwrap_or_default(),
            body: std::mem::take(&mut self.texts[root].out),
            date: date.or(meta.date_meta),
            marked_body: self.seen[MARKED],
            filters: meta.filters,
            bad_filters: meta.bad_filters,
            sections: std::mem::take(&mut self.sections[root]),
        }
    }
}

/// The filter field a `<meta>` names: `sondhan:field`, or the Open Graph article section and
/// tags and the author's name that generators (Hugo's built-in templates, say) write.
fn meta_filter_field(el: &Element<'_, '_>) -> Option<String> {
    let name = attribute(el, "name").or_else(|| attribute(el, "property"))?;
    let name = name.trim().to_ascii_lowercase();
    let field = match name.as_str() {
        "article:section" => "section",
        "article:tag" => "tags",
        "author" => "author",
        other => other.strip_prefix("sondhan:").filter(|f| !f.is_empty())?,
    };
    Some(field.to_string())
}

/// The capture's text and roots when it is element `id`'s and not empty.
fn finish(capture: &mut Option<Capture>, id: u32) -> Option<(String, [bool; ROOTS])> {
    if capture.as_ref()?.id != id {
        return None;
    }
    let capture = capture.take()?;
    let text = capture.text.out;
    (!text.is_empty()).then_some((text, capture.roots))
}

/// Text as a browser lays it out: each run of whitespace one space, one `separator` between
/// blocks, nothing before the first word or after the last. Words are copied byte for byte
/// (ZWJ, ZWNJ and nukta are not whitespace).
struct Text {
    out: String,
    gap: Gap,
    separator: char,
}

/// What goes before the next word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Block,
}

impl Default for Text {
    fn default() -> Text {
        Text::new('\n')
    }
}

impl Text {
    fn new(separator: char) -> Text {
        Text {
            out: String::new(),
            gap: Gap::None,
            separator,
        }
    }

    /// Adds text (decoded); inline elements between two calls do not separate words.
    fn push(&mut self, text: &str) {
        let mut words = text.split(char::is_whitespace);
        if let Some(first) = words.next() {
            self.word(first);
        }
        for word in words {
            if self.gap == Gap::None {
                self.gap = Gap::Space;
            }
            self.word(word);
        }
    }

    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.out.push(' '),
                Gap::Block => self.out.push(self.separator),
            }
        }
        self.gap = Gap::None;
        self.out.push_str(word);
    }

    fn end_block(&mut self) {
        self.gap = Gap::Block;
    }

    /// Where the next word will start, after the block break that precedes it.
    fn next_word_start(&self) -> usize {
        match (self.out.is_empty(), self.gap) {
            (true, _) | (false, Gap::None) => self.out.len(),
            (false, Gap::Space) => self.out.len() + 1,
            (false, Gap::Block) => self.out.len() + self.separator.len_utf8(),
        }
    }
}

/// `text` with its whitespace collapsed to single spaces and trimmed.
fn collapse(text: &str) -> String {
    let mut collapsed = Text::new(' ');
    collapsed.push(text);
    collapsed.out
}

/// An attribute's value with its entities decoded (lol_html hands values over as written),
/// trimmed; None when missing or blank.
fn attribute(el: &Element<'_, '_>, name: &str) -> Option<String> {
    let value = el.get_attribute(name)?;
    let decoded = html_escape::decode_html_entities(&value);
    let trimmed = decoded.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The index of an [`Effects`] flag's counter.
fn bit(flag: u8) -> usize {
    flag.trailing_zeros() as usize
}

/// Elements whose text is never the page's content: metadata, chrome around the content,
/// code, and controls or fallbacks a reader does not read as text.
fn is_never_indexed(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "nav"
            | "footer"
            | "aside"
            | "template"
            | "noscript"
            | "form"
            | "svg"
            | "iframe"
            | "select"
            | "button"
            | "textarea"
            | "audio"
            | "video"
            | "canvas"
    )
}

/// Elements a browser lays out as blocks (or, `br`, as a line break): they end the words
/// before them.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "optgroup"
            | "option"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "ul"
            | "xmp"
    )
}

/// Start tags that close an open `<p>` (the spec's "close a p element" list).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Where the search for an open `<p>` stops: the spec's "button scope".
const BUTTON_SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// Where the search for an open `<li>`, `<dd>` or `<dt>` stops: the spec's special elements
/// (those with content) other than `address`, `div` and `p`.
const LIST_STOPS: &[&str] = &[
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dir",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "iframe",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "xmp",
];

/// Where the search for an open `<tr>` stops.
const ROW_STOPS: &[&str] = &["table", "thead", "tbody", "tfoot", "template", "html"];

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        read_page(html).body
    }

    fn title(html: &str) -> String {
        read_page(html).title
    }

    fn date(html: &str) -> Option<String> {
        read_page(html).date
    }

    #[test]
    fn main_is_the_content_over_article_and_body() {
        let html = "<body><p>outside</p><article>art</article><main><p>in main</p></main></body>";
        assert_eq!(body(html), "in main");
    }

    #[test]
    fn article_is_the_content_without_main() {
        let html = "<body><p>outside</p><article><p>one</p></article><article>two</article></body>";
        assert_eq!(body(html), "one\ntwo");
    }

    #[test]
    fn body_is_the_content_without_main_or_article() {
        assert_eq!(
            body("<html><body><p>whole</p><div>page</div></body></html>"),
            "whole\npage"
        );
        assert_eq!(body("just text, no tags"), "just text, no tags");
        assert_eq!(body(""), "");
    }

    #[test]
    fn several_mains_are_all_content() {
        assert_eq!(body("<main>a</main><p>x</p><main>b</main>"), "a\nb");
    }

    #[test]
    fn nested_roots_give_their_text_once() {
        let html = "<main><article><p>once</p></article><p>more</p></main>";
        assert_eq!(body(html), "once\nmore");
        let marked = "<div data-sondhan-body><div data-sondhan-body>once</div></div>";
        assert_eq!(body(marked), "once");
    }

    #[test]
    fn marked_elements_are_the_content_in_document_order() {
        let html = "<main><p>main text</p><div data-sondhan-body>first</div><p>not</p>\
                    <section data-sondhan-body><p>second</p></section></main>\
                    <span data-sondhan-body>third</span><span data-sondhan-body>fourth</span>";
        let page = read_page(html);
        assert!(page.marked_body);
        assert_eq!(page.body, "first\nsecond\nthird\nfourth");
        assert!(!read_page("<main>x</main>").marked_body);
    }

    #[test]
    fn a_marked_element_with_no_content_still_marks_the_page() {
        let page = read_page("<main>main text</main><img data-sondhan-body>");
        assert!(page.marked_body);
        assert_eq!(page.body, "");
    }

    #[test]
    fn every_never_indexed_element_is_left_out() {
        for tag in [
            "head", "title", "script", "style", "nav", "header", "footer", "aside", "template",
            "noscript", "form", "svg", "iframe", "select", "button", "textarea", "audio", "video",
            "canvas",
        ] {
            let html = format!("<main><p>keep</p><{tag}>gone <b>gone</b></{tag}><p>too</p></main>");
            assert_eq!(body(&html), "keep\ntoo", "<{tag}>");
            let html = format!("<body><p>keep</p><{tag}><div>gone</div></{tag}>too</body>");
            assert_eq!(body(&html), "keep\ntoo", "<{tag}> in body");
        }
    }

    #[test]
    fn data_sondhan_ignore_leaves_out_the_element_and_its_children() {
        let html = "<main><p>keep <span data-sondhan-ignore>gone <b>gone</b></span>this</p>\
                    <div data-sondhan-ignore=\"\"><p>gone</p></div></main>";
        assert_eq!(body(html), "keep this");
    }

    #[test]
    fn site_chrome_is_left_out_of_a_body_fallback() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head><body>\
                    <header><a href=/>সাইট</a></header><nav><ul><li>মেনু</li></ul></nav>\
                    <div><p>আসল লেখা</p></div><aside>পাশে</aside><footer>© কপিরাইট</footer>\
                    <script>var x = 'স্ক্রিপ্ট';</script></body></html>";
        let text = body(html);
        assert_eq!(text, "আসল লেখা");
        for word in ["সাইট", "মেনু", "পাশে", "কপিরাইট", "স্ক্রিপ্ট", "color"]
        {
            assert!(!text.contains(word), "{word}");
        }
    }

    #[test]
    fn title_from_the_attribute_value() {
        let html = "<title>Tag</title><main><h1>Heading</h1>\
                    <p data-sondhan-title=\"  From   attribute \">text</p></main>";
        assert_eq!(title(html), "From attribute");
        // On an element that cannot have content, too.
        assert_eq!(
            title("<meta data-sondhan-title=\"Meta\"><h1>H</h1>"),
            "Meta"
        );
    }

    #[test]
    fn title_from_the_marked_element_text_without_a_value() {
        let html = "<title>Tag</title><main><h1>Heading</h1>\
                    <div data-sondhan-title>Marked <b>el</b>ement\n <button>copy</button></div></main>";
        assert_eq!(title(html), "Marked element");
        let empty_value = "<main><h1>Heading</h1><p data-sondhan-title=\" \">Text</p></main>";
        assert_eq!(title(empty_value), "Text");
    }

    #[test]
    fn title_from_the_first_h1_of_the_content() {
        let html = "<title>Tag</title><body><h1>Site</h1><main><h1>Post <i>title</i></h1>\
                    <h1>second</h1></main></body>";
        assert_eq!(title(html), "Post title");
        assert_eq!(title("<title>Tag</title><h1>  Only\n  h1 </h1>"), "Only h1");
    }

    #[test]
    fn title_from_an_h1_in_the_article_header() {
        let html = "<body><header><h1>Site name</h1></header><article><header>\
                    <h1>লেখার শিরোনাম</h1><time datetime=\"2024-06-20\">২০ জুন</time></header>\
                    <p>লেখা</p></article></body>";
        let page = read_page(html);
        assert_eq!(page.title, "লেখার শিরোনাম");
        assert_eq!(page.date.as_deref(), Some("2024-06-20"));
        // The header itself is not body text.
        assert_eq!(page.body, "লেখা");
    }

    #[test]
    fn an_h1_in_indexed_content_stays_in_the_body() {
        let page = read_page("<main><h1>Heading</h1><p>text</p></main>");
        assert_eq!(page.title, "Heading");
        assert_eq!(page.body, "Heading\ntext");
    }

    #[test]
    fn h2_and_h3_with_an_id_are_sections_of_the_content() {
        let html = "<nav><h2 id=\"menu\">Menu</h2></nav><main><h1>শিরোনাম</h1><p>ভূমিকা</p>\
                    <h2 id=\"khela\">খেলার <em>খবর</em> <a href=\"#khela\">#</a></h2><p>আজ খেলা</p>\
                    <h2>no id</h2><h3 id=\"mathe\">মাঠে</h3><p>ঘাস</p><h4 id=\"h4\">চার</h4></main>";
        let page = read_page(html);
        let found: Vec<(&str, &str)> = page
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.anchor.as_str()))
            .collect();
        assert_eq!(found, [("খেলার খবর", "khela"), ("মাঠে", "mathe")]);
        for section in &page.sections {
            assert!(
                page.body[section.start..].starts_with(&section.title),
                "{section:?}"
            );
        }
    }

    #[test]
    fn hidden_and_header_headings_are_no_sections() {
        let html = "<main><header><h2 id=\"a\">Top</h2></header><p>x</p>\
                    <div data-sondhan-ignore><h2 id=\"b\">Hidden</h2></div><h2 id=\"c\"> </h2></main>";
        assert_eq!(read_page(html).sections, []);
    }

    #[test]
    fn title_falls_back_to_the_title_tag() {
        let html = "<html><head><title> Post &amp;\n Site </title></head><body><p>x</p></body>";
        assert_eq!(title(html), "Post & Site");
        assert_eq!(title("<p>no title</p>"), "");
    }

    #[test]
    fn hidden_h1s_are_not_titles() {
        let html = "<head><title>Tag</title></head><body><nav><h1>Menu</h1></nav>\
                    <div data-sondhan-ignore><h1>Ignored</h1></div>\
                    <template><h1>Template</h1></template><p>text</p></body>";
        assert_eq!(title(html), "Tag");
        let outside = "<title>Tag</title><h1>Outside</h1><main><p>text</p></main>";
        assert_eq!(title(outside), "Tag");
    }

    #[test]
    fn an_empty_h1_gives_way_to_the_next() {
        assert_eq!(
            title("<main><h1><img src=logo.png></h1><h1>Real</h1></main>"),
            "Real"
        );
    }

    #[test]
    fn an_h1_ends_at_the_next_heading() {
        assert_eq!(title("<main><h1>Title<h2>Subtitle</h2></main>"), "Title");
        assert_eq!(title("<main><h1>Line<br>break</h1></main>"), "Line break");
    }

    #[test]
    fn an_svg_title_is_not_the_page_title() {
        let html = "<body><svg><title>icon</title></svg><title>Page</title><p>x</p></body>";
        assert_eq!(title(html), "Page");
    }

    #[test]
    fn date_precedence() {
        let all = "<head><meta name=\"date\" content=\"d4\">\
                   <meta property=\"article:published_time\" content=\"d3\"></head>\
                   <main><time datetime=\"d2\">x</time><span data-sondhan-date=\" d1 \">y</span></main>";
        assert_eq!(date(all).as_deref(), Some("d1"));
        let no_attr =
            "<meta name=date content=d4><meta property=article:published_time content=d3>\
                       <main><time datetime=d2>x</time><time datetime=later>y</time></main>";
        assert_eq!(date(no_attr).as_deref(), Some("d2"));
        let metas = "<meta name=date content=d4><meta property=article:published_time content=d3>";
        assert_eq!(date(metas).as_deref(), Some("d3"));
        assert_eq!(
            date("<meta name=\"date\" content=\" d4 \">").as_deref(),
            Some("d4")
        );
        assert_eq!(date("<main><time>no datetime</time></main>"), None);
    }

    #[test]
    fn a_time_outside_the_content_is_not_the_date() {
        let html = "<body><aside><time datetime=side>x</time></aside><main>\
                    <nav><time datetime=nav>y</time></nav><p>text</p></main>\
                    <time datetime=after>z</time><meta name=date content=meta></body>";
        assert_eq!(date(html).as_deref(), Some("meta"));
    }

    #[test]
    fn lang_is_lower_cased_and_trimmed() {
        assert_eq!(
            read_page("<html lang=\" bn-BD \"><p>x</p></html>")
                .lang
                .as_deref(),
            Some("bn-bd")
        );
        assert_eq!(read_page("<html><p>x</p></html>").lang, None);
        assert_eq!(read_page("<html lang=\"\"><p>x</p></html>").lang, None);
        assert_eq!(read_page("<p lang=en>x</p>").lang, None);
    }

    #[test]
    fn inline_elements_do_not_separate_words() {
        assert_eq!(body("<p>বাং<b>লা</b></p>"), "বাংলা");
        assert_eq!(
            body("<p>a<span>b</span><a href=x>c</a><em>d</em><code>e</code>f</p>"),
            "abcdef"
        );
        assert_eq!(
            body("<p>one <b>two</b>\n\t <i>three</i></p>"),
            "one two three"
        );
    }

    #[test]
    fn blocks_separate_lines() {
        assert_eq!(body("<p>a</p><p>b</p>"), "a\nb");
        assert_eq!(body("<ul><li>x</li><li>y</li></ul>"), "x\ny");
        assert_eq!(body("<p>a<br>b<br/><br>c</p>"), "a\nb\nc");
        assert_eq!(
            body("<div>\n  <p> a </p>\n\n  <div></div><p>b</p>\n</div>"),
            "a\nb"
        );
        assert_eq!(body("<table><tr><td>1</td><td>2</td></tr></table>"), "1\n2");
        assert_eq!(body("text<div>block</div>tail"), "text\nblock\ntail");
    }

    #[test]
    fn entities_are_decoded_once_in_text() {
        assert_eq!(
            body("<p>a &amp; b &lt;tag&gt; &mdash; &#2453;&#x995;</p>"),
            "a & b <tag> — কক"
        );
        assert_eq!(body("<p>&amp;lt; stays</p>"), "&lt; stays");
        assert_eq!(
            body("<p>no&nbsp;break&nbsp;&nbsp;here</p>"),
            "no break here"
        );
        assert_eq!(
            body("<p>AT&T; &unknown; & alone</p>"),
            "AT&T; &unknown; & alone"
        );
    }

    #[test]
    fn entities_are_decoded_once_in_attributes() {
        let html = "<html lang=\"bn&#45;BD\"><main data-sondhan-date=\"2024&ndash;06\">\
                    <p data-sondhan-title=\"A &amp; B &amp;lt;\">x</p></main></html>";
        let page = read_page(html);
        assert_eq!(page.title, "A & B &lt;");
        assert_eq!(page.date.as_deref(), Some("2024–06"));
        assert_eq!(page.lang.as_deref(), Some("bn-bd"));
    }

    #[test]
    fn implicitly_closed_paragraphs_and_list_items() {
        assert_eq!(body("<p>a<p>b"), "a\nb");
        assert_eq!(body("<ul><li>x<li>y</ul>after"), "x\ny\nafter");
        assert_eq!(
            body("<dl><dt>term<dd>meaning<dt>next</dl>"),
            "term\nmeaning\nnext"
        );
        assert_eq!(body("<p>a<div>b</div>c</p>d"), "a\nb\ncd");
    }

    #[test]
    fn implicitly_closed_elements_take_their_effects_with_them() {
        // lol_html would keep the first <li> open until </ul>; the spec closes it at the next.
        assert_eq!(body("<ul><li data-sondhan-ignore>x<li>y</ul>"), "y");
        assert_eq!(body("<p data-sondhan-ignore>x<p>y"), "y");
        assert_eq!(body("<p data-sondhan-ignore>x<div>y</div>"), "y");
        assert_eq!(
            body("<table><tr><td data-sondhan-ignore>a<td>b</table>"),
            "b"
        );
        assert_eq!(
            body("<table><tr data-sondhan-ignore><td>a<tr><td>b</table>"),
            "b"
        );
        assert_eq!(body("<dl><dt data-sondhan-ignore>t<dd>d</dl>"), "d");
        // Not across a nested list.
        assert_eq!(
            body("<ul><li data-sondhan-ignore><ol><li>x</ol></ul>y"),
            "y"
        );
    }

    #[test]
    fn table_cells_without_end_tags() {
        assert_eq!(
            body("<table><tr><td>a<td>b<tr><td>c</table>d"),
            "a\nb\nc\nd"
        );
    }

    #[test]
    fn an_unclosed_div_lasts_to_the_end() {
        assert_eq!(body("<main><div>never closed<p>p"), "never closed\np");
        assert_eq!(body("<div data-sondhan-ignore>never closed<p>p"), "");
    }

    #[test]
    fn an_end_tag_closes_what_is_open_inside_its_element() {
        assert_eq!(body("<div><b><i>x</div>y"), "x\ny");
        assert_eq!(body("<div><span data-sondhan-ignore><i>x</div>y"), "y");
    }

    #[test]
    fn a_stray_end_tag_closes_nothing() {
        assert_eq!(
            body("<main><span data-sondhan-ignore>x</span></span>y</main>"),
            "y"
        );
        assert_eq!(body("<p>a</span>b</p></p>c"), "ab\nc");
        assert_eq!(body("<nav>menu</li></p></span>more menu</nav>text"), "text");
    }

    #[test]
    fn a_nav_with_unclosed_list_items_does_not_hide_the_page() {
        let text = body("<nav><ul><li>a<li>b</ul></nav><p>text");
        assert_eq!(text, "text");
    }

    #[test]
    fn a_truncated_tag_is_dropped() {
        assert_eq!(body("<main><p>hello <b class=\"x"), "hello");
        assert_eq!(body("<main><p>hello</p><"), "hello\n<");
        assert_eq!(body("<main><p>hello <!-- a comment that never"), "hello");
    }

    #[test]
    fn script_and_style_text_never_leaks() {
        assert_eq!(body("<main><p>a</p><script>var secret = 1; </scr"), "a");
        assert_eq!(body("<main><p>a</p><script>secret <p>not a tag</p>"), "a");
        assert_eq!(body("<main><p>a</p><style>p { secret: 1 }"), "a");
        assert_eq!(
            body("<p>a</p><script><!--<script>secret</script>secret</script><p>b"),
            "a\nb"
        );
    }

    #[test]
    fn a_marked_script_or_style_still_gives_no_text() {
        // The mark lifts the tag's exclusion, but script and style text is never text.
        let page = read_page("<script data-sondhan-body>secret()</script><p>x</p>");
        assert!(page.marked_body);
        assert_eq!(page.body, "");
        assert_eq!(body("<style data-sondhan-body>p { secret: 1 }</style>"), "");
        assert_eq!(
            body("<nav data-sondhan-body>marked nav</nav><p>x</p>"),
            "marked nav"
        );
    }

    #[test]
    fn bengali_text_is_kept_byte_for_byte() {
        // ZWJ in র‍্যাব, ZWNJ in ক্‌ষ, a decomposed nukta য + ় and a precomposed য়.
        let words = "র\u{200D}্যাব ক্\u{200C}ষ য\u{09BC} \u{09DF} ড\u{09BC}";
        assert_eq!(body(&format!("<main><p>{words}</p></main>")), words);
        assert_eq!(body("<p>র<b>\u{200D}</b>্যাব</p>"), "র\u{200D}্যাব");
    }

    #[test]
    fn deep_nesting_stops_the_reading_without_panicking() {
        let mut html = String::from("<main><p>before</p>");
        html.push_str(&"<b>".repeat(5000));
        html.push_str("deep");
        assert_eq!(body(&html), "before");
        let flat = "<li>x".repeat(5000);
        assert_eq!(body(&flat).lines().count(), 5000);
    }

    #[test]
    fn random_fragments_never_panic_nor_leak_script_text() {
        const FRAGMENTS: &[&str] = &[
            "<p>",
            "</p>",
            "<script>",
            "</script>",
            "<nav>",
            "<main>",
            "<b>",
            "</b>",
            "&amp;",
            "<!--",
            "-->",
            "<",
            ">",
            "\"",
            "ক",
            "বাং",
            "লা",
            "\u{200D}",
            " ",
            " ",
            "\n",
            "<li>",
            "<h1>",
            "<br>",
            "</main>",
            "<div data-sondhan-body>",
            "</div>",
            "<title>",
            "&",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let mut html = String::new();
            for _ in 0..next() % 40 {
                let fragment = FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize];
                html.push_str(fragment);
                // Words right after these tags are inside them, wherever the tag really is one.
                match fragment {
                    "<script>" => html.push_str("SCRIPTWORD"),
                    "<nav>" => html.push_str("NAVWORD"),
                    _ => {}
                }
            }
            let page = read_page(&html);
            for word in ["SCRIPTWORD", "NAVWORD"] {
                assert!(
                    !page.body.contains(word),
                    "{word} from {html:?}: {:?}",
                    page.body
                );
            }
            assert!(
                !page.body.contains("\n\n") && !page.body.contains("  "),
                "{html:?}"
            );
            assert_eq!(page.body.trim(), page.body, "{html:?}");
        }
    }
}
