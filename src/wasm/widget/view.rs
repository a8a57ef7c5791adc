//! The widget's elements and state, and what each user action does to them.
//!
//! Handlers call into JavaScript (focusing, dispatching `sondhan-select`, navigating), and
//! JavaScript may call back in (a `sondhan-select` listener may call `setQuery`). So no
//! `RefCell` borrow is held across such a call: each method copies what it needs, then acts.

use std::cell::RefCell;
use std::rc::Rc;

use sondhan_engine::index::DocRef;
use sondhan_engine::search::{highlight_with, search_with};
use sondhan_engine::{DocumentHighlights, Hit, SearchOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Document, Element, HtmlElement, HtmlInputElement};

use super::dom::{self, Builder};
use super::labels;
use crate::wasm::api::with_cache;
use crate::wasm::load::{complete, spawn, Failure};
use crate::wasm::options::{js_message, quote, MountOptions};

/// Hits listed when `mount` is given no limit.
const DEFAULT_LIMIT: usize = 10;

pub struct View {
    document: Document,
    /// Prefix of every element id of this widget: `sondhan-N`.
    ids: String,
    limit: usize,
    root: HtmlElement,
    input: HtmlInputElement,
    status: HtmlElement,
    /// "Did you mean …?", with the corrected query as a button.
    correction: HtmlElement,
    correction_query: HtmlElement,
    list: HtmlElement,
    article: ArticleView,
    state: RefCell<State>,
}

/// The full-article panel shown for a hit without a url.
struct ArticleView {
    element: HtmlElement,
    back: HtmlElement,
    title: HtmlElement,
    meta: HtmlElement,
    body: HtmlElement,
}

#[derive(Default)]
struct State {
    /// The listed hits, in order: what Enter or a click opens.
    shown: Vec<Shown>,
    /// The option ArrowUp/ArrowDown moved to.
    active: Option<usize>,
    /// Counts the searches started: a search whose answer comes after a newer one started is
    /// not shown (a split index answers when its chunks come, not in order).
    searches: u32,
}

#[derive(Clone)]
struct Shown {
    id: String,
    url: Option<String>,
}

impl View {
    pub fn build(document: &Document, ids: &str, options: &MountOptions) -> Result<View, JsValue> {
        let b = Builder::new(document);
        let root = b.element("div", "sondhan")?;
        root.set_attribute("lang", "bn")?;

        let field = b.element("div", "sondhan-field")?;
        let input: HtmlInputElement = b.element("input", "sondhan-input")?.unchecked_into();
        let list_id = format!("{ids}-results");
        for (name, value) in [
            ("type", "search"),
            ("role", "combobox"),
            ("aria-autocomplete", "list"),
            ("aria-expanded", "false"),
            ("aria-controls", &list_id),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("enterkeyhint", "search"),
            (
                "aria-label",
                options.label.as_deref().unwrap_or(labels::INPUT_LABEL),
            ),
            (
                "placeholder",
                options
                    .placeholder
                    .as_deref()
                    .unwrap_or(labels::PLACEHOLDER),
            ),
        ] {
            input.set_attribute(name, value)?;
        }
        field.append_child(&input)?;

        let status = b.element("p", "sondhan-status")?;
        status.set_attribute("role", "status")?;

        let correction = b.element("p", "sondhan-correction")?;
        correction.set_hidden(true);
        let correction_query = b.element("button", "sondhan-correction-query")?;
        correction_query.set_attribute("type", "button")?;
        let (before, after) = labels::DID_YOU_MEAN;
        correction.append_child(&document.create_text_node(before))?;
        correction.append_child(&correction_query)?;
        correction.append_child(&document.create_text_node(after))?;

        let list = b.element("ul", "sondhan-results")?;
        list.set_id(&list_id);
        list.set_attribute("role", "listbox")?;
        list.set_attribute("aria-label", labels::RESULTS_LABEL)?;
        list.set_hidden(true);

        let article = ArticleView::build(&b, ids)?;
        dom::append_all(
            &root,
            &[&field, &status, &correction, &list, &article.element],
        )?;

        let limit = options.limit.unwrap_or(DEFAULT_LIMIT);
        Ok(View {
            document: document.clone(),
            ids: ids.to_string(),
            limit,
            root,
            input,
            status,
            correction,
            correction_query,
            list,
            article,
            state: RefCell::default(),
        })
    }

    pub fn root(&self) -> &HtmlElement {
        &self.root
    }

    pub fn input(&self) -> &HtmlInputElement {
        &self.input
    }

    pub fn list(&self) -> &HtmlElement {
        &self.list
    }

    pub fn back_button(&self) -> &HtmlElement {
        &self.article.back
    }

    pub fn correction_button(&self) -> &HtmlElement {
        &self.correction_query
    }

    pub fn set_query(self: &Rc<Self>, query: &str) {
        self.input.set_value(query);
        self.update();
    }

    /// Searches what is in the box and lists the hits (on every `input` event), unless a newer
    /// search starts before the answer comes.
    pub fn update(self: &Rc<Self>) {
        let query = self.input.value();
        self.hide_article();
        let search = self.start_search();
        if query.trim().is_empty() {
            self.show_list(&[], "");
            return;
        }
        // Articles with some of the words beat an empty list; the status line says so.
        let options = SearchOptions {
            limit: self.limit,
            partial: true,
            ..SearchOptions::default()
        };
        let view = Rc::clone(self);
        spawn(async move {
            let results =
                complete(|index| with_cache(|cache| search_with(index, &query, &options, cache)))
                    .await;
            if !view.is_latest(search) {
                return;
            }
            match results {
                Ok(r) => {
                    view.show_list(
                        &r.hits,
                        &labels::status(r.total, r.hits.len(), &query, r.partial),
                    );
                    view.show_correction(r.suggestion.as_deref());
                }
                Err(e) => {
                    report(&format!("sondhan: the search failed: {e}"));
                    view.show_list(&[], failure_label(&e));
                }
            }
        });
    }

    /// Starts a search: the number that [`is_latest`](Self::is_latest) knows it by.
    fn start_search(&self) -> u32 {
        let mut state = self.state.borrow_mut();
        state.searches = state.searches.wrapping_add(1);
        state.searches
    }

    fn is_latest(&self, search: u32) -> bool {
        self.state.borrow().searches == search
    }

    fn show_correction(&self, corrected: Option<&str>) {
        self.correction_query.set_text_content(corrected);
        self.correction.set_hidden(corrected.is_none());
    }

    /// Searches the corrected query instead, as if it had been typed.
    pub fn accept_correction(self: &Rc<Self>) {
        let corrected = self.correction_query.text_content().unwrap_or_default();
        self.set_query(&corrected);
        let _ = self.input.focus();
    }

    fn show_list(&self, hits: &[Hit], status: &str) {
        let b = Builder::new(&self.document);
        // The options and `State::shown` must agree index for index, so it is all hits or none.
        let (shown, status, options) = match self.options(&b, hits) {
            Ok((shown, options)) => (shown, status, options),
            Err(e) => {
                report(&format!(
                    "sondhan: could not show the hits: {}",
                    js_message(&e)
                ));
                (Vec::new(), labels::FAILED, Vec::new())
            }
        };
        self.status.set_text_content(Some(status));
        self.show_correction(None);
        self.list.set_text_content(None);
        for option in &options {
            let _ = self.list.append_child(option);
        }
        self.list.set_hidden(shown.is_empty());
        let _ = self.input.set_attribute(
            "aria-expanded",
            if shown.is_empty() { "false" } else { "true" },
        );
        let _ = self.input.remove_attribute("aria-activedescendant");
        let mut state = self.state.borrow_mut();
        state.shown = shown;
        state.active = None;
    }

    /// The listbox's options: each hit, then its sections (each leads to its anchor).
    fn options(
        &self,
        b: &Builder,
        hits: &[Hit],
    ) -> Result<(Vec<Shown>, Vec<HtmlElement>), JsValue> {
        let (mut shown, mut options) = (Vec::new(), Vec::new());
        for hit in hits {
            options.push(b.option(hit, &self.option_id(shown.len()), shown.len())?);
            shown.push(Shown {
                id: hit.id.clone(),
                url: hit.url.clone(),
            });
            for section in &hit.sections {
                let id = self.option_id(shown.len());
                options.push(b.section_option(section, &id, shown.len())?);
                shown.push(Shown {
                    id: hit.id.clone(),
                    url: section.url.clone().or_else(|| hit.url.clone()),
                });
            }
        }
        Ok((shown, options))
    }

    fn option_id(&self, i: usize) -> String {
        format!("{}-option-{i}", self.ids)
    }

    /// Moves the active option by `delta`, wrapping around. False if there is nothing to move to.
    pub fn move_active(&self, delta: isize) -> bool {
        let (len, active) = {
            let state = self.state.borrow();
            (state.shown.len(), state.active)
        };
        // Nothing listed, or the list is hidden behind an open article.
        if len == 0 || self.list.hidden() {
            return false;
        }
        let next = match active {
            None if delta > 0 => 0,
            None => len - 1,
            Some(i) => (i as isize + delta).rem_euclid(len as isize) as usize,
        };
        self.activate(next);
        true
    }

    /// Makes option `index` the active one: marked selected, announced through
    /// `aria-activedescendant`, scrolled into view. The focus stays in the input.
    pub fn activate(&self, index: usize) {
        let previous = {
            let mut state = self.state.borrow_mut();
            if index >= state.shown.len() {
                return;
            }
            state.active.replace(index)
        };
        if let Some(option) = previous.and_then(|p| self.option(p)) {
            let _ = option.set_attribute("aria-selected", "false");
        }
        if let Some(option) = self.option(index) {
            let _ = option.set_attribute("aria-selected", "true");
            let _ = self
                .input
                .set_attribute("aria-activedescendant", &option.id());
            dom::scroll_into_view(&option);
        }
    }

    fn option(&self, index: usize) -> Option<Element> {
        self.list.children().item(index as u32)
    }

    /// Opens the active hit: announces it with `sondhan-select`, then follows its url, or shows
    /// the article when it has no url (or one that is not http or https). False if none is active.
    pub fn open_active(self: &Rc<Self>) -> bool {
        let chosen = {
            let state = self.state.borrow();
            state.active.and_then(|i| state.shown.get(i).cloned())
        };
        let Some(hit) = chosen else { return false };
        let url = hit.url.as_deref().and_then(dom::web_url);
        if !self.announce(&hit.id, url.as_deref()) {
            return true; // the page handles it
        }
        let query = self.input.value();
        let marking = hit
            .url
            .as_deref()
            .and_then(|u| dom::web_url_marking(u, &query));
        match marking {
            Some(url) => {
                let assigned = self
                    .document
                    .location()
                    .map(|location| location.assign(&url));
                if let Some(Err(e)) = assigned {
                    report(&format!(
                        "sondhan: could not open {url}: {}",
                        js_message(&e)
                    ));
                }
            }
            None => self.show_article(&hit.id),
        }
        true
    }

    /// Dispatches `sondhan-select`; false if a listener called `preventDefault()`.
    fn announce(&self, id: &str, url: Option<&str>) -> bool {
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"id".into(), &id.into());
        let _ = js_sys::Reflect::set(
            &detail,
            &"url".into(),
            &url.map_or(JsValue::NULL, JsValue::from),
        );
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_detail(&detail);
        match CustomEvent::new_with_event_init_dict("sondhan-select", &init) {
            Ok(event) => self.root.dispatch_event(&event).unwrap_or(true),
            Err(_) => true,
        }
    }

    /// Shows the article with the words the query matched in it marked (once it is here, and
    /// if no search started meanwhile).
    fn show_article(self: &Rc<Self>, id: &str) {
        let (view, id, query) = (Rc::clone(self), id.to_string(), self.input.value());
        let search = self.state.borrow().searches;
        spawn(async move {
            let shown = complete(|index| view.fill_article(index, &id, &query)).await;
            if !view.is_latest(search) {
                return;
            }
            match shown {
                Ok(true) => view.open_article(),
                Ok(false) => report(&format!(
                    "sondhan: the article {} is not in the index",
                    quote(&id.as_str().into())
                )),
                Err(e) => {
                    report(&format!("sondhan: could not show the article: {e}"));
                    view.status.set_text_content(Some(failure_label(&e)));
                }
            }
        });
    }

    /// Fills the article panel with article `id`, the words of `query` marked; false if the
    /// index has no such article.
    fn fill_article(
        &self,
        index: &sondhan_engine::Index<'_>,
        id: &str,
        query: &str,
    ) -> Result<bool, sondhan_engine::IndexError> {
        let Some(ordinal) = index.find(id) else {
            return Ok(false);
        };
        // With the list's options: a partial hit is marked for the words it has.
        let options = SearchOptions {
            partial: true,
            ..SearchOptions::default()
        };
        let marked = with_cache(|cache| highlight_with(index, query, ordinal, &options, cache))?;
        let article = index.document(ordinal)?;
        if let Err(e) = self
            .article
            .fill(&Builder::new(&self.document), &article, &marked)
        {
            // Shown as far as it got: the DOM refusing a text node is not the reader's doing.
            report(&format!(
                "sondhan: could not show all of the article: {}",
                js_message(&e)
            ));
        }
        Ok(true)
    }

    fn open_article(&self) {
        self.list.set_hidden(true);
        let _ = self.input.set_attribute("aria-expanded", "false");
        self.article.element.set_hidden(false);
        let _ = self.article.element.focus();
    }

    fn hide_article(&self) {
        self.article.element.set_hidden(true);
    }

    /// Back from the article to the list, with the focus in the box again.
    pub fn close_article(&self) {
        self.hide_article();
        let has_hits = !self.state.borrow().shown.is_empty();
        self.list.set_hidden(!has_hits);
        let _ = self
            .input
            .set_attribute("aria-expanded", if has_hits { "true" } else { "false" });
        let _ = self.input.focus();
    }

    /// Escape: closes the article if one is open, otherwise clears the box.
    pub fn escape(self: &Rc<Self>) -> bool {
        if !self.article.element.hidden() {
            self.close_article();
            return true;
        }
        if self.input.value().is_empty() && self.state.borrow().shown.is_empty() {
            return false;
        }
        self.set_query("");
        true
    }
}

impl ArticleView {
    fn build(b: &Builder, ids: &str) -> Result<ArticleView, JsValue> {
        let element = b.element("article", "sondhan-article")?;
        element.set_hidden(true);
        // Focusable by script only, so the reader lands on the article when it opens.
        element.set_tab_index(-1);
        let title_id = format!("{ids}-article-title");
        element.set_attribute("aria-labelledby", &title_id)?;
        let back = b.element("button", "sondhan-back")?;
        back.set_attribute("type", "button")?;
        back.set_text_content(Some(labels::BACK));
        let title = b.element("h2", "sondhan-article-title")?;
        title.set_id(&title_id);
        let meta = b.element("p", "sondhan-article-meta")?;
        let body = b.element("div", "sondhan-article-body")?;
        dom::append_all(&element, &[&back, &title, &meta, &body])?;
        Ok(ArticleView {
            element,
            back,
            title,
            meta,
            body,
        })
    }

    fn fill(&self, b: &Builder, d: &DocRef, marked: &DocumentHighlights) -> Result<(), JsValue> {
        self.title.set_text_content(None);
        b.mark_into(
            &self.title,
            &d.title,
            marked.title.iter().map(|h| h.start..h.end),
        )?;
        self.meta.set_text_content(None);
        if !d.date.is_empty() {
            self.meta.append_child(b.date(&d.date)?.as_ref())?;
        }
        if !d.source.is_empty() {
            self.meta.append_child(
                b.text_element("span", "sondhan-article-source", &d.source)?
                    .as_ref(),
            )?;
        }
        self.body.set_text_content(None);
        let mut start = 0;
        // Sorted and disjoint: each paragraph takes those that reach into it.
        let mut highlights = marked.body.iter().peekable();
        for paragraph in d.body.split('\n') {
            let (from, to) = (start, start + paragraph.len());
            start = to + 1;
            while highlights.next_if(|h| h.end <= from).is_some() {}
            if paragraph.trim().is_empty() {
                continue;
            }
            let element = b.element("p", "sondhan-article-paragraph")?;
            // Clipped to the paragraph (a phrase may run over a line break), as offsets into it.
            let here = highlights
                .clone()
                .take_while(|h| h.start < to)
                .map(|h| h.start.max(from) - from..h.end.min(to) - from);
            b.mark_into(&element, paragraph, here)?;
            self.body.append_child(element.as_ref())?;
        }
        Ok(())
    }
}

/// What the status line says when a search or an article could not be had.
fn failure_label(failure: &Failure) -> &'static str {
    match failure {
        #[cfg(feature = "split")]
        Failure::Load(_) => labels::NOT_LOADED,
        Failure::Index(_) => labels::FAILED,
    }
}

/// Problems inside event handlers have no caller to throw to; they go to the console.
fn report(message: &str) {
    web_sys::console::error_1(&message.into());
}
