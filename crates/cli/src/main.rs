//! `sondhan`: search the embedded index (or any corpus folder) from the command line.

mod eval;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use sondhan_engine::index::metadata::date_number;
use sondhan_engine::index::{
    build_index, build_split_index, ChunkKind, Chunks, IndexStats, SplitIndex,
};
use sondhan_engine::search::{filters, search_with, Cache, Explanation, Facets, Sort};
use sondhan_engine::{suggest, Highlight, Index, IndexError, SearchOptions, SearchResults};
use sondhan_indexer::corpus::read_corpus;

const USAGE: &str = "\
usage:
  sondhan search [--json] [--limit N] [--offset N] [--no-prefix] [--no-typos] [--partial] [--explain]
                 [--filter FIELD=VALUE]... [--facets] [--sort relevance|newest|oldest]
                 [--after DATE] [--before DATE] [--corpus DIR [--split [--fetched]]] [QUERY...]
      Searches the index built into this program from seeds/ (or, with --corpus, the articles in DIR,
      indexed in memory; with --split, laid out as a split index whose chunks are read as a search
      asks for them). Without QUERY, reads one query per line from standard input.
      Every word is required; with --partial, a query no article has every word of finds the
      articles with the most of them, and says so. --explain shows each hit's score part by
      part: per query word the kind and weight of its match and BM25F, then the title boosts.
      --filter keeps the articles with that value of the field (source, tags, section, author,
      or any the corpus gives); repeated, values of one field are OR-ed and fields AND-ed.
      --facets counts, per field, the articles each value would find. --after and --before
      (2024-06-20, ends included) keep the articles dated within; --sort orders by date.
      With a filter or a date range, an empty QUERY ('') lists the articles they keep.
      --fetched prints, after each query, the chunks it read that no earlier query had (what a
      browser fetches), by kind, with their bytes gzipped, and the rounds of fetches it took;
      then the bytes every query so far has read, decoded, as a browser's store holds them
      (never trimmed here: compare them with the store's budget).
  sondhan filters [--json] [--corpus DIR [--split]]
      Lists every filter field and value, with how many articles have it.
  sondhan suggest [--json] [--limit N] [--corpus DIR [--split]] PREFIX...
      Completions for what is typed, most frequent first (Bengali or Banglish).
  sondhan stats [--json] [--corpus DIR [--split]]
      Prints the index's figures: documents, terms, stems, bytes per section; with --split, those
      of the root, then the chunks of each kind: how many, their bytes and their bytes gzipped.
  sondhan show [--corpus DIR] ID
      Prints one document as stored.
  sondhan eval [--corpus DIR] [FILE]
      Prints nDCG@5 and recall@10 for a labelled query set (default: tests/relevance/seeds.tsv).
  sondhan bundle [--split | --single] --corpus DIR TEMPLATE OUT
      Writes OUT, the engine .wasm TEMPLATE (as scripts/build-web builds it) with the index of
      DIR's pages and articles in place of its own: what `npx sondhan build` does, natively.
      --split puts only the index's root into OUT and writes its chunks beside it (chunks/);
      --single, the whole index in OUT. Without either, corpora of more than SPLIT_ABOVE of
      text are split. A split index needs the split engine as TEMPLATE
      (scripts/build-web --split-engine).
  sondhan layout --corpus DIR
      Prints the layout bundle picks for DIR without --split or --single: single or split.
";

fn usage() -> String {
    let above = sondhan_indexer::bundle::SPLIT_ABOVE / 1024;
    USAGE.replace("SPLIT_ABOVE", &format!("{above} KB"))
}

struct Args {
    command: String,
    json: bool,
    corpus: Option<PathBuf>,
    /// `--split` (true) or `--single` (false); neither: by size.
    split: Option<bool>,
    /// `--fetched`: report the chunks each query reads for the first time.
    fetched: bool,
    options: SearchOptions,
    rest: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or("no command given")?;
    if command == "-h" || command == "--help" || command == "help" {
        print!("{}", usage());
        std::process::exit(0);
    }
    let mut parsed = Args {
        command,
        json: false,
        corpus: None,
        split: None,
        fetched: false,
        options: SearchOptions::default(),
        rest: Vec::new(),
    };
    let number = |flag: &str, value: Option<String>| -> Result<usize, String> {
        let value = value.ok_or_else(|| format!("{flag} needs a number"))?;
        value
            .parse()
            .map_err(|_| format!("{flag} needs a number, not `{value}`"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--no-prefix" => parsed.options.prefix = false,
            "--no-typos" => parsed.options.typos = false,
            "--partial" => parsed.options.partial = true,
            "--split" => parsed.split = Some(true),
            "--single" => parsed.split = Some(false),
            "--fetched" => parsed.fetched = true,
            "--explain" => parsed.options.explain = true,
            "--limit" => parsed.options.limit = number("--limit", args.next())?,
            "--offset" => parsed.options.offset = number("--offset", args.next())?,
            "--facets" => parsed.options.facets = true,
            "--filter" => {
                let (field, value) = filter(args.next())?;
                parsed.options.filters.push((field, vec![value]));
            }
            "--sort" => parsed.options.sort = sort(args.next())?,
            "--after" => parsed.options.after = Some(date("--after", args.next())?),
            "--before" => parsed.options.before = Some(date("--before", args.next())?),
            "--corpus" => {
                parsed.corpus = Some(args.next().ok_or("--corpus needs a folder")?.into())
            }
            "--" => parsed.rest.extend(args.by_ref()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => parsed.rest.push(arg),
        }
    }
    Ok(parsed)
}

/// `--filter FIELD=VALUE`.
fn filter(value: Option<String>) -> Result<(String, String), String> {
    let value = value.ok_or("--filter needs FIELD=VALUE (--filter section=খেলা)")?;
    match value.split_once('=') {
        Some((field, v)) if !field.trim().is_empty() && !v.trim().is_empty() => {
            Ok((field.trim().to_string(), v.trim().to_string()))
        }
        _ => Err(format!(
            "--filter needs FIELD=VALUE (--filter section=খেলা), not `{value}`"
        )),
    }
}

fn sort(value: Option<String>) -> Result<Sort, String> {
    match value.as_deref() {
        Some("relevance") => Ok(Sort::Relevance),
        Some("newest") => Ok(Sort::Newest),
        Some("oldest") => Ok(Sort::Oldest),
        other => Err(format!(
            "--sort needs relevance, newest or oldest, not `{}`",
            other.unwrap_or_default()
        )),
    }
}

/// `--after` or `--before`: an ISO date, as YYYYMMDD.
fn date(flag: &str, value: Option<String>) -> Result<u32, String> {
    let value = value.unwrap_or_default();
    date_number(&value)
        .ok_or_else(|| format!("{flag} needs a date written 2024-06-20, not `{value}`"))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("sondhan: {message}\n\n{}", usage());
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sondhan: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The documents of `--corpus`, warnings printed.
fn read_documents(dir: &std::path::Path) -> Result<Vec<sondhan_engine::index::Document>, String> {
    let corpus = read_corpus(dir).map_err(|e| e.to_string())?;
    for warning in &corpus.warnings {
        eprintln!("sondhan: warning: {warning}");
    }
    Ok(corpus.documents)
}

/// `sondhan bundle`: the template with the corpus's index put in (and, split, its chunks
/// beside it).
fn bundle(args: &Args) -> Result<ExitCode, String> {
    let (Some(dir), [template, out]) = (&args.corpus, args.rest.as_slice()) else {
        return Err("bundle needs --corpus DIR, a TEMPLATE .wasm and an OUT file".into());
    };
    let documents = read_documents(dir)?;
    let template = std::fs::read(template).map_err(|e| format!("cannot read {template}: {e}"))?;
    let bundle = sondhan_indexer::bundle::Bundle::new(&documents, args.split);
    let folder = std::path::Path::new(out)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let wasm = sondhan_indexer::template::patch(&template, bundle.embedded())
        .map_err(|e| e.to_string())?;
    for (path, bytes) in bundle.files() {
        let path = folder.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    std::fs::write(out, wasm).map_err(|e| format!("cannot write {out}: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `sondhan layout`: the layout `bundle` picks by size.
fn layout(args: &Args) -> Result<ExitCode, String> {
    let (Some(dir), []) = (&args.corpus, args.rest.as_slice()) else {
        return Err("layout needs --corpus DIR and nothing else".into());
    };
    let split = sondhan_indexer::bundle::Bundle::splits(&read_documents(dir)?);
    println!("{}", if split { "split" } else { "single" });
    Ok(ExitCode::SUCCESS)
}

/// The index commands search: one-file, or split with its chunks read on demand.
enum Searchable<'a> {
    One(Box<Index<'a>>),
    Split(SplitIndex, Box<Chunks>, Reads),
}

/// What a split index has read, for `--fetched`.
#[derive(Default)]
struct Reads {
    /// The chunks read so far, in the order they were first read.
    chunks: Vec<u32>,
    /// The rounds of fetches the last search took.
    rounds: usize,
}

impl Searchable<'_> {
    /// Runs `f` over the index, reading the chunks it asks for.
    fn with<T>(
        &mut self,
        mut f: impl FnMut(&Index<'_>) -> Result<T, IndexError>,
    ) -> Result<T, String> {
        match self {
            Searchable::One(index) => f(index),
            Searchable::Split(split, chunks, reads) => {
                let mut tries: usize = 0;
                let done = chunks.complete(
                    &split.root,
                    |n| {
                        reads.chunks.push(n);
                        Ok(split.chunks[n as usize].clone())
                    },
                    |index| {
                        tries += 1;
                        f(index)
                    },
                );
                reads.rounds = tries.saturating_sub(1);
                done
            }
        }
        .map_err(|e| e.to_string())
    }

    /// How many chunks have been read so far (0 for one file).
    fn chunks_read(&self) -> usize {
        match self {
            Searchable::One(_) => 0,
            Searchable::Split(_, _, reads) => reads.chunks.len(),
        }
    }

    /// The chunks first read after the first `already`, by kind, as `--fetched` prints them.
    fn fetched_since(&self, already: usize) -> String {
        let Searchable::Split(split, chunks, reads) = self else {
            return "one file, nothing fetched".into();
        };
        let mut by_kind = std::collections::BTreeMap::<ChunkKind, (usize, usize)>::new();
        for &n in &reads.chunks[already..] {
            let row = by_kind.entry(chunks.kind(n)).or_default();
            row.0 += 1;
            row.1 += sondhan_indexer::bundle::gzip(&split.chunks[n as usize]).len();
        }
        let held = format!("{} B held", chunks.bytes());
        if by_kind.is_empty() {
            return format!("fetched nothing new; {held}");
        }
        let (count, bytes) = by_kind
            .values()
            .fold((0, 0), |(c, b), &(n, g)| (c + n, b + g));
        let kinds: Vec<String> = by_kind
            .iter()
            .map(|(kind, (n, g))| format!("{} {n} ({g} B)", kind.name()))
            .collect();
        format!(
            "fetched {count} chunks, {bytes} B gzipped, in {} rounds: {}; {held}",
            reads.rounds,
            kinds.join(", ")
        )
    }

    fn one(&self) -> Result<&Index<'_>, String> {
        match self {
            Searchable::One(index) => Ok(index),
            Searchable::Split(..) => Err("--split applies to search, suggest and stats".into()),
        }
    }
}

fn run(args: Args) -> Result<ExitCode, String> {
    match args.command.as_str() {
        "bundle" => return bundle(&args),
        "layout" => return layout(&args),
        _ => {}
    }
    let owned;
    let mut index = match (&args.corpus, args.split) {
        (Some(dir), Some(true)) => {
            let split = build_split_index(&read_documents(dir)?);
            let chunks = Chunks::for_root(&split.root).map_err(|e| e.to_string())?;
            Searchable::Split(split, Box::new(chunks), Reads::default())
        }
        (Some(dir), _) => {
            owned = build_index(&read_documents(dir)?);
            Searchable::One(Box::new(Index::open(&owned).map_err(|e| e.to_string())?))
        }
        (None, Some(true)) => return Err("--split needs --corpus DIR".into()),
        (None, _) => Searchable::One(Box::new(sondhan::index().clone())),
    };
    let mut out = std::io::stdout().lock();
    match args.command.as_str() {
        "search" => search_command(&mut index, &args, &mut out)?,
        "suggest" => suggest_command(&mut index, &args, &mut out)?,
        "stats" => stats_command(&mut index, &args, &mut out)?,
        "filters" => {
            let all = index.with(filters)?;
            print_facets(&mut out, &all, args.json).map_err(io)?
        }
        "show" => show_command(index.one()?, &args, &mut out)?,
        "eval" => {
            let file = args
                .rest
                .first()
                .map_or_else(|| PathBuf::from("tests/relevance/seeds.tsv"), PathBuf::from);
            let passed = eval::run(index.one()?, &file, &mut out)?;
            return Ok(if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        other => return Err(format!("unknown command `{other}`\n\n{}", usage())),
    }
    Ok(ExitCode::SUCCESS)
}

fn io(e: std::io::Error) -> String {
    e.to_string()
}

/// `sondhan search`: the query given, or one per line of standard input.
fn search_command(
    index: &mut Searchable<'_>,
    args: &Args,
    out: &mut impl Write,
) -> Result<(), String> {
    let mut cache = Cache::new();
    let mut run_one = |query: &str| -> Result<(), String> {
        let already = index.chunks_read();
        let results = index.with(|index| search_with(index, query, &args.options, &mut cache))?;
        if args.fetched {
            eprintln!("{query}: {}", index.fetched_since(already));
        }
        if !args.json {
            return print_results(out, query, &results).map_err(io);
        }
        let mut line = serde_json::json!({
            "query": query,
            "total": results.total,
            "truncated": results.truncated,
            "suggestion": results.suggestion,
            "partial": results.partial,
            "hits": results.hits,
        });
        if !results.explanations.is_empty() {
            line["explanations"] = serde_json::json!(results.explanations);
        }
        if !results.facets.is_empty() {
            line["facets"] = serde_json::json!(results.facets);
        }
        writeln!(out, "{line}").map_err(io)
    };
    if !args.rest.is_empty() {
        return run_one(&args.rest.join(" "));
    }
    for line in std::io::stdin().lock().lines() {
        run_one(&line.map_err(|e| format!("cannot read standard input: {e}"))?)?;
    }
    Ok(())
}

fn suggest_command(
    index: &mut Searchable<'_>,
    args: &Args,
    out: &mut impl Write,
) -> Result<(), String> {
    let input = args.rest.join(" ");
    let suggestions = index.with(|index| suggest(index, &input, args.options.limit))?;
    if args.json {
        let json = serde_json::to_string(&suggestions).expect("suggestions serialize");
        return writeln!(out, "{json}").map_err(io);
    }
    for s in &suggestions {
        let plural = if s.documents == 1 { "" } else { "s" };
        writeln!(out, "{}  ({} document{plural})", s.completion, s.documents).map_err(io)?;
    }
    Ok(())
}

fn stats_command(
    index: &mut Searchable<'_>,
    args: &Args,
    out: &mut impl Write,
) -> Result<(), String> {
    let stats = index.with(|index| Ok(index.stats()))?;
    let chunks = match index {
        Searchable::Split(split, chunks, _) => chunk_stats(split, chunks),
        Searchable::One(_) => Vec::new(),
    };
    if args.json {
        let mut json = serde_json::to_value(&stats).expect("stats serialize");
        if !chunks.is_empty() {
            json["chunks"] = serde_json::to_value(&chunks).expect("chunk stats serialize");
        }
        return writeln!(out, "{json}").map_err(io);
    }
    print_stats(out, &stats, &chunks).map_err(io)
}

/// The chunks of one kind in a split index: how many, and their bytes before and after gzip.
#[derive(serde::Serialize)]
struct ChunkStats {
    kind: &'static str,
    count: usize,
    bytes: usize,
    gzipped: usize,
}

fn chunk_stats(split: &SplitIndex, chunks: &Chunks) -> Vec<ChunkStats> {
    let mut by_kind = std::collections::BTreeMap::<ChunkKind, ChunkStats>::new();
    for (n, chunk) in (0u32..).zip(&split.chunks) {
        let kind = chunks.kind(n);
        let row = by_kind.entry(kind).or_insert(ChunkStats {
            kind: kind.name(),
            count: 0,
            bytes: 0,
            gzipped: 0,
        });
        row.count += 1;
        row.bytes += chunk.len();
        row.gzipped += sondhan_indexer::bundle::gzip(chunk).len();
    }
    by_kind.into_values().collect()
}

fn print_stats(
    out: &mut impl Write,
    stats: &IndexStats,
    chunks: &[ChunkStats],
) -> std::io::Result<()> {
    let whole = if chunks.is_empty() { "" } else { " (the root)" };
    writeln!(
        out,
        "documents  {}\nterms      {}\nstems      {}\nbytes      {}{whole}",
        stats.documents, stats.terms, stats.stems, stats.bytes
    )?;
    for (name, len) in &stats.sections {
        writeln!(out, "  {name}     {len}")?;
    }
    if !chunks.is_empty() {
        writeln!(out, "chunks              count      bytes    gzipped")?;
    }
    for c in chunks {
        writeln!(
            out,
            "  {:<17} {:>5} {:>10} {:>10}",
            c.kind, c.count, c.bytes, c.gzipped
        )?;
    }
    Ok(())
}

fn show_command(index: &Index<'_>, args: &Args, out: &mut impl Write) -> Result<(), String> {
    let id = args.rest.first().ok_or("show needs a document id")?;
    let doc = index
        .find(id)
        .ok_or_else(|| format!("no document has the id `{id}`"))?;
    let d = index.document(doc).map_err(|e| e.to_string())?;
    writeln!(
        out,
        "id: {}\ntitle: {}\ndate: {}\nurl: {}\nsource: {}\n\n{}",
        d.id, d.title, d.date, d.url, d.source, d.body
    )
    .map_err(io)
}

/// A hit's score as a tree: the clauses' BM25F parts, then the title boosts.
fn print_explanation(out: &mut impl Write, e: &Explanation) -> std::io::Result<()> {
    writeln!(
        out,
        "    score {:.3} = {:.3} (clauses) × {:.3} (title coverage) × {:.3} (title order)",
        e.score, e.sum, e.coverage, e.order
    )?;
    for c in &e.clauses {
        let b = &c.bm25;
        writeln!(
            out,
            "      «{}» {} (weight {:.2}): {:.3} = weight × idf {:.3} × tf {:.3} / (K1 + tf); title {:.2}, body {:.2}",
            c.clause, c.kind, b.weight, b.score, b.idf, b.tf, b.title, b.body
        )?;
    }
    Ok(())
}

fn print_results(
    out: &mut impl Write,
    query: &str,
    results: &SearchResults,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} result{} for «{query}»{}",
        results.total,
        if results.total == 1 { "" } else { "s" },
        if results.partial {
            " with some of its words (no article has them all)"
        } else {
            ""
        }
    )?;
    if let Some(better) = &results.suggestion {
        writeln!(out, "did you mean «{better}»?")?;
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        let date = hit
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>2}. {}  ({}{date}, score {:.3})",
            rank + 1,
            marked(&hit.title, &hit.title_highlights),
            hit.id,
            hit.score
        )?;
        writeln!(out, "    {}", marked(&hit.snippet, &hit.highlights))?;
        for section in &hit.sections {
            let place = section.url.as_deref().unwrap_or(&section.anchor);
            let title = marked(&section.title, &section.title_highlights);
            writeln!(out, "    § {title}  ({place})")?;
            writeln!(
                out,
                "      {}",
                marked(&section.snippet, &section.highlights)
            )?;
        }
        if let Some(explanation) = results.explanations.get(rank) {
            print_explanation(out, explanation)?;
        }
    }
    if !results.facets.is_empty() {
        writeln!(out, "facets:")?;
        print_facets(out, &results.facets, false)?;
    }
    Ok(())
}

/// Each field, then its values with their counts, most first; or, with `json`, one object.
fn print_facets(out: &mut impl Write, facets: &Facets, json: bool) -> std::io::Result<()> {
    if json {
        return writeln!(out, "{}", serde_json::json!(facets));
    }
    for (field, values) in &facets.fields {
        let mut values: Vec<_> = values.iter().collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let values: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        writeln!(out, "  {field}: {}", values.join(", "))?;
    }
    Ok(())
}

/// The text with its highlighted ranges in [brackets].
fn marked(text: &str, ranges: &[Highlight]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 2);
    let mut at = 0;
    for h in ranges {
        out.push_str(&text[at..h.start]);
        out.push('[');
        out.push_str(&text[h.start..h.end]);
        out.push(']');
        at = h.end;
    }
    out.push_str(&text[at..]);
    out
}
