//! The page of hits a search returns: the best first, each with its snippet and highlights.

use std::borrow::Cow;

use super::rank::Ranked;
use super::{Explanation, SearchOptions, MAX_LIMIT};
use crate::hits::{Highlighter, Hit};
use crate::index::{Index, IndexError};
use crate::sort::sort_first_by;

/// The page `options` ask for of `ranked`: best first, ties by document number (only the page
/// needs sorting).
/// The page `options` ask for of `ranked`: best first, ties by document number (only the page
/// needs sorting); with their explanations, when `ranked` has them.
pub(crate) fn page(
    index: &Index<'_>,
    ranked: Ranked<'_>,
    options: &SearchOptions,
) -> Result<(Vec<Hit>, Vec<Explanation>), IndexError> {
    let Ranked {
        docs: mut ranked_docs,
        matchers,
        explanations,
        ..
    } = ranked;
    // Explanations follow the documents' order before sorting: pair them up first.
    #[cfg(feature = "explain")]
    let mut explained: Vec<(u32, Explanation)> = ranked_docs
        .iter()
        .map(|&(doc, _)| doc)
        .zip(explanations)
        .collect();
    #[cfg(not(feature = "explain"))]
    drop(explanations);
    let limit = options.limit.min(MAX_LIMIT);
    sort_first_by(
        &mut ranked_docs,
        options.offset.saturating_add(limit),
        |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)),
    );
    let page = ranked_docs.get(options.offset..).unwrap_or_default();
    let page = &page[..page.len().min(limit)];
    let page_docs: Vec<u32> = page.iter().map(|&(doc, _)| doc).collect();
    index.fetch_documents(&page_docs)?;
    let highlighter = Highlighter::new(&matchers, &page_docs)?;
    let hits = page
        .iter()
        .map(|&(doc, score)| make_hit(index, doc, score, &highlighter))
        .collect::<Result<_, _>>()?;
    #[cfg(feature = "explain")]
    let mut page_explanations = Vec::with_capacity(explained.len().min(page_docs.len()));
    #[cfg(feature = "explain")]
    for doc in &page_docs {
        if let Some(at) = explained.iter().position(|(d, _)| d == doc) {
            page_explanations.push(std::mem::take(&mut explained[at].1));
        }
    }
    #[cfg(not(feature = "explain"))]
    let page_explanations = Vec::new();
    Ok((hits, page_explanations))
}

fn make_hit(
    index: &Index<'_>,
    doc: u32,
    score: f32,
    highlighter: &Highlighter,
) -> Result<Hit, IndexError> {
    let d = index.hit_document(doc)?;
    let (snippet, highlights, title_highlights) = highlighter.highlight(doc, &d)?;
    let some = |s: Cow<'_, str>| (!s.is_empty()).then(|| s.into_owned());
    Ok(Hit {
        id: d.id.into_owned(),
        title: d.title.into_owned(),
        date: some(d.date),
        url: some(d.url),
        source: some(d.source),
        score,
        snippet,
        highlights,
        title_highlights,
    })
}
