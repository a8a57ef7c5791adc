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

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

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
    let mut corpus = Corpus::default();
    let mut origins: HashMap<String, String> = HashMap::new();
    let mut visited = HashSet::new();
    let mut files = Vec::new();
    collect_files(dir, &mut files, &mut corpus.warnings, &mut visited)?;
    for path in files {
        corpus.files.push(path.clone());
        for (line, document) in read_file(&path, &mut corpus.warnings)? {
            let origin = match line {
                Some(l) => format!("{}:{}", path.display(), l),
                None => path.display().to_string(),
            };
            if let Some(url) = &document.url {
                check_url(url).map_err(|message| CorpusError { path: path.clone(), line, message })?;
            }
            if let Some(first) = origins.get(&document.id) {
                return Err(CorpusError {
                    path: path.clone(),
                    line,
                    message: format!(
                        "the id `{}` is already used by {first}; ids come from file names (or an `id` field) and must be unique",
                        document.id
                    ),
                });
            }
            origins.insert(document.id.clone(), origin);
            corpus.documents.push(document);
        }
    }
    Ok(corpus)
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
    let canonical = dir.canonicalize().map_err(|e| error(dir, e, "open the corpus folder"))?;
    if !visited.insert(canonical) {
        warnings.push(format!("{}: skipped, a link back to a folder already read", dir.display()));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| error(dir, e, "list the folder"))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(|e| error(dir, e, "list the folder"))?;
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
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

/// The documents of one file, each with its line for JSON Lines.
fn read_file(path: &Path, warnings: &mut Vec<String>) -> Result<Vec<(Option<usize>, Document)>, CorpusError> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let kind = match extension.as_str() {
        "txt" | "md" | "markdown" => Kind::Article,
        "jsonl" | "ndjson" => Kind::JsonLines,
        _ => {
            warnings.push(format!("{}: skipped, not a .txt, .md or .jsonl file", path.display()));
            return Ok(Vec::new());
        }
    };
    let fail = |line: Option<usize>, message: String| CorpusError { path: path.to_path_buf(), line, message };
    let bytes = std::fs::read(path).map_err(|e| fail(None, format!("cannot read the file: {e}")))?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        warnings.push(format!("{}: skipped, a binary file (it holds NUL bytes)", path.display()));
        return Ok(Vec::new());
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(Some(line), format!("is not valid UTF-8 (at byte {at}); save the file as UTF-8"))
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        warnings.push(format!("{}: skipped, the file is empty", path.display()));
        return Ok(Vec::new());
    }
    match kind {
        Kind::JsonLines => {
            let documents = jsonl::parse(text).map_err(|e| fail(Some(e.line), e.message))?;
            Ok(documents
                .into_iter()
                .map(|(line, mut d)| {
                    if d.title.is_empty() {
                        d.title = parse_article(&d.body).title;
                    }
                    (Some(line), d)
                })
                .collect())
        }
        Kind::Article => {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
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
                warnings.push(format!("{}: skipped, no text after the front matter", path.display()));
                return Ok(Vec::new());
            }
            Ok(vec![(None, document)])
        }
    }
}

enum Kind {
    Article,
    JsonLines,
}

/// Accepts http(s) URLs and relative links; anything else (`javascript:`, `data:`, ...) could run
/// script when a reader clicks a hit.
fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http") | Some("https") => Ok(()),
        Some(other) => Err(format!("the url `{url}` uses `{other}:`; only http(s) and relative links are allowed")),
    }
}
