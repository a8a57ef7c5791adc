//! The corpus reader on real files: formats, and what happens to bad input.

use std::path::{Path, PathBuf};

use sondhan_indexer::corpus::{read_corpus, Corpus, CorpusError};

/// A fresh folder under the system temp dir holding `files` (name, bytes).
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("sondhan-corpus-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, bytes) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(name: &str, files: &[(&str, &[u8])]) -> Result<Corpus, CorpusError> {
    read_corpus(&folder(name, files))
}

fn error(name: &str, files: &[(&str, &[u8])]) -> String {
    read(name, files).unwrap_err().to_string()
}

#[test]
fn reads_text_markdown_and_json_lines() {
    let corpus = read(
        "formats",
        &[
            ("a.txt", "শিরোনাম এক\nপ্রথম অনুচ্ছেদ।\n".as_bytes()),
            ("b.md", "---\ntitle: দুই\ndate: ২০ জুন, ২০২৪\nurl: https://example.com/b\ntags: [x, y]\n---\nলেখা।\n".as_bytes()),
            ("c.jsonl", "{\"id\":\"c1\",\"title\":\"তিন\",\"body\":\"খবর।\",\"date\":\"2024-01-02 04:37:50\"}\n{\"id\":\"c2\",\"body\":\"শিরোনামহীন প্রথম বাক্য। আরও।\"}\n".as_bytes()),
            ("sub/d.txt", "\u{FEFF}শিরোনাম চার\r\nCRLF লেখা।\r\n".as_bytes()),
        ],
    )
    .unwrap();
    let summary: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.date.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            ("a", "শিরোনাম এক", None),
            ("b", "দুই", Some("2024-06-20")),
            ("c1", "তিন", Some("2024-01-02")),
            ("c2", "শিরোনামহীন প্রথম বাক্য", None),
            ("d", "শিরোনাম চার", None),
        ]
    );
    assert_eq!(corpus.documents[1].tags, ["x", "y"]);
    assert_eq!(corpus.documents[4].body, "CRLF লেখা।");
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn invalid_utf8_fails_naming_file_and_line() {
    let message = error("utf8", &[("bad.txt", b"line one\nline two \xff\xfe\n")]);
    assert!(
        message.contains("bad.txt:2:") && message.contains("not valid UTF-8"),
        "{message}"
    );
}

#[test]
fn duplicate_ids_fail_naming_both_places() {
    let message = error(
        "dup",
        &[
            ("a/x.txt", "এক\nলেখা".as_bytes()),
            ("b/x.txt", "দুই\nলেখা".as_bytes()),
        ],
    );
    assert!(
        message.contains("b/x.txt") && message.contains("a/x.txt") && message.contains("`x`"),
        "{message}"
    );
    let message = error(
        "dup-json",
        &[(
            "a.jsonl",
            b"{\"id\":\"1\",\"body\":\"x\"}\n{\"id\":\"1\",\"body\":\"y\"}\n",
        )],
    );
    assert!(
        message.contains("a.jsonl:2:") && message.contains("a.jsonl:1"),
        "{message}"
    );
}

#[test]
fn bad_front_matter_and_json_fail_naming_the_line() {
    let message = error(
        "fm",
        &[(
            "a.md",
            b"---\ntitle: x\nthis line has no colon\n---\nbody\n",
        )],
    );
    assert!(message.contains("a.md:3:"), "{message}");
    let message = error("fm-open", &[("a.md", b"---\ntitle: x\nsource: y\n")]);
    assert!(
        message.contains("a.md:1:") && message.contains("never closed"),
        "{message}"
    );
    let message = error("fm-open-body", &[("a.md", b"---\ntitle: x\nbody text\n")]);
    assert!(
        message.contains("a.md:3:") && message.contains("closing `---` missing"),
        "{message}"
    );
    let message = error(
        "fm-date",
        &[("a.md", b"---\ndate: last tuesday\n---\nbody\n")],
    );
    assert!(
        message.contains("a.md:2:") && message.contains("last tuesday"),
        "{message}"
    );
    let message = error(
        "json",
        &[("a.jsonl", b"{\"id\":\"1\",\"body\":\"x\"}\n{not json}\n")],
    );
    assert!(message.contains("a.jsonl:2:"), "{message}");
    let message = error(
        "json-id",
        &[("a.jsonl", b"{\"title\":\"x\",\"body\":\"y\"}\n")],
    );
    assert!(
        message.contains("a.jsonl:1:") && message.contains("\"id\""),
        "{message}"
    );
}

#[test]
fn script_urls_are_refused() {
    let message = error(
        "url",
        &[(
            "a.md",
            b"---\ntitle: x\nurl: javascript:alert(1)\n---\nbody\n",
        )],
    );
    assert!(message.contains("javascript"), "{message}");
    assert!(read(
        "url-ok",
        &[("a.md", b"---\ntitle: x\nurl: /news/a.html\n---\nbody\n")]
    )
    .is_ok());
}

#[test]
fn files_that_are_not_articles_are_skipped_with_a_warning_naming_them() {
    let corpus = read(
        "skips",
        &[
            ("empty.txt", b""),
            ("blank.txt", b"  \n\t\n"),
            ("binary.txt", b"\x00\x01\x02abc"),
            ("notes.pdf", b"%PDF"),
            (".hidden.txt", b"x"),
            ("good.txt", "শিরোনাম\nলেখা।".as_bytes()),
            ("fm.md", b"---\ntitle: t\nlayout: post\n---\nbody\n"),
        ],
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 2);
    let warned = |file: &str| corpus.warnings.iter().any(|w| w.contains(file));
    for file in [
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "notes.pdf",
        ".hidden.txt",
    ] {
        assert!(
            warned(file),
            "no warning names {file}: {:?}",
            corpus.warnings
        );
    }
    assert!(corpus
        .warnings
        .iter()
        .any(|w| w.contains("fm.md:3") && w.contains("layout")));
    assert_eq!(
        corpus.files.len(),
        6,
        "every file but the hidden one is looked at"
    );
}

#[test]
fn a_missing_folder_is_an_error() {
    let message = read_corpus(Path::new("/nonexistent/sondhan"))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("/nonexistent/sondhan") && message.contains("cannot open"),
        "{message}"
    );
}
