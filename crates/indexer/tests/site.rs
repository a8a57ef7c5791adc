//! A site's output folder read as `npx sondhan build` reads it: pages' urls and ids from their
//! paths, pages in other languages and without content skipped, the include and exclude
//! patterns, `data-sondhan-body`, and options that are wrong.

use std::path::{Path, PathBuf};

use sondhan_indexer::corpus::{read_corpus_with, Corpus, ReadOptions};

/// A fresh folder under the system temp dir holding `files` (path, text).
fn site(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sondhan-site-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"bn\"><head><title>{title} · সাইট</title></head><body>\
         <nav>মেনু</nav><main><h1>{title}</h1><p>{body}</p></main><footer>পাদটীকা</footer></body></html>"
    )
}

fn read(dir: &Path, options: &ReadOptions) -> Corpus {
    let corpus = read_corpus_with(dir, options).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
    corpus
}

#[test]
fn pages_take_their_url_and_id_from_their_path() {
    let dir = site(
        "urls",
        &[
            ("index.html", &page("প্রচ্ছদ", "স্বাগতম")),
            ("post/index.html", &page("ইলিশ", "পদ্মার ইলিশ")),
            ("news/a b.html", &page("খবর", "আজকের খবর")),
        ],
    );
    let corpus = read(
        &dir,
        &ReadOptions {
            root_url: "https://example.com/bn/".into(),
            ..Default::default()
        },
    );
    let urls: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.url.as_deref().unwrap()))
        .collect();
    assert_eq!(
        urls,
        [
            ("/", "https://example.com/bn/"),
            ("/news/a%20b.html", "https://example.com/bn/news/a%20b.html"),
            ("/post/", "https://example.com/bn/post/"),
        ]
    );
    let post = &corpus.documents[2];
    assert_eq!(post.title, "ইলিশ");
    // The heading that became the title does not open the body again; navigation and footer
    // are not content.
    assert_eq!(post.body, "পদ্মার ইলিশ");
}

#[test]
fn pages_in_other_languages_and_empty_pages_are_skipped_saying_why() {
    let dir = site(
        "skips",
        &[
            ("bn.html", &page("বাংলা", "লেখা")),
            (
                "en.html",
                "<html lang=\"en-GB\"><main><h1>English</h1></main></html>",
            ),
            (
                "bn-bd.html",
                "<html lang=\"bn-BD\"><main><h1>বাংলাদেশ</h1></main></html>",
            ),
            ("empty.html", "<html><body><nav>মেনু</nav></body></html>"),
            ("logo.png", "png"),
            ("node_modules/pkg/docs.html", &page("নথি", "প্যাকেজ")),
        ],
    );
    let corpus = read(&dir, &ReadOptions::default());
    assert!(corpus.warnings.iter().any(|w| w.ends_with(
        "node_modules: skipped, a node_modules folder (installed packages, not pages)"
    )));
    let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["/bn-bd.html", "/bn.html"]);
    let why = |file: &str| {
        corpus
            .skipped
            .iter()
            .find(|s| s.path.ends_with(file))
            .map(|s| s.why.clone())
    };
    assert_eq!(
        why("en.html").unwrap(),
        "the page's language is `en-gb`, not Bengali (bn)"
    );
    assert_eq!(why("empty.html").unwrap(), "no text in the page's content");
    assert_eq!(why("logo.png").unwrap(), "not a page or an article (.png)");
    assert_eq!(
        corpus.documents.len() + corpus.skipped.len(),
        corpus.files.len()
    );
}

#[test]
fn a_body_marker_on_some_pages_leaves_the_others_out() {
    let marked =
        "<html><main><article data-sondhan-body><h1>লেখা</h1><p>আসল লেখা</p></article></main></html>";
    let dir = site(
        "marker",
        &[("a.html", marked), ("list.html", &page("তালিকা", "সব লেখা"))],
    );
    let corpus = read(&dir, &ReadOptions::default());
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].id, "/a.html");
    assert!(
        corpus.skipped[0].why.contains("data-sondhan-body"),
        "{:?}",
        corpus.skipped
    );
    assert!(corpus
        .warnings
        .iter()
        .any(|w| w.contains("list.html: skipped")));
}

#[test]
fn include_and_exclude_patterns_choose_the_files_read() {
    let files = [
        ("posts/a.html", page("ক", "এক")),
        ("posts/b.html", page("খ", "দুই")),
        ("tags/c.html", page("গ", "তিন")),
        ("notes.md", "---\ntitle: নোট\n---\nলেখা\n".to_string()),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let options = ReadOptions {
        include: vec!["posts/**".into(), "*.md".into()],
        exclude: vec!["**/b.html".into()],
        ..Default::default()
    };
    let corpus = read(&site("globs", &files), &options);
    let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["notes", "/posts/a.html"]);
    assert_eq!(corpus.excluded, 2);
    assert_eq!(corpus.files.len(), 2, "files left out are not files read");
}

#[test]
fn wrong_options_are_errors_that_name_the_option() {
    let dir = site("options", &[("a.html", &page("ক", "এক"))]);
    let bad_glob = ReadOptions {
        include: vec!["posts/[".into()],
        ..Default::default()
    };
    let error = read_corpus_with(&dir, &bad_glob).unwrap_err().to_string();
    assert!(
        error.contains("--include `posts/[` is not a glob pattern"),
        "{error}"
    );
    let bad_url = ReadOptions {
        root_url: "javascript:alert(1)".into(),
        ..Default::default()
    };
    let error = read_corpus_with(&dir, &bad_url).unwrap_err().to_string();
    assert!(
        error.contains("root url: the url `javascript:alert(1)` uses `javascript:`"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
