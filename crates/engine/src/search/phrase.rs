//! Phrases: `"উত্তর কোরিয়া"`, the words at consecutive positions, in order.

use super::counts::Counts;
use super::expand;
use super::Searcher;
use crate::index::IndexError;
use crate::sort::merge_sorted;

/// (document, position) pairs, sorted.
type Occurrences = Vec<(u32, u32)>;
/// (document, position, the title's length in words) of a word in a title, sorted.
type TitleOccurrences = Vec<(u32, u32, u32)>;

/// Occurrences of `words` at consecutive positions, each word matching exactly or by stem.
pub(crate) fn phrase_counts(
    searcher: &mut Searcher<'_, '_>,
    words: &[String],
) -> Result<Counts, IndexError> {
    let (members, title_starts) = member_positions(searcher, words)?;
    let index = searcher.index;
    let mut counts = searcher.cache.spare.counts(index);
    let Some((first, rest)) = members.split_first() else {
        return Ok(counts);
    };
    // The starts come in order, and so do the positions they need next: one cursor per member
    // walks its list once, and one more the starts in titles.
    let mut cursors = vec![0; rest.len()];
    let mut titles = title_starts.iter().peekable();
    for &(doc, start) in first {
        let mut all = true;
        for (i, (member, at)) in rest.iter().zip(&mut cursors).enumerate() {
            let wanted = (doc, start + i as u32 + 1);
            *at += member[*at..].iter().take_while(|&&p| p < wanted).count();
            all &= member.get(*at) == Some(&wanted);
        }
        if all {
            let c = counts.entry(doc);
            c.best = expand::EXACT;
            // A phrase never spans title and body: it is in the title if its first word is.
            while titles
                .next_if(|&&(d, p, _)| (d, p) < (doc, start))
                .is_some()
            {}
            if let Some(&&(_, _, title_words)) =
                titles.peek().filter(|t| (t.0, t.1) == (doc, start))
            {
                c.title += 1.0;
                c.title_words = title_words;
                c.title_match(expand::EXACT, start, start + rest.len() as u32);
            } else {
                c.body += 1.0;
            }
        }
    }
    Ok(counts)
}

/// Per member: (document, position) of every matching word, sorted; only in documents that
/// have every earlier member (only those can hold the phrase). Then those of the first member
/// that are in a title.
fn member_positions(
    searcher: &mut Searcher<'_, '_>,
    words: &[String],
) -> Result<(Vec<Occurrences>, TitleOccurrences), IndexError> {
    let mut members: Vec<Occurrences> = Vec::with_capacity(words.len());
    let has_doc = |member: &[(u32, u32)], doc: u32| {
        member
            .get(member.partition_point(|&(d, _)| d < doc))
            .is_some_and(|&(d, _)| d == doc)
    };
    let (mut scratch, mut title_starts) = (Vec::new(), Vec::new());
    for word in words {
        let mut positions = Vec::new();
        for postings in searcher.expand(word, expand::PHRASE_MEMBER)?.postings() {
            // One index word's postings are in document and position order already, and a
            // document's title positions come first.
            let (mut run, mut in_titles) = (Vec::new(), Vec::new());
            for posting in searcher.index.postings(postings)? {
                let p = posting?;
                if members.last().is_some_and(|m| !has_doc(m, p.doc)) {
                    continue;
                }
                p.positions_into(&mut scratch)?;
                run.extend(scratch.iter().map(|&position| (p.doc, position)));
                if members.is_empty() {
                    let title = &scratch[..scratch.len().min(p.in_title as usize)];
                    in_titles.extend(title.iter().map(|&at| (p.doc, at, p.title_words)));
                }
            }
            positions = merge_sorted(positions, run);
            title_starts = merge_sorted(title_starts, in_titles);
        }
        members.push(positions);
    }
    Ok((members, title_starts))
}
