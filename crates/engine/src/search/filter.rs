//! Filters, date ranges and facet counts: which documents a search's options let through.
//!
//! Values of one field are OR-ed and fields are AND-ed (`source: [A, B]` and `tags: [C]` keeps the
//! documents of A or B that have C); a date range keeps the documents dated within it, ends
//! included, and never an undated one.
//!
//! Facets are counted the way a filter panel needs them: a value's count is the number of
//! documents the query matches that would be found with that value picked *besides* the other
//! fields' filters (its own field's are set aside, since its values are OR-ed). So picking
//! প্রথম আলো leaves the other sources' counts as they were, and they say what picking one more
//! would add.

use super::options::{Facets, SearchOptions};
use crate::index::metadata::{filter_key, Field, Metadata};
use crate::index::{Index, IndexError};

/// Every filter field of `index` with each value's number of documents: what a filter panel
/// lists before anything is searched. In a split index it needs the metadata chunk.
///
/// ```
/// use sondhan_engine::index::{build_index, Document, Index};
/// let docs = vec![
///     Document { id: "a".into(), title: "ক".into(), tags: vec!["ক্রিকেট".into()], ..Default::default() },
///     Document { id: "b".into(), title: "খ".into(), tags: vec!["ক্রিকেট".into(), "ফুটবল".into()], ..Default::default() },
/// ];
/// let bytes = build_index(&docs);
/// let all = sondhan_engine::search::filters(&Index::open(&bytes).unwrap()).unwrap();
/// assert_eq!(all.count("tags", "ক্রিকেট"), Some(2));
/// assert_eq!(all.count("tags", "ফুটবল"), Some(1));
/// ```
pub fn filters(index: &Index<'_>) -> Result<Facets, IndexError> {
    let fields = index.metadata()?.fields()?;
    let counts = |f: &Field<'_>| {
        f.values
            .iter()
            .map(|v| (v.name.to_string(), v.count as usize))
            .collect()
    };
    let fields = fields
        .iter()
        .map(|f| (f.name.to_string(), counts(f)))
        .collect();
    Ok(Facets { fields })
}

/// What a search's options ask of the documents' filters and dates, read against one index.
pub(crate) struct Narrowing<'a> {
    fields: Vec<Field<'a>>,
    metadata: Metadata<'a>,
    /// The [keys](filter_key) of the fields filtered on.
    filter_names: Vec<String>,
    /// Per field filtered on, a bitmap of the documents with one of the values asked for.
    allowed: Vec<Vec<u64>>,
    after: Option<u32>,
    before: Option<u32>,
}

/// No document passes.
const REFUSED: u32 = u32::MAX;
/// Every field passes.
const PASSES: u32 = u32::MAX - 1;

impl<'a> Narrowing<'a> {
    /// The narrowing `options` ask for, over `metadata` of an index of `documents`.
    pub fn new(
        metadata: Metadata<'a>,
        options: &SearchOptions,
        documents: u32,
    ) -> Result<Self, IndexError> {
        let fields = metadata.fields()?;
        let asked = asked_by_key(&options.filters);
        let mut allowed = Vec::with_capacity(asked.len());
        for (name, wanted) in &asked {
            let field = fields.iter().find(|f| filter_key(f.name) == *name);
            allowed.push(documents_with(field, wanted, documents)?);
        }
        Ok(Narrowing {
            fields,
            metadata,
            filter_names: asked.into_iter().map(|(name, _)| name).collect(),
            allowed,
            after: options.after,
            before: options.before,
        })
    }

    /// The index's filters and dates.
    pub fn metadata(&self) -> Metadata<'a> {
        self.metadata
    }

    /// Whether `doc` is dated within the range (any document, with none).
    fn in_range(&self, doc: u32) -> bool {
        if self.after.is_none() && self.before.is_none() {
            return true;
        }
        self.metadata.date(doc).is_some_and(|date| {
            self.after.is_none_or(|after| date >= after)
                && self.before.is_none_or(|before| date <= before)
        })
    }

    /// [`PASSES`], the one field filter `doc` fails, or [`REFUSED`].
    fn verdict(&self, doc: u32) -> u32 {
        if !self.in_range(doc) {
            return REFUSED;
        }
        let (word, bit) = (doc as usize / 64, doc % 64);
        let mut failed = (0..self.allowed.len() as u32).filter(|&f| {
            self.allowed[f as usize]
                .get(word)
                .is_none_or(|w| w & 1 << bit == 0)
        });
        match (failed.next(), failed.next()) {
            (None, _) => PASSES,
            (Some(field), None) => field,
            _ => REFUSED,
        }
    }

    /// Whether `doc` passes every filter and the range.
    pub fn allows(&self, doc: u32) -> bool {
        self.verdict(doc) == PASSES
    }

    /// Every field's values counted over `docs`, the documents the query matched (before the
    /// filters), as [the module docs](self) say.
    pub fn facets(
        &self,
        docs: impl Iterator<Item = u32>,
        documents: u32,
    ) -> Result<Facets, IndexError> {
        let mut verdicts = vec![REFUSED; documents as usize];
        for doc in docs {
            *verdicts.get_mut(doc as usize).ok_or(OUTSIDE)? = self.verdict(doc);
        }
        let mut fields = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            // Which filter this field is, if the options filter on it.
            let own = self.position(&filter_key(field.name));
            let mut counts = Vec::with_capacity(field.values.len());
            for value in &field.values {
                let mut count = 0;
                for doc in value.docs() {
                    let verdict = *verdicts.get(doc? as usize).ok_or(OUTSIDE)?;
                    count += usize::from(verdict == PASSES || Some(verdict) == own);
                }
                counts.push((value.name.to_string(), count));
            }
            fields.push((field.name.to_string(), counts));
        }
        Ok(Facets { fields })
    }

    /// The number of the filter on the field of key `name`, if the options filter on it.
    fn position(&self, name: &str) -> Option<u32> {
        self.filter_names
            .iter()
            .position(|n| n == name)
            .map(|p| p as u32)
    }
}

/// The filters' fields and values by [key](filter_key); a field named twice has both's values.
fn asked_by_key(filters: &[(String, Vec<String>)]) -> Vec<(String, Vec<String>)> {
    let mut asked: Vec<(String, Vec<String>)> = Vec::new();
    for (name, values) in filters {
        let name = filter_key(name);
        let values = values.iter().map(|v| filter_key(v));
        match asked.iter_mut().find(|(n, _)| *n == name) {
            Some((_, known)) => known.extend(values),
            None => asked.push((name, values.collect())),
        }
    }
    asked
}

/// A bitmap of the documents with one of the `wanted` values (keys) of `field`: none if the
/// index lacks the field.
fn documents_with(
    field: Option<&Field<'_>>,
    wanted: &[String],
    documents: u32,
) -> Result<Vec<u64>, IndexError> {
    let mut bits = vec![0u64; (documents as usize).div_ceil(64)];
    let picked = field.into_iter().flat_map(|f| &f.values);
    for value in picked.filter(|v| wanted.contains(&filter_key(v.name))) {
        for doc in value.docs() {
            let doc = doc? as usize;
            *bits.get_mut(doc / 64).ok_or(OUTSIDE)? |= 1 << (doc % 64);
        }
    }
    Ok(bits)
}

const OUTSIDE: IndexError = IndexError::Corrupt("a filter names a document the index lacks");
