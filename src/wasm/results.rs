//! Search results to JavaScript in one crossing.
//!
//! Converting field by field (serde-wasm-bindgen) costs a call into JavaScript for every key and
//! a `TextDecoder` call for every string: 14 % of a query's time on the news corpus, more than
//! ranking. Here every string of the results goes across at once, concatenated, with one array
//! of numbers that says how to cut it (lengths in UTF-16 code units, as JavaScript slices) and
//! carries the scores and highlight ranges. A few lines of JavaScript build the objects
//! `SearchResults` declares, with the same keys in the same order.
//!
//! The text crosses as UTF-16, which is what a JavaScript string holds: decoding it is a copy,
//! where decoding UTF-8 Bengali (three bytes a letter) was the largest cost outside the engine in
//! the benchmark's CPU profile, and the lengths come from the encoding instead of a second pass.

use sondhan_engine::search::{Explanation, Facets};
use sondhan_engine::{Highlight, SearchResults, SectionHit};

use wasm_bindgen::prelude::*;

// One reader for every build: without the explain feature the flag it reads is always 0, and
// `explained` (a few hundred bytes of glue) is never called.
#[wasm_bindgen(inline_js = r#"
const utf16 = new TextDecoder('utf-16le');
export function sondhanResults(units, n) {
  const text = utf16.decode(units);
  let at = 0, i = 0;
  const str = () => {
    const len = n[i++];
    if (len < 0) return null;
    at += len;
    return text.slice(at - len, at);
  };
  const ranges = () => {
    const out = new Array(n[i++]);
    for (let j = 0; j < out.length; j++) out[j] = { start: n[i++], end: n[i++] };
    return out;
  };
  const sections = () => {
    const out = new Array(n[i++]);
    for (let j = 0; j < out.length; j++) out[j] = { title: str(), anchor: str(), url: str(), snippet: str(), highlights: ranges(), titleHighlights: ranges() };
    return out;
  };
  const explained = () => {
    const clauses = new Array(n[i++]);
    for (let c = 0; c < clauses.length; c++) clauses[c] = { clause: str(), kind: str(), bm25: { weight: n[i++], title: n[i++], body: n[i++], tf: n[i++], idf: n[i++], score: n[i++] } };
    return { clauses, sum: n[i++], coverage: n[i++], order: n[i++], score: n[i++] };
  };
  const total = n[i++], truncated = n[i++] !== 0, partial = n[i++] !== 0, didYouMean = str(), hits = new Array(n[i++]), explain = n[i++];
  for (let h = 0; h < hits.length; h++) {
    const score = n[i++];
    hits[h] = { id: str(), title: str(), date: str(), url: str(), source: str(), score, snippet: str(), highlights: ranges(), titleHighlights: ranges(), sections: sections() };
    if (explain) hits[h].explanation = explained();
  }
  const results = { total, hits, truncated, didYouMean, partial };
  if (n[i++]) {
    const facets = {};
    for (let f = n[i++]; f > 0; f--) {
      const field = str(), values = (facets[field] = {});
      for (let v = n[i++]; v > 0; v--) values[str()] = n[i++];
    }
    results.facets = facets;
  }
  return results;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = sondhanResults)]
    fn build(text: &[u16], numbers: &[f64]) -> JsValue;
}

/// The `SearchResults` object for `results`; with `facets` (the option), its facet counts too.
pub fn to_js(results: &SearchResults, facets: bool) -> JsValue {
    let mut out = Packed::default();
    out.numbers.push(results.total as f64);
    out.numbers.push(f64::from(u8::from(results.truncated)));
    out.numbers.push(f64::from(u8::from(results.partial)));
    out.string(results.suggestion.as_deref());
    out.numbers.push(results.hits.len() as f64);
    let explained = cfg!(feature = "explain") && !results.explanations.is_empty();
    out.numbers.push(f64::from(u8::from(explained)));
    for (i, hit) in results.hits.iter().enumerate() {
        // In the order the JavaScript above reads them.
        out.numbers.push(f64::from(hit.score));
        for field in [
            Some(hit.id.as_str()),
            Some(hit.title.as_str()),
            hit.date.as_deref(),
            hit.url.as_deref(),
            hit.source.as_deref(),
        ] {
            out.string(field);
        }
        out.string(Some(hit.snippet.as_str()));
        out.ranges(&hit.highlights);
        out.ranges(&hit.title_highlights);
        out.sections(&hit.sections);
        if explained {
            out.explanation(&results.explanations[i]);
        }
    }
    out.numbers.push(f64::from(u8::from(facets)));
    if facets {
        out.facets(&results.facets);
    }
    build(&out.text, &out.numbers)
}

#[derive(Default)]
struct Packed {
    /// Every string, end to end, in UTF-16.
    text: Vec<u16>,
    numbers: Vec<f64>,
}

impl Packed {
    /// Appends a string (its length in UTF-16 code units), or `null` as length -1.
    fn string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                let before = self.text.len();
                self.text.extend(s.encode_utf16());
                self.numbers.push((self.text.len() - before) as f64);
            }
            None => self.numbers.push(-1.0),
        }
    }

    /// Appends a hit's explanation, as the JavaScript's `explained` reads it.
    fn explanation(&mut self, e: &Explanation) {
        self.numbers.push(e.clauses.len() as f64);
        for c in &e.clauses {
            self.string(Some(&c.clause));
            self.string(Some(c.kind));
            let b = &c.bm25;
            self.numbers
                .extend([b.weight, b.title, b.body, b.tf, b.idf, b.score].map(f64::from));
        }
        self.numbers
            .extend([e.sum, e.coverage, e.order, e.score].map(f64::from));
    }

    /// Appends facet counts: fields, then per field its name and values, then per value its
    /// name and count.
    fn facets(&mut self, facets: &Facets) {
        self.numbers.push(facets.fields.len() as f64);
        for (field, values) in &facets.fields {
            self.string(Some(field));
            self.numbers.push(values.len() as f64);
            for (value, count) in values {
                self.string(Some(value));
                self.numbers.push(*count as f64);
            }
        }
    }

    /// Appends a hit's sections, as the JavaScript's `sections` reads them.
    fn sections(&mut self, sections: &[SectionHit]) {
        self.numbers.push(sections.len() as f64);
        for section in sections {
            self.string(Some(&section.title));
            self.string(Some(&section.anchor));
            self.string(section.url.as_deref());
            self.string(Some(&section.snippet));
            self.ranges(&section.highlights);
            self.ranges(&section.title_highlights);
        }
    }

    /// Appends highlight ranges as JavaScript indexes strings.
    fn ranges(&mut self, highlights: &[Highlight]) {
        self.numbers.push(highlights.len() as f64);
        for h in highlights {
            self.numbers
                .extend([h.start_utf16 as f64, h.end_utf16 as f64]);
        }
    }
}
