//! `mount`: a search box with a live result list, following the WAI-ARIA combobox pattern.
//!
//! ```text
//! div.sondhan[lang=bn]
//!   div.sondhan-field > input.sondhan-input[role=combobox]   aria-controls → the listbox
//!   p.sondhan-status[role=status]                            "৫টি ফলাফল (5 results)"
//!   p.sondhan-correction[hidden] > button                    "আপনি কি [কিম জং] খুঁজছেন?"
//!   ul.sondhan-results[role=listbox] > li.sondhan-option[role=option]…
//!   article.sondhan-article[hidden]                          a hit without a url, in full
//! ```
//!
//! * [`view`] keeps the elements and what is shown, and does what each event asks.
//! * [`dom`] builds elements; corpus text only ever becomes text nodes, so a title like
//!   `<img onerror=…>` is shown, never parsed.
//! * [`labels`] is what the widget says: status lines, dates, Bengali numerals.
//!
//! This module wires events to the view and owns mounted widgets until they are unmounted.

mod dom;
mod labels;
mod view;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent};

use super::options::{js_message, mount_options, quote};
use view::View;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = r#"
/** Options for `mount`. Every field is optional. */
export interface MountOptions {
  /** Placeholder text of the search box. */
  placeholder?: string;
  /** Accessible name of the search box. */
  label?: string;
  /** Hits to list, at most 100. Default 10. */
  limit?: number;
}
"#;

/// Builds a search box inside `target` (an element, or a CSS selector for one) and returns a
/// handle to it. The box searches on every keystroke; ArrowUp/ArrowDown choose a hit, Enter
/// opens it (its url, or the article itself when it has none), Escape clears.
///
/// Before following a url the box dispatches a cancelable `sondhan-select` event (bubbling,
/// `detail: { id, url }`); call `preventDefault()` on it to handle the choice yourself.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement | string")] target: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: JsValue,
) -> Result<SearchBox, JsError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| {
            JsError::new("sondhan.mount: there is no document here (mount needs a browser page)")
        })?;
    let host = resolve_target(&document, &target)?;
    let options = mount_options(&options)
        .map_err(|e| JsError::new(&format!("sondhan.mount: invalid options: {e}")))?;

    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    let view =
        Rc::new(View::build(&document, &format!("sondhan-{id}"), &options).map_err(dom_error)?);
    let listeners = listen(&view).map_err(dom_error)?;
    host.append_child(view.root()).map_err(dom_error)?;
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            id,
            view,
            _listeners: listeners,
        })
    });
    Ok(SearchBox { id })
}

/// A mounted search box. It stays on the page, listening, until `unmount()` is called; dropping
/// the handle does not remove it.
#[wasm_bindgen]
pub struct SearchBox {
    id: u32,
}

#[wasm_bindgen]
impl SearchBox {
    /// Puts `query` in the box and searches it, as if typed.
    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: &str) -> Result<(), JsError> {
        let view = self
            .view()
            .ok_or_else(|| JsError::new("sondhan: this search box was unmounted"))?;
        view.set_query(query);
        Ok(())
    }

    /// Removes the box from the page and stops its event listeners. Calling it again does nothing.
    pub fn unmount(&self) {
        let removed = MOUNTED.with(|mounted| {
            let mut mounted = mounted.borrow_mut();
            let at = mounted.iter().position(|m| m.id == self.id)?;
            Some(mounted.swap_remove(at))
        });
        // Dropped outside the borrow: removing the listeners calls into JavaScript.
        if let Some(m) = removed {
            m.view.root().remove();
        }
    }

    fn view(&self) -> Option<Rc<View>> {
        MOUNTED.with(|mounted| {
            mounted
                .borrow()
                .iter()
                .find(|m| m.id == self.id)
                .map(|m| Rc::clone(&m.view))
        })
    }
}

/// A widget on the page and the listeners that drive it. The listeners hold the view, not the
/// other way round, so dropping this removes everything without a reference cycle.
struct Mounted {
    id: u32,
    view: Rc<View>,
    _listeners: Vec<Listener>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Makes element ids unique when several boxes share a page.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// An event listener that is removed when dropped.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    fn add(
        target: &EventTarget,
        kind: &'static str,
        handler: impl FnMut(Event) + 'static,
    ) -> Result<Self, JsValue> {
        let callback = Closure::<dyn FnMut(Event)>::new(handler);
        target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())?;
        Ok(Listener {
            target: target.clone(),
            kind,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

fn listen(view: &Rc<View>) -> Result<Vec<Listener>, JsValue> {
    let on = |target: &EventTarget, kind, handle: fn(&Rc<View>, Event)| {
        let view = Rc::clone(view);
        Listener::add(target, kind, move |event| handle(&view, event))
    };
    Ok(vec![
        on(view.input(), "input", |view, _| view.update())?,
        on(view.root(), "keydown", on_key)?,
        // Keep the focus in the box when a hit is clicked, as the combobox pattern asks.
        on(view.list(), "mousedown", |_, event| event.prevent_default())?,
        on(view.list(), "click", |view, event| {
            if let Some(index) = option_index(&event) {
                view.activate(index);
                view.open_active();
            }
        })?,
        on(view.back_button(), "click", |view, _| view.close_article())?,
        on(view.correction_button(), "click", |view, _| {
            view.accept_correction()
        })?,
    ])
}

fn on_key(view: &Rc<View>, event: Event) {
    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    // Keys that confirm an input method's composition are not meant for the box.
    if event.is_composing() || event.alt_key() || event.ctrl_key() || event.meta_key() {
        return;
    }
    let in_input = event.target().is_some_and(|t| &t == view.input().as_ref());
    let handled = match event.key().as_str() {
        "ArrowDown" if in_input => view.move_active(1),
        "ArrowUp" if in_input => view.move_active(-1),
        "Enter" if in_input => view.open_active(),
        "Escape" => view.escape(),
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

/// The index of the option a click landed in.
fn option_index(event: &Event) -> Option<usize> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let option = target.closest("[role=option]").ok()??;
    option.get_attribute("data-index")?.parse().ok()
}

fn resolve_target(document: &web_sys::Document, target: &JsValue) -> Result<Element, JsError> {
    if let Some(selector) = target.as_string() {
        return match document.query_selector(&selector) {
            Ok(Some(element)) => Ok(element),
            Ok(None) => Err(JsError::new(&format!(
                "sondhan.mount: no element matches the selector {}",
                quote(target)
            ))),
            Err(_) => Err(JsError::new(&format!(
                "sondhan.mount: {} is not a valid CSS selector",
                quote(target)
            ))),
        };
    }
    target.dyn_ref::<Element>().cloned().ok_or_else(|| {
        JsError::new("sondhan.mount: the target must be an element or a CSS selector string")
    })
}

fn dom_error(e: JsValue) -> JsError {
    JsError::new(&format!(
        "sondhan.mount: could not build the search box: {}",
        js_message(&e)
    ))
}
