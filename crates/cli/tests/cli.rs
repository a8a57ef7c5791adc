//! The `sondhan` program as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sondhan(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sondhan"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn search_json_gives_hits_with_every_field() {
    let out = sondhan(&["search", "--json", "--limit", "3", "হ্যানয়"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let hit = &lines[0]["hits"][0];
    assert_eq!(hit["id"], "001_e425fd11451bf95b");
    assert_eq!(hit["title"], "রাশিয়া-উ.কোরিয়া প্রতিরক্ষা সমঝোতা চুক্তি সই");
    assert_eq!(hit["date"], "2024-06-20");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    let snippet = hit["snippet"].as_str().unwrap();
    let h = &hit["highlights"][0];
    let (start, end) = (
        h["start"].as_u64().unwrap() as usize,
        h["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&snippet[start..end], "হ্যানয়ে");
    assert!(h["start_utf16"].is_u64() && h["end_utf16"].is_u64());
}

#[test]
fn without_a_query_it_reads_one_query_per_line() {
    let out = sondhan(&["search", "--json"], Some("পুতিন\nফুটবল\n\nকুরস্ক\n"));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["total"], 5);
    assert_eq!(lines[1]["total"], 0);
    assert_eq!(lines[2]["total"], 0);
    assert_eq!(lines[3]["query"], "কুরস্ক");
    assert_eq!(lines[3]["total"], 2);
}

#[test]
fn corpus_flag_indexes_a_folder_in_memory() {
    let dir = std::env::temp_dir().join(format!("sondhan-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.txt"), "ঢাকায় বৃষ্টি\nআজ ঢাকায় খুব বৃষ্টি হয়েছে।\n").unwrap();
    std::fs::write(dir.join("notes.csv"), "a,b\n").unwrap();
    let out = sondhan(
        &[
            "search",
            "--json",
            "--corpus",
            dir.to_str().unwrap(),
            "বৃষ্টি",
        ],
        None,
    );
    let lines = json_lines(&out);
    assert_eq!(lines[0]["hits"][0]["id"], "x");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("notes.csv") && stderr.contains("skipped"),
        "{stderr}"
    );
}

#[test]
fn human_output_marks_matches() {
    let out = sondhan(&["search", "সমঝোতা"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("1 result for «সমঝোতা»"), "{text}");
    assert!(text.contains("[সমঝোতা]"));
}

#[test]
fn partial_finds_the_articles_with_some_of_the_words_and_says_so() {
    // কুর্স্ক (Kursk) and হ্যানয় (Hanoi) are in different seed articles.
    let strict = json_lines(&sondhan(&["search", "--json", "কুর্স্ক হ্যানয়"], None));
    assert_eq!(
        (strict[0]["total"].as_u64(), strict[0]["partial"].as_bool()),
        (Some(0), Some(false))
    );
    let some = json_lines(&sondhan(
        &["search", "--json", "--partial", "কুর্স্ক হ্যানয়"],
        None,
    ));
    assert_eq!(
        (some[0]["total"].as_u64(), some[0]["partial"].as_bool()),
        (Some(3), Some(true))
    );
    let human = sondhan(&["search", "--partial", "কুর্স্ক হ্যানয়"], None);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.starts_with(
            "3 results for «কুর্স্ক হ্যানয়» with some of its words (no article has them all)"
        ),
        "{text}"
    );
}

#[test]
fn stats_and_eval() {
    let out = sondhan(&["stats", "--json"], None);
    let stats = &json_lines(&out)[0];
    assert_eq!(stats["documents"], 5);
    assert!(stats["terms"].as_u64().unwrap() > 500);
    let out = sondhan(&["eval"], None);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("| all |"), "{table}");
}

#[test]
fn stats_of_a_split_index_count_its_root_and_chunks() {
    let one = &json_lines(&sondhan(&["stats", "--json", "--corpus", "seeds"], None))[0];
    let out = sondhan(&["stats", "--json", "--corpus", "seeds", "--split"], None);
    let split = &json_lines(&out)[0];
    assert_eq!(split["documents"], 5);
    assert_eq!(split["terms"], one["terms"]);
    assert!(split["bytes"].as_u64() < one["bytes"].as_u64(), "{split}");
    let kinds: Vec<&str> = split["chunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    let expected = [
        "loose keys",
        "loose values",
        "words",
        "stems",
        "postings pages",
        "fragments",
        "filters and dates",
    ];
    assert_eq!(kinds, expected);
    let fragments = &split["chunks"][5];
    assert_eq!(fragments["count"], 5, "one fragment per article");
    assert!(fragments["gzipped"].as_u64() < fragments["bytes"].as_u64());
    assert!(
        one.get("chunks").is_none(),
        "a one-file index has no chunks"
    );
}

#[test]
fn fetched_names_the_chunks_a_query_reads_first() {
    let args = ["search", "--corpus", "seeds", "--split", "--fetched"];
    let out = sondhan(&args, Some("পুতিন\nপুতিন\n"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("পুতিন:")).collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("fragments"), "{}", lines[0]);
    // The same query again reads only what is already here, and holds no more.
    assert!(lines[1].contains("fetched nothing new"), "{}", lines[1]);
    let held = |line: &str| -> u64 {
        let (_, rest) = line.rsplit_once("; ").unwrap();
        rest.strip_suffix(" B held").unwrap().parse().unwrap()
    };
    assert!(held(lines[0]) > 0, "{}", lines[0]);
    assert_eq!(held(lines[0]), held(lines[1]));
}

#[test]
fn mistakes_get_a_message_and_a_nonzero_exit() {
    let out = sondhan(&["search", "--limit", "many", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--limit needs a number, not `many`"));
    let out = sondhan(&["frobnicate"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command `frobnicate`"));
    let out = sondhan(&["search", "--corpus", "/nonexistent/dir", "x"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dir"));
    let out = sondhan(&["show", "nope"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document has the id `nope`"));
}

#[test]
fn layout_says_which_layout_a_corpus_gets() {
    let out = sondhan(&["layout", "--corpus", "seeds"], None);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "single\n");
    // Past SPLIT_ABOVE (300 KB of text): 80 articles of about 5 KB.
    let dir = std::env::temp_dir().join(format!("sondhan-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = "বর্ষায় পদ্মার ইলিশ মাছ ধরা পড়ে। ".repeat(60);
    for i in 0..80 {
        std::fs::write(
            dir.join(format!("{i:03}.txt")),
            format!("খবর {i}\n{body}\n"),
        )
        .unwrap();
    }
    let out = sondhan(&["layout", "--corpus", dir.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "split\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sondhan(&["layout"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("layout needs --corpus DIR"));
}
