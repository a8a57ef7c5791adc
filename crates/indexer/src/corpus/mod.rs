//! Corpus: reading a folder of pages and articles into [`Document`]s.
//!
//! | file | read as |
//! |------|---------|
//! | `*.html`, `*.htm` | one page as a static-site generator writes it: only its content (see [`html`]); its url is its path (`post/index.html` → `/post/`), behind [`ReadOptions::root_url`] |
//! | `*.txt`, `*.md` | one article; an optional `---` front-matter block sets `id`, `title`, `date`, `url`, `source`, `tags`; otherwise the [article heuristics](article::parse_article) find title, date and body |
//! | `*.jsonl`, `*.ndjson` | one article per line: `{"id", "title", "body", "url", "date", "source"}` |
//!
//! Nothing is dropped silently. Problems that make the corpus wrong stop the build with a
//! [`CorpusError`] naming the file (and line): invalid UTF-8, bad front matter, a bad JSON line,
//! a duplicate id, a `url` that is not http(s) or relative, an unreadable file. Files that are
//! merely not articles are skipped with a warning naming them: empty or whitespace-only files,
//! binary files, files of other types, pages in another language, hidden files, broken links.
//!
//! [`read_corpus`] walks a folder itself. A caller that walks on its own (`npx sondhan build`
//! in Node, where this crate is WebAssembly without a file system) hands each file to a
//! [`CorpusReader`] in the same order, and gets the same documents.

mod article;
mod date;
mod front_matter;
pub mod html;
mod jsonl;
mod markdown;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use sondhan_engine::analysis::is_ignorable;
pub use sondhan_engine::index::Document;
use sondhan_engine::index::Section;

pub use article::{parse_article, parse_article_titled, Article};
pub use date::{find_date, parse_date, Date};

/// A corpus read from a folder.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Skipped files and ignored fields, each naming its file.
    pub warnings: Vec<String>,
    /// Every file looked at, articles or not (for `cargo:rerun-if-changed`); not those left out
    /// by [`ReadOptions::exclude`] or `include`.
    pub files: Vec<PathBuf>,
    /// The files of [`files`](Self::files) that gave no document (empty, whitespace-only, binary,
    /// not a page or article, nothing after the front matter), with why; a warning names each.
    /// Hidden files, broken links and links back to a folder are warned about too, but are not
    /// in `files`. For a corpus of one article per file, `documents + skipped == files`.
    pub skipped: Vec<Skipped>,
    /// Files left out by the include and exclude patterns.
    pub excluded: usize,
    /// Bytes of the files read.
    pub bytes_read: u64,
}

/// A file that gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// Why, as the warning says it: `not a page or an article (.png)`, `the file is empty`, …
    pub why: String,
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

/// Which files of a folder are read, and how pages' urls are made.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Glob patterns, relative to the folder (`blog/**`, `**/*.html`): when any is given, only
    /// files matching one are read.
    pub include: Vec<String>,
    /// Glob patterns of files never read (`tags/**`, `**/404.html`).
    pub exclude: Vec<String>,
    /// Put before the urls made from pages' paths: `https://example.com/bn` or `/bn`.
    pub root_url: String,
}

/// Reads every article below `dir`, in file-name order (subfolders included).
pub fn read_corpus(dir: &Path) -> Result<Corpus, CorpusError> {
    read_corpus_with(dir, &ReadOptions::default())
}

/// Reads the pages and articles below `dir` that `options` select, in file-name order.
pub fn read_corpus_with(dir: &Path, options: &ReadOptions) -> Result<Corpus, CorpusError> {
    let mut reader = CorpusReader::new(dir, options)?;
    let mut visited = HashSet::new();
    let mut files = Vec::new();
    collect_files(
        dir,
        &mut files,
        &mut reader.reader.corpus.warnings,
        &mut visited,
    )?;
    for path in files {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        if !reader.consider(relative) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| CorpusError {
            path: path.clone(),
            line: None,
            message: format!("cannot read the file: {e}"),
        })?;
        reader.add_file(relative, &bytes)?;
    }
    Ok(reader.finish())
}

/// Reads one file's bytes as [`read_corpus`] reads a file found at `path`, without touching the
/// file system: `path` only chooses the format (by its extension), gives the document its id
/// (the file stem) and names the file in errors and warnings. The result holds that one file.
///
/// ```
/// use std::path::Path;
/// use sondhan_indexer::corpus::read_bytes;
/// let corpus = read_bytes(Path::new("a.txt"), "শিরোনাম\nলেখা।".as_bytes()).unwrap();
/// assert_eq!(corpus.documents[0].id, "a");
/// assert_eq!(corpus.documents[0].title, "শিরোনাম");
/// let error = read_bytes(Path::new("b.txt"), b"\xff").unwrap_err();
/// assert!(error.to_string().starts_with("b.txt:1: "));
/// ```
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Corpus, CorpusError> {
    let mut reader = CorpusReader::new(Path::new(""), &ReadOptions::default())?;
    if reader.consider(path) {
        reader.add_file(path, bytes)?;
    }
    Ok(reader.finish())
}

/// Reads files one by one, for a caller that finds and reads them itself.
///
/// For each file below the folder, in [`read_corpus`]'s order: [`consider`](Self::consider)
/// its path (relative to the folder); when that says so, read it and [`add_file`](Self::add_file)
/// its bytes. [`finish`](Self::finish) gives the corpus.
///
/// ```
/// use std::path::Path;
/// use sondhan_indexer::corpus::{CorpusReader, ReadOptions};
/// let options = ReadOptions { root_url: "/bn".into(), ..Default::default() };
/// let mut reader = CorpusReader::new(Path::new("public"), &options).unwrap();
/// let page = Path::new("post/index.html");
/// assert!(reader.consider(page));
/// reader.add_file(page, "<title>শিরোনাম</title><main><p>লেখা</p></main>".as_bytes()).unwrap();
/// assert!(!reader.consider(Path::new("logo.png")));
/// let corpus = reader.finish();
/// assert_eq!(corpus.documents[0].url.as_deref(), Some("/bn/post/"));
/// assert_eq!(corpus.skipped[0].path, Path::new("public/logo.png"));
/// ```
pub struct CorpusReader {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    root_url: String,
    reader: Reader,
    /// Documents from pages without a `data-sondhan-body` element, and whether any page had one:
    /// then those pages are not content (as Pagefind does).
    unmarked_pages: Vec<(usize, PathBuf)>,
    any_marked: bool,
}

impl CorpusReader {
    /// A reader of the folder `root` (which only names files in messages); fails on a pattern
    /// that is not a glob, or a `root_url` that is not http(s) or relative.
    pub fn new(root: &Path, options: &ReadOptions) -> Result<CorpusReader, CorpusError> {
        let option_error = |message: String| CorpusError {
            path: root.to_path_buf(),
            line: None,
            message,
        };
        let include = if options.include.is_empty() {
            None
        } else {
            Some(glob_set(&options.include, "--include").map_err(option_error)?)
        };
        let exclude = glob_set(&options.exclude, "--exclude").map_err(option_error)?;
        check_url(&options.root_url).map_err(|m| option_error(format!("root url: {m}")))?;
        Ok(CorpusReader {
            root: root.to_path_buf(),
            include,
            exclude,
            root_url: options.root_url.trim_end_matches('/').to_string(),
            reader: Reader::default(),
            unmarked_pages: Vec::new(),
            any_marked: false,
        })
    }

    /// Whether to read the file at `relative`. A file the patterns leave out is counted in
    /// [`Corpus::excluded`]; one that is not a page or article is skipped with a warning.
    pub fn consider(&mut self, relative: &Path) -> bool {
        let selected = self
            .include
            .as_ref()
            .is_none_or(|set| set.is_match(relative))
            && !self.exclude.is_match(relative);
        if !selected {
            self.reader.corpus.excluded += 1;
            return false;
        }
        let path = self.root.join(relative);
        self.reader.corpus.files.push(path.clone());
        if Kind::of(relative).is_none() {
            let why = match relative.extension() {
                Some(e) => format!("not a page or an article (.{})", e.to_string_lossy()),
                None => "not a page or an article (no extension)".into(),
            };
            self.reader.skip(&path, why);
            return false;
        }
        true
    }

    /// Adds the documents of the file at `relative` (which [`consider`](Self::consider) chose).
    pub fn add_file(&mut self, relative: &Path, bytes: &[u8]) -> Result<(), CorpusError> {
        let path = self.root.join(relative);
        self.reader.corpus.bytes_read += bytes.len() as u64;
        let Some(kind) = Kind::of(relative) else {
            self.reader.skip(&path, "not a page or an article".into());
            return Ok(());
        };
        let site = Site {
            relative,
            root_url: &self.root_url,
        };
        let before = self.reader.corpus.documents.len();
        let marked = self.reader.add(&path, kind, bytes, &site)?;
        if kind == Kind::Html && self.reader.corpus.documents.len() > before {
            match marked {
                true => self.any_marked = true,
                false => self.unmarked_pages.push((before, path)),
            }
        }
        Ok(())
    }

    /// The documents read so far.
    pub fn documents(&self) -> usize {
        self.reader.corpus.documents.len()
    }

    /// A warning about a file that is not read (a hidden file, a broken link).
    pub fn warn(&mut self, warning: String) {
        self.reader.corpus.warnings.push(warning);
    }

    /// The corpus read.
    pub fn finish(mut self) -> Corpus {
        if self.any_marked {
            let drop: HashSet<usize> = self.unmarked_pages.iter().map(|(at, _)| *at).collect();
            for (_, path) in std::mem::take(&mut self.unmarked_pages) {
                self.reader.skip(
                    &path,
                    "no data-sondhan-body element, which other pages have".into(),
                );
            }
            let documents = std::mem::take(&mut self.reader.corpus.documents);
            self.reader.corpus.documents = documents
                .into_iter()
                .enumerate()
                .filter(|(at, _)| !drop.contains(at))
                .map(|(_, d)| d)
                .collect();
        }
        self.reader.corpus
    }
}

fn glob_set(patterns: &[String], option: &str) -> Result<GlobSet, String> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern)
            .map_err(|e| format!("{option} `{pattern}` is not a glob pattern: {}", e.kind()))?;
        set.add(glob);
    }
    set.build().map_err(|e| format!("{option}: {e}"))
}

/// Where a file is in the site, for the url and id of a page.
struct Site<'a> {
    relative: &'a Path,
    root_url: &'a str,
}

impl Site<'_> {
    /// The page's path as a url path: `news/a.html` → `/news/a.html`, `post/index.html` → `/post/`.
    fn url_path(&self) -> String {
        let mut path = String::new();
        for part in self.relative.components() {
            path.push('/');
            path.push_str(&percent_encode(&part.as_os_str().to_string_lossy()));
        }
        for index in ["/index.html", "/index.htm"] {
            if let Some(folder) = path.strip_suffix(index) {
                return format!("{folder}/");
            }
        }
        path
    }
}

/// Encodes what cannot stand in a url path as it is; Bengali letters can (browsers encode them).
fn percent_encode(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for c in part.chars() {
        match c {
            ' ' | '"' | '#' | '%' | '<' | '>' | '?' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A corpus being read, and where each id came from (to name both places of a duplicate).
#[derive(Default)]
struct Reader {
    corpus: Corpus,
    origins: HashMap<String, String>,
}

impl Reader {
    fn skip(&mut self, path: &Path, why: String) {
        self.corpus
            .warnings
            .push(format!("{}: skipped, {why}", path.display()));
        self.corpus.skipped.push(Skipped {
            path: path.to_path_buf(),
            why,
        });
    }

    /// Adds the documents of one file's bytes; says whether it was a page with a
    /// `data-sondhan-body` element.
    fn add(
        &mut self,
        path: &Path,
        kind: Kind,
        bytes: &[u8],
        site: &Site<'_>,
    ) -> Result<bool, CorpusError> {
        let (documents, marked) =
            match parse_file(path, kind, bytes, site, &mut self.corpus.warnings)? {
                Parsed::Documents(documents, marked) => (documents, marked),
                Parsed::Skipped(why) => {
                    self.skip(path, why);
                    return Ok(false);
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
        Ok(marked)
    }
}

/// Installed packages, not pages: a plain site indexed from its own folder (`npx sondhan build .`)
/// has `npm install sondhan`'s folder in it, with other packages' HTML documentation.
const NODE_MODULES: &str = "node_modules";
const NODE_MODULES_WHY: &str = "a node_modules folder (installed packages, not pages)";

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
        } else if meta.is_dir() && name == NODE_MODULES {
            warnings.push(format!("{}: skipped, {NODE_MODULES_WHY}", path.display()));
        } else if meta.is_dir() {
            collect_files(&path, files, warnings, visited)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// What one file holds: its documents, each with its line for JSON Lines, and whether it is a
/// page with a `data-sondhan-body` element; or why it is skipped.
enum Parsed {
    Documents(Vec<(Option<usize>, Document)>, bool),
    Skipped(String),
}

/// The documents of one file's bytes. Warnings about fields go to `warnings`; a skipped file's
/// warning is the caller's.
fn parse_file(
    path: &Path,
    kind: Kind,
    bytes: &[u8],
    site: &Site<'_>,
    warnings: &mut Vec<String>,
) -> Result<Parsed, CorpusError> {
    let text = match decode_text(path, bytes)? {
        Ok(text) => text,
        Err(why) => return Ok(Parsed::Skipped(why.into())),
    };
    let text = &*text;
    match kind {
        Kind::JsonLines => parse_jsonl(path, text),
        Kind::Article => parse_text_article(path, text, false, warnings),
        Kind::Markdown => parse_text_article(path, text, true, warnings),
        Kind::Html => Ok(parse_html(path, text, site, warnings)),
    }
}

/// A file's text, with line ends made `\n` or `\r\n`; `Ok(Err(why))` for a file that holds none.
fn decode_text<'b>(
    path: &Path,
    bytes: &'b [u8],
) -> Result<Result<Cow<'b, str>, &'static str>, CorpusError> {
    let fail = |line: usize, message: String| CorpusError {
        path: path.to_path_buf(),
        line: Some(line),
        message,
    };
    // Windows editors save "Unicode" text as UTF-16, which is full of NUL bytes: it is an
    // article in the wrong encoding, not a binary file to skip.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            1,
            "is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8; save the file as UTF-8".into(),
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Ok(Err("a binary file (it holds NUL bytes)"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        fail(
            line,
            format!("is not valid UTF-8 (at byte {at}); save the file as UTF-8"),
        )
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Spaces of any kind, and characters nobody sees (joiners, soft hyphens, stray BOMs).
    if text.chars().all(|c| c.is_whitespace() || is_ignorable(c)) {
        return Ok(Err("the file is empty"));
    }
    // Old Mac line ends (a lone CR) are line ends too; CRLF is handled by `str::lines`.
    Ok(Ok(if text.contains('\r') {
        Cow::Owned(lone_cr_to_lf(text))
    } else {
        Cow::Borrowed(text)
    }))
}

fn parse_jsonl(path: &Path, text: &str) -> Result<Parsed, CorpusError> {
    let documents = jsonl::parse(text).map_err(|e| CorpusError {
        path: path.to_path_buf(),
        line: Some(e.line),
        message: e.message,
    })?;
    let documents = documents
        .into_iter()
        .map(|(line, mut d)| {
            if d.title.is_empty() {
                d.title = parse_article(&d.body).title;
            }
            (Some(line), d)
        })
        .collect();
    Ok(Parsed::Documents(documents, false))
}

/// A `.txt` or `.md` article; in Markdown (`markdown`), headings are sections.
fn parse_text_article(
    path: &Path,
    text: &str,
    markdown: bool,
    warnings: &mut Vec<String>,
) -> Result<Parsed, CorpusError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parsed = front_matter::parse(text).map_err(|e| CorpusError {
        path: path.to_path_buf(),
        line: Some(e.line),
        message: e.message,
    })?;
    let (fields, rest) = match parsed {
        Some(p) => {
            for (line, key) in p.unknown {
                warnings.push(format!(
                    "{}:{line}: front matter key `{key}` ignored (known: id, title, date, url, source, tags, section, author, category, categories, filter.NAME)",
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
    let (body, sections) = match markdown {
        true => markdown::sections(&article.body),
        false => (article.body, Vec::new()),
    };
    let document = Document {
        sections,
        id: fields.id.unwrap_or(stem),
        title: article.title,
        body,
        date: fields.date.or(article.date),
        url: fields.url,
        source: fields.source,
        tags: fields.tags,
        filters: fields.filters,
    };
    if document.title.is_empty() && document.body.is_empty() {
        return Ok(Parsed::Skipped("no text after the front matter".into()));
    }
    Ok(Parsed::Documents(vec![(None, document)], false))
}

/// A page: its content, under the url its path gives; its url path is its id (file names such
/// as `index.html` repeat across a site, paths do not).
fn parse_html(path: &Path, text: &str, site: &Site<'_>, warnings: &mut Vec<String>) -> Parsed {
    let page = html::read_page(text);
    if let Some(lang) = page.lang.as_deref().filter(|l| !is_bengali_tag(l)) {
        return Parsed::Skipped(format!("the page's language is `{lang}`, not Bengali (bn)"));
    }
    if page.title.is_empty() && page.body.is_empty() {
        return Parsed::Skipped("no text in the page's content".into());
    }
    let date = page.date.as_deref().and_then(|raw| {
        let date = parse_date(raw);
        if date.is_none() {
            warnings.push(format!(
                "{}: the date `{raw}` is not understood; the page has no date",
                path.display()
            ));
        }
        date.map(|d| d.to_string())
    });
    // The heading that became the title would open every snippet again.
    let body = match page.body.strip_prefix(page.title.as_str()) {
        Some(rest) if !page.title.is_empty() && (rest.is_empty() || rest.starts_with('\n')) => {
            rest.trim_start_matches('\n').to_string()
        }
        _ => page.body.clone(),
    };
    let cut = page.body.len() - body.len();
    let sections = (page.sections.into_iter())
        .filter_map(|s| {
            let start = s.start.checked_sub(cut)?;
            Some(Section { start, ..s })
        })
        .collect();
    for bad in &page.bad_filters {
        warnings.push(format!(
            "{}: data-sondhan-filter=\"{bad}\" ignored; write it as \"field:value\" (section:খেলা)",
            path.display()
        ));
    }
    let url_path = site.url_path();
    let document = Document {
        url: Some(format!("{}{url_path}", site.root_url)),
        id: url_path,
        title: page.title,
        body,
        date,
        source: None,
        tags: Vec::new(),
        filters: page.filters,
        sections,
    };
    Parsed::Documents(vec![(None, document)], page.marked_body)
}

/// `bn`, `bn-BD`, `bn-IN`, … (language tags are case-insensitive).
fn is_bengali_tag(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("bn") || primary.eq_ignore_ascii_case("ben")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `.txt`: one article as published.
    Article,
    /// `.md`: an article whose `##`/`###` headings are sections.
    Markdown,
    JsonLines,
    Html,
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
            "txt" => Some(Kind::Article),
            "md" | "markdown" => Some(Kind::Markdown),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            "html" | "htm" => Some(Kind::Html),
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
