//! What the corpus says about its words: in how many articles each occurs, and how it is most
//! often written.

use std::collections::HashMap;

use sondhan_engine::analysis::for_each_word;
use sondhan_engine::index::Document;

/// Every normalized word of a corpus (titles and bodies), as sondhan's analysis finds them.
pub struct Vocabulary {
    words: HashMap<String, Entry>,
    documents: usize,
}

#[derive(Default)]
struct Entry {
    document_frequency: u32,
    /// The last document counted, so a word repeated in one article counts once.
    last_document: Option<usize>,
    /// Raw spellings of the word in the text and how often each occurs.
    spellings: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn new(documents: &[Document]) -> Self {
        let mut words: HashMap<String, Entry> = HashMap::new();
        for (ordinal, document) in documents.iter().enumerate() {
            for text in [&document.title, &document.body] {
                for_each_word(text, |word| {
                    let entry = words.entry(word.term.to_string()).or_default();
                    if entry.last_document != Some(ordinal) {
                        entry.last_document = Some(ordinal);
                        entry.document_frequency += 1;
                    }
                    *entry
                        .spellings
                        .entry(text[word.start..word.end].to_string())
                        .or_default() += 1;
                });
            }
        }
        Vocabulary {
            words,
            documents: documents.len(),
        }
    }

    /// Articles in the corpus.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// In how many articles the normalized word occurs (0 if in none).
    pub fn document_frequency(&self, term: &str) -> u32 {
        self.words.get(term).map_or(0, |e| e.document_frequency)
    }

    pub fn contains(&self, term: &str) -> bool {
        self.words.contains_key(term)
    }

    /// The raw spelling the corpus uses most for a normalized word (ties: the smallest string, so
    /// the choice does not depend on hash order).
    pub fn usual_spelling(&self, term: &str) -> Option<&str> {
        let entry = self.words.get(term)?;
        entry
            .spellings
            .iter()
            .max_by(|(a, m), (b, n)| m.cmp(n).then_with(|| b.cmp(a)))
            .map(|(spelling, _)| spelling.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sondhan_engine::analysis::normalize;

    fn doc(title: &str, body: &str) -> Document {
        Document {
            id: title.into(),
            title: title.into(),
            body: body.into(),
            ..Default::default()
        }
    }

    #[test]
    fn counts_articles_not_occurrences_and_keeps_the_usual_spelling() {
        // The same word precomposed twice and decomposed once.
        let pre = "কোরি\u{09DF}া";
        let de = "কোরি\u{09AF}\u{09BC}া";
        let docs = [doc(pre, &format!("{pre} {pre}")), doc("খবর", de)];
        let vocabulary = Vocabulary::new(&docs);
        let term = normalize(pre);
        assert_eq!(vocabulary.document_frequency(&term), 2);
        assert_eq!(vocabulary.usual_spelling(&term), Some(pre));
        assert_eq!(vocabulary.document_frequency("নেই"), 0);
    }
}
