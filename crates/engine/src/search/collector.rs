//! The page of hits a search returns: the best first, each with its snippet and highlights.

use std::borrow::Cow;

use std::cmp::Ordering;

use super::filter::Narrowing;
use super::options::{Facets, Sort};
use super::rank::Ranked;
use super::{Explanation, SearchOptions, MAX_LIMIT};
use crate::hits::{Highlighter, Hit};
use crate::index::{Index, IndexError, Metadata};
use crate::sort::sort_first_by;

/// The order of the hits: by score, or by date and then score.
pub(crate) enum Order<'a> {
    Relevance,
    Date {
        metadata: Metadata<'a>,
        newest: bool,
    },
}

impl<'a> Order<'a> {
    /// The order `sort` asks for; by date only with the index's metadata, which a search reads
    /// whenever it sorts by date.
    pub fn new(sort: Sort, narrowing: Option<&Narrowing<'a>>) -> Self {
        match (sort, narrowing) {
            (Sort::Relevance, _) | (_, None) => Order::Relevance,
            (sort, Some(narrowing)) => Order::Date {
                metadata: narrowing.metadata(),
                newest: sort == Sort::Newest,
            },
        }
    }

    /// Best first, ties by document number; by date, undated documents last, a day's
    /// documents best first.
    fn compare(&self, a: &(u32, f32), b: &(u32, f32)) -> Ordering {
        let by_score = || b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        match self {
            Order::Relevance => by_score(),
            Order::Date { metadata, newest } => {
                let day = |doc| match (metadata.date(doc), newest) {
                    (Some(date), true) => u32::MAX - date,
                    (Some(date), false) => date,
                    (None, _) => u32::MAX,
                };
                day(a.0).cmp(&day(b.0)).then_with(by_score)
            }
        }
    }
}

/// The page `options` ask for of `ranked`, in `order` (only the page needs sorting); with their
/// explanations, when `ranked` has them, and its facets.
pub(crate) fn page(
    index: &Index<'_>,
    ranked: Ranked<'_>,
    options: &SearchOptions,
    order: Order<'_>,
) -> Result<(Vec<Hit>, Vec<Explanation>, Facets), IndexError> {
    let Ranked {
        docs: mut ranked_docs,
        matchers,
        explanations,
        facets,
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
        |a, b| order.compare(a, b),
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
    Ok((hits, page_explanations, facets))
}

fn make_hit(
    index: &Index<'_>,
    doc: u32,
    score: f32,
    highlighter: &Highlighter,
) -> Result<Hit, IndexError> {
    let d = index.hit_document(doc)?;
    let (snippet, highlights, title_highlights) = highlighter.highlight(doc, &d)?;
    let sections = highlighter.sections(doc, &d)?;
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
        sections,
    })
}
