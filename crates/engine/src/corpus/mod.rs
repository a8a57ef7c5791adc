//! Corpus: reading a folder of articles into [`Document`]s.
//!
//! | file | read as |
//! |------|---------|
//! | `*.txt`, `*.md` | one article; an optional `---` front-matter block sets `id`, `title`, `date`, `url`, `source`, `tags`; otherwise the [article heuristics](article::parse_article) find title, date and body |
//! | `*.jsonl`, `*.ndjson` | one article per line: `{"id", "title", "body", "url", "date", "source"}` |
//!
//! Nothing is dropped silently. Problems that make the corpus wrong stop the build with a
//! [`CorpusError`] naming the file (and line): invalid UTF-8, bad front matter, a bad JSON line,
//! a duplicate id, a `url` that is not http(s) or relative, an unreadable file. Files that are
//! merely not articles are skipped with a warning naming them: empty or whitespace-only files,
//! binary files, files of other types, hidden files, broken links.

mod article;
mod date;
mod front_matter;
mod jsonl;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::analysis::is_ignorable;

pub use article::{parse_article, parse_article_titled, Article};
pub use date::{find_date, parse_date, Date};

/// One article, as the index stores it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Unique within the corpus: the file stem, the front matter's `id`, or the JSON `id`.
    pub id: String,
    pub title: String,
    /// Paragraphs separated by `\n`.
    pub body: String,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
}

/// A corpus read from a folder.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Skipped files and ignored fields, each naming its file.
    pub warnings: Vec<String>,
    /// Every file looked at, articles or not (for `cargo:rerun-if-changed`).
    pub files: Vec<PathBuf>,
    /// The files of [`files`](Self::files) that gave no document (empty, whitespace-only, binary,
    /// not a .txt, .md or .jsonl file, nothing after the front matter); a warning names each.
    /// Hidden files, broken links and links back to a folder are warned about too, but are not
    /// in `files`. For a corpus of one article per file, `documents + skipped == files`.
    pub skipped: Vec<PathBuf>,
}

/// A problem that makes a corpus unusable, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub path: PathBuf,
    /// 1-based line, when the problem is on one.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Reads every article below `dir`, in file-name order (subfolders included).
pub fn read_corpus(dir: &Path) -> Result<Corpus, CorpusError> {
    let mut reader = Reader::default();
    let mut visited = HashSet::new();
    let mut files = Vec::new();
    collect_files(dir, &mut files, &mut reader.corpus.warnings, &mut visited)?;
    for path in files {
        reader.corpus.files.push(path.clone());
        let Some(kind) = Kind::of(&path) else {
            reader.skip(&path, "not a .txt, .md or .jsonl file");
            continue;
        };
        let bytes = std::fs::read(&path).map_err(|e| CorpusError {
            path: path.clone(),
            line: None,
            message: format!("cannot read the file: {e}"),
        })?;
        reader.add(&path, kind, &bytes)?;
    }
    Ok(reader.corpus)
}

/// Reads one file's bytes as [`read_corpus`] reads a file found at `path`, without touching the
/// file system: `path` only chooses the format (by its extension), gives the document its id
/// (the file stem) and names the file in errors and warnings. The result holds that one file.
///
/// ```
/// use std::path::Path;
/// use sondhan_engine::corpus::read_bytes;
/// let corpus = read_bytes(Path::new("a.txt"), "শিরোনাম\nলেখা।".as_bytes()).unwrap();
/// assert_eq!(corpus.documents[0].id, "a");
/// assert_eq!(corpus.documents[0].title, "শিরোনাম");
/// let error = read_bytes(Path::new("b.txt"), b"\xff").unwrap_err();
/// assert!(error.to_string().starts_with("b.txt:1: "));
/// ```
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, CorpusError> {
    let mut reader = Reader::default();
    reader.corpus.files.push(path.to_path_buf());
    match Kind::of(path) {
        Some(kind) => reader.add(path, kind, bytes)?,
        None => reader.skip(path, "not a .txt, .md or .jsonl file"),
    }
    Ok(reader.corpus)
}

/// A corpus being read, and where each id came from (to name both places of a duplicate).
#[derive(Default)]
struct Reader {
    corpus: Corpus,
    origins: HashMap<String, String>,
}

impl Reader {
    fn skip(&mut self, path: &Path, why: &str) {
        self.corpus
            .warnings
            .push(format!("{}: skipped, {why}", path.display()));
        self.corpus.skipped.push(path.to_path_buf());
    }

    /// Adds the documents of one file's bytes.
    fn add(&mut self, path: &Path, kind: Kind, bytes: &[u8]) -> Result<(), CorpusError> {
        let documents = match parse_file(path, kind, bytes, &mut self.corpus.warnings)? {
            Parsed::Documents(documents) => documents,
            Parsed::Skipped(why) => {
                self.skip(path, why);
                return Ok(());
            }
        };
        for (line, document) in documents {
            let origin = match line {
                Some(l) => format!("{}:{}", path.display(), l),
                None => path.display().to_string(),
            };
            if let Some(url) = &document.url {
                check_url(url).map_err(|message| CorpusError {
                    path: path.to_path_buf(),
                    line,
                    message,
                })?;
            }
            if let Some(first) = self.origins.get(&document.id) {
                return Err(CorpusError {
                    path: path.to_path_buf(),
                    line,
                    message: format!(
                        "the id `{}` is already used by {first}; ids come from file names (or an `id` field) and must be unique",
                        document.id
                    ),
                });
            }
            self.origins.insert(document.id.clone(), origin);
            self.corpus.documents.push(document);
        }
        Ok(())
    }
}

fn collect_files(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    warnings: &mut Vec<String>,
    visited: &mut HashSet<PathBuf>,
) -> Result<(), CorpusError> {
    let error = |path: &Path, e: std::io::Error, what: &str| CorpusError {
        path: path.to_path_buf(),
        line: None,
        message: format!("cannot {what}: {e}"),
    };
    let canonical = dir
        .canonicalize()
        .map_err(|e| error(dir, e, "open the corpus folder"))?;
    if !visited.insert(canonical) {
        warnings.push(format!(
            "{}: skipped, a link back to a folder already read",
            dir.display()
        ));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| error(dir, e, "list the folder"))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| error(dir, e, "list the folder"))?;
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(meta) = std::fs::metadata(&path) else {
            warnings.push(format!("{}: skipped, a link to nothing", path.display()));
            continue;
        };
        if name.starts_with('.') {
            warnings.push(format!("{}: skipped, a hidden file", path.display()));
        } else if meta.is_dir() {
            collect_files(&path, files, warnings, visited)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// What one file holds: its documents, each with its line for JSON Lines, or why it is skipped.
enum Parsed {
    Documents(Vec<(Option<usize>, Document)>),
    Skipped(&'static str),
}

/// The documents of one file's bytes. Warnings about fields go to `warnings`; a skipped file's
/// warning is the caller's.
fn parse_file(
    path: &Path,
    kind: Kind,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> Result<Parsed, CorpusError> {
    let fail = |line: Option<usize>, message: String| CorpusError {
        path: path.to_path_buf(),
        line,
        message,
    };
    // Windows editors save "Unicode" text as UTF-16, which is full of NUL bytes: it is an
    // article in the wrong encoding, not a binary file to skip.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            Some(1),
            "is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8; save the file as UTF-8".into(),
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Ok(Parsed::Skipped("a binary file (it holds NUL bytes)"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(
            Some(line),
            format!("is not valid UTF-8 (at byte {at}); save the file as UTF-8"),
        )
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Spaces of any kind, and characters nobody sees (joiners, soft hyphens, stray BOMs).
    if text.chars().all(|c| c.is_whitespace() || is_ignorable(c)) {
        return Ok(Parsed::Skipped("the file is empty"));
    }
    // Old Mac line ends (a lone CR) are line ends too; CRLF is handled by `str::lines`.
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(lone_cr_to_lf(text))
    } else {
        Cow::Borrowed(text)
    };
    let text = &*text;
    match kind {
        Kind::JsonLines => {
            let documents = jsonl::parse(text).map_err(|e| fail(Some(e.line), e.message))?;
            Ok(Parsed::Documents(
                documents
                    .into_iter()
                    .map(|(line, mut d)| {
                        if d.title.is_empty() {
                            d.title = parse_article(&d.body).title;
                        }
                        (Some(line), d)
                    })
                    .collect(),
            ))
        }
        Kind::Article => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let parsed = front_matter::parse(text).map_err(|e| fail(Some(e.line), e.message))?;
            let (fields, rest) = match parsed {
                Some(p) => {
                    for (line, key) in p.unknown {
                        warnings.push(format!(
                            "{}:{line}: front matter key `{key}` ignored (known: id, title, date, url, source, tags)",
                            path.display()
                        ));
                    }
                    (p.fields, p.rest)
                }
                None => (Default::default(), text),
            };
            let article = match &fields.title {
                Some(title) => parse_article_titled(rest, title),
                None => parse_article(rest),
            };
            let document = Document {
                id: fields.id.unwrap_or(stem),
                title: article.title,
                body: article.body,
                date: fields.date.or(article.date),
                url: fields.url,
                source: fields.source,
                tags: fields.tags,
            };
            if document.title.is_empty() && document.body.is_empty() {
                return Ok(Parsed::Skipped("no text after the front matter"));
            }
            Ok(Parsed::Documents(vec![(None, document)]))
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Article,
    JsonLines,
}

impl Kind {
    /// The format of a file, by its extension; `None` for files that are not articles.
    fn of(path: &Path) -> Option<Kind> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match extension.as_str() {
            "txt" | "md" | "markdown" => Some(Kind::Article),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            _ => None,
        }
    }
}

/// `text` with every CR that does not start a CRLF turned into LF.
fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        out.push(if rest.starts_with('\n') { '\r' } else { '\n' });
    }
    out.push_str(rest);
    out
}

/// Accepts http(s) URLs and relative links; anything else (`javascript:`, `data:`, ...) could run
/// script when a reader clicks a hit.
fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http") | Some("https") => Ok(()),
        Some(other) => Err(format!(
            "the url `{url}` uses `{other}:`; only http(s) and relative links are allowed"
        )),
    }
}
