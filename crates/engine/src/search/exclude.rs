//! Exclusions: `-word` leaves out the documents that contain the word in any form.

use super::clause::evaluate;
use super::join::Candidates;
use super::query::Query;
use super::Searcher;
use crate::index::IndexError;

/// Removes from `candidates` the documents an excluded clause of `query` matches (by the word,
/// its stems and spelling variants; never by typos, which must not remove a document).
pub(crate) fn exclude(
    searcher: &mut Searcher<'_, '_>,
    query: &Query,
    candidates: &mut Candidates,
) -> Result<(), IndexError> {
    if candidates.list.is_empty() {
        return Ok(());
    }
    for clause in query.clauses.iter().filter(|c| c.excluded) {
        let (excluded, _) = evaluate(searcher, clause, false)?;
        candidates.list.retain(|c| !excluded.contains(c.doc));
        searcher.cache.spare.recycle(excluded);
    }
    Ok(())
}
