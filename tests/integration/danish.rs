//! Every report people read, in Danish, over every shipped tender — and over variants of
//! them that raise every kind of warning and a legal flag: nothing names the tool's own
//! files (a bid file, a folder of bids), a key or path of the tender definition
//! (`criteria.indsats.weight`), an ISO date, or says a sentence of the engine's English.
//! The memo's data-basis section names the input files with their checksums on purpose
//! (the record of what was evaluated) and is left out.

use std::path::Path;

use scraper::{Html, Selector};

use crate::fixture::{Fixture, stdout};

/// What the Danish reports must never hold, and why.
fn leaks(text: &str, title: &str) -> Vec<String> {
    // The tender's own title is the authority's words, whatever their language.
    let text = text.replace(title, "");
    let mut found = Vec::new();
    for file in [".toml", "bids/", "rounds/", "rettelsesblade/"] {
        if text.contains(file) {
            found.push(format!("a file: {file}"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, window) in chars.windows(10).enumerate() {
        let digit = |k: usize| window[k].is_ascii_digit();
        if window[0] == '2'
            && window[1] == '0'
            && (2..4).all(digit)
            && window[4] == '-'
            && (5..7).all(digit)
            && window[7] == '-'
            && (8..10).all(digit)
        {
            found.push(format!(
                "an ISO date: {}",
                chars[i..i + 10].iter().collect::<String>()
            ));
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'))
        .collect();
    const TABLES: &[&str] = &[
        "criteria",
        "prices",
        "model",
        "conformity",
        "quality",
        "ranking",
        "scale",
        "award",
        "lots",
        "requirements",
        "contract",
    ];
    for word in &words {
        if let Some((table, rest)) = word.split_once('.')
            && TABLES.contains(&table)
            && rest.starts_with(|c: char| c.is_ascii_lowercase())
        {
            found.push(format!("a path of the tender definition: {word}"));
        }
    }
    // The engine's English: words no Danish sentence of these reports uses.
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if [
            "the",
            "is",
            "are",
            "of",
            "warning",
            "points",
            "beyond",
            "characters",
            "requirement",
            "evaluators",
            "deadline",
        ]
        .contains(&word)
        {
            found.push(format!("English: {word}"));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The text a reader sees of an HTML document, without the memo's data basis.
fn visible(html: &str) -> String {
    let document = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    let inputs = Selector::parse("section.inputs").unwrap();
    let mut text = document
        .select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ");
    for section in document.select(&inputs) {
        let own = section.text().collect::<Vec<_>>().join(" ");
        text = text.replace(&own, "");
    }
    text
}

/// Every Danish report of one tender (one lot): name → text.
fn reports(f: &Fixture, lot: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let run = |command: &str, args: &[&str]| {
        let mut all = vec!["-q", "--lang", "da"];
        all.extend_from_slice(lot);
        all.extend_from_slice(args);
        f.run(command, &all)
    };
    for command in ["score", "rejections", "rounds"] {
        for format in ["table", "md"] {
            let text = stdout(&run(command, &["-f", format]).success());
            out.push((format!("{command} {format}"), text));
        }
    }
    out.push(("publish".into(), stdout(&run("publish", &[]).success())));
    out.push((
        "memo".into(),
        visible(&stdout(&run("memo", &["-o", "-"]).success())),
    ));
    for bid in std::fs::read_dir(f.path("bids")).unwrap() {
        let path = bid.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        // A bid of another lot cannot be explained in this one.
        let explained = run("explain", &[&stem]);
        if explained.get_output().status.success() {
            out.push((format!("explain {stem}"), stdout(&explained)));
        }
    }
    let letters = f.root.path().join(format!("breve{}", lot.join("-")));
    let dir = letters.to_string_lossy().to_string();
    run("letters", &["-o", &dir, "--sent", "2025-06-02"]).success();
    for letter in std::fs::read_dir(&letters).unwrap() {
        let path = letter.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if path.extension().is_some_and(|e| e == "html") {
            visible(&text)
        } else {
            text
        };
        out.push((format!("letter {}", path.display()), text));
    }
    for format in ["table", "md"] {
        let rescored = f
            .run_path("rescore", "tender", &["-q", "--lang", "da", "-f", format])
            .success();
        out.push((format!("rescore {format}"), stdout(&rescored)));
    }
    out
}

/// The lots of a tender (none: the tender as a whole).
fn lots(tender: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(tender.join("tender.toml")).unwrap();
    let value: toml::Table = toml::from_str(&text).unwrap();
    value
        .get("lots")
        .and_then(|l| l.as_array())
        .map(|lots| {
            lots.iter()
                .filter_map(|l| Some(l.get("id")?.as_str()?.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn title(f: &Fixture) -> String {
    let value: toml::Table = toml::from_str(&f.read("tender.toml")).unwrap();
    value["title"].as_str().unwrap().to_string()
}

/// Every report of a tender folder, in each lot; the leaks found, by report.
fn check(f: &Fixture) -> Vec<String> {
    let lots = lots(&f.tender_dir());
    let title = title(f);
    let mut runs: Vec<Vec<&str>> = lots.iter().map(|l| vec!["--lot", l.as_str()]).collect();
    if runs.is_empty() {
        runs.push(Vec::new());
    }
    let mut problems = Vec::new();
    for lot in runs {
        for (name, text) in reports(f, &lot) {
            for leak in leaks(&text, &title) {
                problems.push(format!("{lot:?} {name}: {leak}"));
            }
        }
    }
    problems
}

/// The reference tender's review finding decided, so its letters can be written.
fn decided(f: &Fixture) {
    f.write(
        "decisions.toml",
        "[[decisions]]\nbid = \"uklar-erklaering\"\nrule = \"unclear-declaration\"\n\
         decision = \"rejected\"\nby = \"Anna Jensen\"\ndate = 2023-10-05\n\
         reason = \"Begge rubrikker var afkrydset.\"\n",
    );
}

#[test]
fn danish_reports_of_every_shipped_tender_speak_danish_only() {
    let mut problems = Vec::new();
    for tender in std::fs::read_dir(crate::fixture::repo().join("tenders")).unwrap() {
        let name = tender.unwrap().file_name().to_string_lossy().to_string();
        let f = Fixture::copy_of(&format!("tenders/{name}"));
        if name == "kk-traedesten-2024" {
            decided(&f);
        }
        problems.extend(check(&f).into_iter().map(|p| format!("{name} {p}")));
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // The check sees a file where one is named: the memo's data basis names every input.
    let f = Fixture::reference();
    let html = stdout(&f.run("memo", &["-q", "-o", "-"]).success());
    let whole = Html::parse_document(&html)
        .root_element()
        .text()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        leaks(&whole, &title(&f)).contains(&"a file: .toml".to_string()),
        "{whole}"
    );
}

/// The variants raise what the shipped tenders do not: a rettelsesblad changing the
/// weights 4 days before the deadline, evaluators 4 points apart where 3 are allowed, and
/// a requirement not met that the tender corrects.
#[test]
fn danish_reports_of_every_warning_and_legal_flag_speak_danish_only() {
    let f = Fixture::reference();
    decided(&f);
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "date = 2023-09-22",
        "date = 2023-09-28",
    );
    f.replace(
        "tender.toml",
        "[prices]\nmodel",
        "[quality]\ndisagreement = 3\nsource = \"Bilag C.1 pkt. 3\"\n\n[prices]\nmodel",
    );
    let kompas = f.read("bids/kompas.toml");
    f.write(
        "bids/kompas.toml",
        &format!("{kompas}\n[evaluators.indsats]\npoints = {{ anna = 6, bo = 10, carl = 10, dora = 10 }}\n"),
    );
    let mut problems = check(&f);
    let f = Fixture::copy_of("tenders/odense-ressourceforloeb");
    f.replace("tender.toml", "unmet = \"reject\"", "unmet = \"correct\"");
    problems.extend(check(&f));
    assert!(problems.is_empty(), "{problems:#?}");
}
