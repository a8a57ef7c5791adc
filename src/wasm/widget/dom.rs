//! Building the widget's elements.
//!
//! Corpus text (titles, snippets, articles) only ever enters the page through
//! `create_text_node` and `set_text_content`, never as markup, so `<script>` in an article is
//! shown as the characters it is. Styling is by `sondhan-` classes alone: no `style` attributes,
//! which a strict `style-src 'self'` policy would block.

use std::ops::Range;

use sondhan_engine::{Highlight, Hit, SectionHit};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::labels;

pub struct Builder<'a> {
    document: &'a Document,
}

impl<'a> Builder<'a> {
    pub fn new(document: &'a Document) -> Self {
        Builder { document }
    }

    pub fn element(&self, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
        let element: HtmlElement = self.document.create_element(tag)?.unchecked_into();
        element.set_class_name(class);
        Ok(element)
    }

    pub fn text_element(&self, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
        let element = self.element(tag, class)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// `text` with each highlighted range wrapped in `<mark>`.
    pub fn marked(
        &self,
        tag: &str,
        class: &str,
        text: &str,
        highlights: &[Highlight],
    ) -> Result<HtmlElement, JsValue> {
        let element = self.element(tag, class)?;
        self.mark_into(&element, text, highlights.iter().map(|h| h.start..h.end))?;
        Ok(element)
    }

    /// Appends `text` to `element` with each of `ranges` (byte offsets into `text`) wrapped in
    /// `<mark>`.
    pub fn mark_into(
        &self,
        element: &HtmlElement,
        text: &str,
        ranges: impl IntoIterator<Item = Range<usize>>,
    ) -> Result<(), JsValue> {
        let mut at = 0;
        for h in ranges {
            // The engine's ranges are sorted, disjoint and on character boundaries; a range that
            // is not is skipped rather than trusted.
            let (Some(before), Some(word)) = (text.get(at..h.start), text.get(h.start..h.end))
            else {
                continue;
            };
            if !before.is_empty() {
                element.append_child(&self.document.create_text_node(before))?;
            }
            element.append_child(self.text_element("mark", "sondhan-mark", word)?.as_ref())?;
            at = h.end;
        }
        if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
            element.append_child(&self.document.create_text_node(rest))?;
        }
        Ok(())
    }

    /// `<time datetime="2024-06-20">২০ জুন ২০২৪</time>`
    pub fn date(&self, iso: &str) -> Result<HtmlElement, JsValue> {
        let time = self.text_element("time", "sondhan-date", &labels::date(iso))?;
        time.set_attribute("datetime", iso)?;
        Ok(time)
    }

    /// One hit as an option of the listbox: title, date and snippet, matches marked. A hit with
    /// sections shows none: its sections follow it, each with its own, and a dropdown has no room
    /// for the same words twice.
    pub fn option(&self, hit: &Hit, id: &str, index: usize) -> Result<HtmlElement, JsValue> {
        let option = self.option_element("sondhan-option", id, index)?;
        let title = &hit.title;
        self.append_marked(
            &option,
            "sondhan-option-title",
            title,
            &hit.title_highlights,
        )?;
        if let Some(date) = &hit.date {
            option.append_child(self.date(date)?.as_ref())?;
        }
        if !hit.snippet.is_empty() && hit.sections.is_empty() {
            let snippet = &hit.snippet;
            self.append_marked(&option, "sondhan-option-snippet", snippet, &hit.highlights)?;
        }
        Ok(option)
    }

    /// A section of the hit before it as an option of its own: heading and snippet, marked.
    pub fn section_option(
        &self,
        section: &SectionHit,
        id: &str,
        index: usize,
    ) -> Result<HtmlElement, JsValue> {
        let option = self.option_element("sondhan-option sondhan-option-section", id, index)?;
        let title = &section.title;
        self.append_marked(
            &option,
            "sondhan-option-title",
            title,
            &section.title_highlights,
        )?;
        if !section.snippet.is_empty() {
            let snippet = &section.snippet;
            self.append_marked(
                &option,
                "sondhan-option-snippet",
                snippet,
                &section.highlights,
            )?;
        }
        Ok(option)
    }

    /// An empty option, `index` in the list.
    fn option_element(&self, class: &str, id: &str, index: usize) -> Result<HtmlElement, JsValue> {
        let option = self.element("li", class)?;
        option.set_id(id);
        option.set_attribute("role", "option")?;
        option.set_attribute("aria-selected", "false")?;
        option.set_attribute("data-index", &index.to_string())?;
        Ok(option)
    }

    /// Appends a `<span class>` of `text` with its highlights marked.
    fn append_marked(
        &self,
        parent: &HtmlElement,
        class: &str,
        text: &str,
        highlights: &[Highlight],
    ) -> Result<(), JsValue> {
        parent.append_child(self.marked("span", class, text, highlights)?.as_ref())?;
        Ok(())
    }
}

pub fn append_all(parent: &Node, children: &[&Node]) -> Result<(), JsValue> {
    for child in children {
        parent.append_child(child)?;
    }
    Ok(())
}

/// Scrolls just enough to show `element`, in whatever scrolls around the list.
pub fn scroll_into_view(element: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// `url` resolved against the page, if it is an http or https address: a `javascript:` or
/// `data:` url in an index built by other tools must not be followed.
pub fn web_url(url: &str) -> Option<String> {
    web_url_parsed(url).map(|parsed| parsed.href())
}

/// [`web_url`] with `query` as its `sondhan` parameter, which the bundle's
/// `sondhan-highlight.js` reads to mark the query's matches on the page it opens.
pub fn web_url_marking(url: &str, query: &str) -> Option<String> {
    let parsed = web_url_parsed(url)?;
    if !query.trim().is_empty() {
        parsed.search_params().set("sondhan", query.trim());
    }
    Some(parsed.href())
}

fn web_url_parsed(url: &str) -> Option<web_sys::Url> {
    let base = web_sys::window()?.location().href().ok()?;
    let parsed = web_sys::Url::new_with_base(url, &base).ok()?;
    matches!(parsed.protocol().as_str(), "http:" | "https:").then_some(parsed)
}
