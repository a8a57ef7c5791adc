//! A document's sections: its headings with an anchor, and where in the body each begins.
//!
//! A long page (documentation, a report) answers a query best by pointing into it: the heading
//! whose part of the page holds the matches, linked by its anchor (`/guide/#install`). The index
//! keeps, per document, its sections in order; a hit asks which of them hold its matches
//! ([`Highlighter::sections`](crate::hits)). A section runs from its heading's first word to the
//! next section's (or the body's end); text before the first heading is in no section.
//!
//! `SECS` holds, for each document (at the offset its `DOCS` record gives):
//!
//! ```text
//! varint  sections
//! per section:
//!   varint  its heading's first body word, less the previous section's (the first's: from 0)
//!   varint  words in its heading
//!   varint  bytes of its anchor, then the anchor in the text code
//!   varint  bytes of its heading, then the heading in the text code
//! ```

use std::borrow::Cow;
use std::ops::Range;

use super::text::TextCode;
use super::varint::Reader;
use super::IndexError;

/// A heading of a document's body, as the indexer finds it (the input of the writer).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    /// Where the heading's text begins in the document's body, in bytes. Sections are in the
    /// order of their starts.
    pub start: usize,
    /// The heading's text, as it reads in the body.
    pub title: String,
    /// The heading's `id`: a hit leads to `url#anchor`.
    pub anchor: String,
}

/// A section as stored: its heading and the body words it spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredSection<'a> {
    pub title: Cow<'a, str>,
    pub anchor: Cow<'a, str>,
    /// Body word positions (from the body's first word): the heading's, then its text's.
    pub heading: Range<u32>,
    /// From the heading's first word to the next section's first.
    pub words: Range<u32>,
}

/// Reads the sections of one document from its place in `SECS`; `body_words` ends the last.
pub(crate) fn read<'a>(
    bytes: &'a [u8],
    code: &TextCode,
    body_words: u32,
) -> Result<Vec<StoredSection<'a>>, IndexError> {
    const BAD: IndexError = IndexError::Corrupt("a section lies outside its body");
    let mut r = Reader::new(bytes);
    let count = r.u32()?;
    let mut sections: Vec<StoredSection<'a>> = Vec::new();
    let mut start = 0u32;
    for _ in 0..count {
        start = start.checked_add(r.u32()?).ok_or(BAD)?;
        let heading_end = start.checked_add(r.u32()?).ok_or(BAD)?;
        let len = r.u32()? as usize;
        let anchor = code.decode(r.bytes(len)?)?;
        let len = r.u32()? as usize;
        let title = code.decode(r.bytes(len)?)?;
        if heading_end > body_words {
            return Err(BAD);
        }
        if let Some(previous) = sections.last_mut() {
            if previous.heading.end > start {
                return Err(IndexError::Corrupt("a heading runs into the next section"));
            }
            previous.words.end = start;
        }
        sections.push(StoredSection {
            title,
            anchor,
            heading: start..heading_end,
            words: start..body_words,
        });
    }
    Ok(sections)
}

#[cfg(feature = "build")]
pub(crate) mod build {
    use super::super::text::build::Encoder;
    use super::super::varint;
    use super::Section;

    /// Where one of a document's sections lies in its body's words, as the writer found it.
    pub(crate) struct Placed {
        /// Which of the document's sections.
        pub section: usize,
        pub first_word: u32,
        /// At most up to the next section's first word.
        pub heading_words: u32,
    }

    /// Appends one document's `placed` sections (in order of `first_word`; their strings are
    /// in `sections`) to `out`, as [`read`](super::read) reads them.
    pub(crate) fn write(
        out: &mut Vec<u8>,
        placed: &[Placed],
        sections: &[Section],
        encoder: &Encoder,
    ) {
        varint::write(out, placed.len() as u64);
        let mut previous = 0;
        let mut encoded = Vec::new();
        for p in placed {
            varint::write(out, u64::from(p.first_word - previous));
            previous = p.first_word;
            varint::write(out, u64::from(p.heading_words));
            let section = &sections[p.section];
            for text in [&section.anchor, &section.title] {
                encoded.clear();
                encoder.encode(text, &mut encoded, &[]);
                varint::write(out, encoded.len() as u64);
                out.extend_from_slice(&encoded);
            }
        }
    }
}
