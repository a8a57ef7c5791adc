//! Corpora as they come from wherever their owners got them: a huge article, ten thousand tiny
//! ones, links, other scripts, Windows line ends and byte order marks, files of nothing but
//! spaces. Each is read and searchable, or skipped or refused with a message naming the file,
//! and the counts add up: every file looked at gives a document or a skip.

use std::path::{Path, PathBuf};
use std::time::Instant;

use sondhan_engine::analysis::terms;
use sondhan_engine::index::{build_index, Index};
use sondhan_engine::{search, SearchOptions, SearchResults};
use sondhan_indexer::corpus::{read_corpus, Corpus};

/// A fresh, empty folder under the system temp dir, removed again when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sondhan-edge-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, file: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Exact search (no prefix, no typos), as many hits as allowed.
fn find(bytes: &[u8], query: &str) -> SearchResults {
    let index = Index::open_verified(bytes).expect("a fresh index opens");
    let options = SearchOptions {
        prefix: false,
        typos: false,
        limit: 100,
        ..SearchOptions::default()
    };
    search(&index, query, &options).expect("search runs")
}

fn ids(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.id.as_str()).collect()
}

/// Every file looked at gave exactly one document or one skip (for corpora of one article per
/// file), and every skip is a warning naming its file.
fn assert_counts_add_up(corpus: &Corpus) {
    assert_eq!(
        corpus.documents.len() + corpus.skipped.len(),
        corpus.files.len(),
        "documents + skipped != files read: {:?}",
        corpus.warnings
    );
    for skipped in &corpus.skipped {
        let name = skipped.path.display().to_string();
        assert!(
            corpus.warnings.iter().any(|w| w.starts_with(&name)),
            "no warning names {name}: {:?}",
            corpus.warnings
        );
    }
}

fn warned(corpus: &Corpus, file: &str, what: &str) -> bool {
    corpus
        .warnings
        .iter()
        .any(|w| w.contains(file) && w.contains(what))
}

/// A paragraph of Bengali news text with a number in it, so that paragraphs differ (repeated
/// paragraphs are dropped as boilerplate) and the index has many distinct words.
fn paragraph(n: usize) -> String {
    format!(
        "প্রতিবেদন {n}: রাশিয়া ও উত্তর কোরিয়ার মধ্যে চুক্তি নিয়ে আলোচনা চলছে, বলেছেন কর্মকর্তারা। \
         মস্কো থেকে পিয়ংইয়ং পর্যন্ত সড়ক ও রেল যোগাযোগ বাড়ানোর কথাও হয়েছে শব্দ{n}।"
    )
}

#[test]
fn a_20_mb_article_is_read_indexed_and_searchable() {
    let dir = TempDir::new("huge");
    let mut text = String::from("বিশাল প্রতিবেদনের শিরোনাম\n\n");
    let mut n = 0;
    while text.len() < (20 << 20) + 4096 {
        text.push_str(&paragraph(n));
        text.push('\n');
        n += 1;
    }
    text.push_str("শেষ অনুচ্ছেদে একটি বিরল শব্দ: ঝিনুকমালা।\n");
    dir.write("huge.txt", &text);

    let started = Instant::now();
    let corpus = read_corpus(&dir.0).unwrap();
    let read = started.elapsed();
    assert_eq!(corpus.documents.len(), 1, "{:?}", corpus.warnings);
    let document = &corpus.documents[0];
    assert_eq!(document.title, "বিশাল প্রতিবেদনের শিরোনাম");
    assert!(
        document.body.len() >= 20 << 20,
        "the body lost text: {} bytes",
        document.body.len()
    );
    let started = Instant::now();
    let bytes = build_index(&corpus.documents);
    let built = started.elapsed();
    let started = Instant::now();
    let last = find(&bytes, "ঝিনুকমালা");
    let searched = started.elapsed();
    // Not assertions (shared machines are noisy): printed for `cargo test -- --nocapture`.
    eprintln!(
        "20 MB article ({n} paragraphs): read {read:.2?}, indexed {built:.2?} ({} bytes), one search {searched:.2?}",
        bytes.len()
    );

    assert_eq!(ids(&last), ["huge"], "the last paragraph's word is found");
    let hit = &last.hits[0];
    assert!(
        hit.snippet.contains("ঝিনুকমালা") && !hit.highlights.is_empty(),
        "{}",
        hit.snippet
    );
    assert!(
        hit.snippet.len() < 2_000,
        "a snippet is a window, not the body: {} bytes",
        hit.snippet.len()
    );
    // A word of a paragraph in the middle, and one of every paragraph.
    assert_eq!(ids(&find(&bytes, &format!("শব্দ{}", n / 2))), ["huge"]);
    assert_eq!(find(&bytes, "পিয়ংইয়ং").total, 1);
}

#[test]
fn ten_thousand_tiny_articles_are_all_read_and_counted() {
    let dir = TempDir::new("many");
    const N: usize = 10_000;
    for i in 0..N {
        dir.write(
            &format!("{:02}/{i:05}.txt", i / 500),
            format!("খবর {i}\nছোট্ট লেখা নম্বর{i}।\n"),
        );
    }
    // Three files that are not articles, among them.
    dir.write("07/empty.txt", "");
    dir.write("07/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
    dir.write("07/blank.md", " \r\n\t\n");

    let started = Instant::now();
    let corpus = read_corpus(&dir.0).unwrap();
    let read = started.elapsed();
    let started = Instant::now();
    let bytes = build_index(&corpus.documents);
    eprintln!(
        "10,000 tiny articles: read {read:.2?}, indexed {:.2?} ({} bytes)",
        started.elapsed(),
        bytes.len()
    );

    assert_eq!(corpus.documents.len(), N);
    assert_eq!(corpus.files.len(), N + 3);
    assert_eq!(corpus.skipped.len(), 3);
    assert_counts_add_up(&corpus);
    for file in ["empty.txt", "photo.jpg", "blank.md"] {
        assert!(
            warned(&corpus, file, "skipped"),
            "no warning names {file}: {:?}",
            corpus.warnings
        );
    }
    // In file-name order, and each one findable by its own word.
    assert_eq!(corpus.documents[0].id, "00000");
    assert_eq!(corpus.documents[N - 1].id, "09999");
    assert_eq!(ids(&find(&bytes, "নম্বর7321")), ["07321"]);
    assert_eq!(find(&bytes, "ছোট্ট").total, N);
    let index = Index::open(&bytes).unwrap();
    assert_eq!(index.len() as usize, N);
    assert_eq!(index.find("09999"), Some(N as u32 - 1));
}

#[cfg(unix)]
#[test]
fn links_to_files_are_followed_loops_and_broken_links_are_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;

    let outside = TempDir::new("links-outside");
    let real = outside.write("real.txt", "বাইরের খবর\nলিঙ্ক দিয়ে আসা লেখা।\n");
    let dir = TempDir::new("links");
    dir.write("a.txt", "প্রথম খবর\nসাধারণ লেখা।\n");
    dir.write("sub/b.txt", "দ্বিতীয় খবর\nআরও লেখা।\n");
    symlink(&real, dir.0.join("linked.txt")).unwrap();
    symlink(&dir.0, dir.0.join("sub/loop")).unwrap();
    symlink("..", dir.0.join("sub/parent")).unwrap();
    symlink(dir.0.join("nowhere.txt"), dir.0.join("broken.txt")).unwrap();

    let corpus = read_corpus(&dir.0).unwrap();
    let read: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        read,
        ["a", "linked", "b"],
        "each article once, the linked one under the link's name"
    );
    assert!(
        warned(&corpus, "sub/loop", "link back to a folder"),
        "{:?}",
        corpus.warnings
    );
    assert!(
        warned(&corpus, "sub/parent", "link back to a folder"),
        "{:?}",
        corpus.warnings
    );
    assert!(
        warned(&corpus, "broken.txt", "link to nothing"),
        "{:?}",
        corpus.warnings
    );
    assert_counts_add_up(&corpus);
    assert_eq!(
        ids(&find(&build_index(&corpus.documents), "লিঙ্ক")),
        ["linked"]
    );
}

#[test]
fn other_scripts_mixed_in_are_indexed_and_searchable() {
    let dir = TempDir::new("scripts");
    let text = "বহুভাষিক খবর\n\
                ঢাকায় সম্মেলন। हिन्दी में समाचार पढ़ें। مرحبا بالعالم العربي. 中文新闻 報道。 \
                Ελληνικά νέα. Привет мир. 😀🎉👍🏽 emoji, 👨‍👩‍👧 family, ﷽ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\n";
    dir.write("mixed.txt", text);
    let corpus = read_corpus(&dir.0).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let bytes = build_index(&corpus.documents);

    // Each script's words, typed as they are written, find the article.
    for query in [
        "সম্মেলন",
        "हिन्दी",
        "समाचार",
        "مرحبا",
        "العربي",
        "中文新闻",
        "Ελληνικά",
        "привет",
        "emoji",
    ] {
        assert_eq!(
            ids(&find(&bytes, query)),
            ["mixed"],
            "{query} does not find the article"
        );
    }
    // Emoji are not words: a search for them finds nothing and breaks nothing.
    for query in ["😀", "👨‍👩‍👧", "👍🏽"] {
        assert_eq!(find(&bytes, query).total, 0, "{query}");
    }
    for query in ["🎉 সম্মেলন", "﷽", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"] {
        assert!(find(&bytes, query).total <= 1, "{query}");
    }
    // Highlights in the snippet of a Hindi match cover the Hindi word, in bytes and UTF-16.
    let hit = &find(&bytes, "समाचार").hits[0];
    let h = hit
        .highlights
        .iter()
        .find(|h| hit.snippet[h.start..h.end].contains("समाचार"))
        .expect("highlighted");
    let utf16: Vec<u16> = hit.snippet.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[h.start_utf16..h.end_utf16]).unwrap(),
        &hit.snippet[h.start..h.end]
    );
}

#[test]
fn devanagari_nukta_letters_meet_in_both_spellings() {
    // U+095F (य़, precomposed) and U+092F U+093C (य + nukta) are the same letter, as are the
    // Bengali য় spellings the analyzer already joins.
    assert_eq!(terms("\u{095F}"), terms("\u{092F}\u{093C}"));
    assert_eq!(terms("हिन्दी"), ["हिन्दी"]);
}

#[test]
fn windows_line_ends_byte_order_marks_and_blank_files() {
    let dir = TempDir::new("encodings");
    dir.write(
        "crlf.txt",
        "শিরোনাম এক\r\n\r\nপ্রথম অনুচ্ছেদ।\r\nদ্বিতীয় অনুচ্ছেদ।\r\n",
    );
    dir.write("cr-only.txt", "শিরোনাম দুই\rপুরনো ম্যাকের লাইন।\r");
    dir.write("bom.txt", "\u{FEFF}শিরোনাম তিন\nলেখা।\n");
    dir.write(
        "bom-crlf.md",
        "\u{FEFF}---\r\ntitle: শিরোনাম চার\r\ndate: 2024-06-20\r\n---\r\nলেখা।\r\n",
    );
    dir.write(
        "bom.jsonl",
        "\u{FEFF}{\"id\":\"j1\",\"title\":\"শিরোনাম পাঁচ\",\"body\":\"লেখা।\"}\r\n",
    );
    dir.write("spaces.txt", "   \n\t\t\n \r\n");
    dir.write("unicode-spaces.txt", "\u{00A0}\u{2003}\u{3000}\n\u{2028}");
    dir.write(
        "invisible.txt",
        "\u{200B}\u{200C}\u{200D}\u{FEFF}\u{00AD}\n\u{2060}",
    );
    dir.write("only-bom.txt", "\u{FEFF}");
    dir.write("spaces.jsonl", "\n \r\n");

    let corpus = read_corpus(&dir.0).unwrap();
    let titles: Vec<(&str, &str)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("bom-crlf", "শিরোনাম চার"),
            ("j1", "শিরোনাম পাঁচ"),
            ("bom", "শিরোনাম তিন"),
            ("cr-only", "শিরোনাম দুই"),
            ("crlf", "শিরোনাম এক"),
        ]
    );
    for d in &corpus.documents {
        assert!(
            !d.title.contains(['\r', '\u{FEFF}']) && !d.body.contains(['\r', '\u{FEFF}']),
            "{d:?}"
        );
    }
    assert_eq!(corpus.documents[4].body, "প্রথম অনুচ্ছেদ।\nদ্বিতীয় অনুচ্ছেদ।");
    assert_eq!(corpus.documents[3].body, "পুরনো ম্যাকের লাইন।");
    assert_eq!(corpus.documents[0].date.as_deref(), Some("2024-06-20"));
    for file in [
        "spaces.txt",
        "unicode-spaces.txt",
        "invisible.txt",
        "only-bom.txt",
        "spaces.jsonl",
    ] {
        assert!(
            warned(&corpus, file, "skipped, the file is empty"),
            "{file}: {:?}",
            corpus.warnings
        );
    }
    // Five articles and five skips; the JSON Lines file holds one article, so the sum holds.
    assert_counts_add_up(&corpus);
    let bytes = build_index(&corpus.documents);
    assert_eq!(ids(&find(&bytes, "অনুচ্ছেদ")), ["crlf"]);
    assert_eq!(ids(&find(&bytes, "ম্যাকের")), ["cr-only"]);
}

#[test]
fn utf16_files_fail_naming_the_file_instead_of_being_skipped_as_binary() {
    let dir = TempDir::new("utf16");
    dir.write("good.txt", "খবর\nলেখা।\n");
    let utf16: Vec<u8> = "\u{FEFF}শিরোনাম\nলেখা।\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    dir.write("notepad.txt", &utf16);
    let message = read_corpus(&dir.0).unwrap_err().to_string();
    assert!(
        message.contains("notepad.txt") && message.contains("UTF-16"),
        "{message}"
    );
    let big_endian: Vec<u8> = "\u{FEFF}খবর"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let dir = TempDir::new("utf16be");
    dir.write("mac.md", &big_endian);
    let message = read_corpus(&dir.0).unwrap_err().to_string();
    assert!(
        message.contains("mac.md") && message.contains("UTF-16"),
        "{message}"
    );
}

#[test]
fn a_huge_single_line_gets_a_short_title_and_keeps_its_text() {
    let dir = TempDir::new("one-line");
    let line: String = (0..100_000).map(|i| format!("শব্দ{i} ")).collect();
    dir.write("line.txt", &line);
    let corpus = read_corpus(&dir.0).unwrap();
    let document = &corpus.documents[0];
    assert!(
        document.title.chars().count() <= 161,
        "{} chars",
        document.title.chars().count()
    );
    assert!(document.title.ends_with('…'));
    assert_eq!(document.body, line.trim());
    let bytes = build_index(&corpus.documents);
    assert_eq!(ids(&find(&bytes, "শব্দ99999")), ["line"]);
}

#[test]
fn summary_counts_add_up_on_a_mixed_folder() {
    let dir = TempDir::new("mixed");
    dir.write("a.txt", "খবর এক\nলেখা।");
    dir.write("b.md", "---\ntitle: খবর দুই\nlayout: post\n---\nলেখা।");
    dir.write("c.md", "---\ntitle: \n---\n   \n");
    dir.write("d.txt", b"\x00\x01binary");
    dir.write("e.csv", "id,title");
    dir.write(".hidden.txt", "লুকানো");
    dir.write("f.txt", "");
    let corpus = read_corpus(&dir.0).unwrap();
    assert_eq!(corpus.documents.len(), 2);
    assert_eq!(corpus.files.len(), 6, "hidden files are not read");
    assert_counts_add_up(&corpus);
    assert!(
        warned(&corpus, "b.md:3", "layout"),
        "an ignored key is a warning, not a skip"
    );
    assert!(warned(&corpus, ".hidden.txt", "hidden"));
    assert_eq!(corpus.skipped.len(), 4);
}

#[test]
fn summary_paths_name_the_files_inside_the_corpus() {
    let dir = TempDir::new("names");
    dir.write("deep/er/x.txt", "");
    let corpus = read_corpus(&dir.0).unwrap();
    assert_eq!(corpus.skipped[0].path, dir.0.join("deep/er/x.txt"));
    assert_eq!(corpus.skipped.len(), 1);
    assert!(corpus.warnings[0].starts_with(&dir.0.join("deep/er/x.txt").display().to_string()));
    assert!(Path::new(&corpus.files[0]).ends_with("deep/er/x.txt"));
}
