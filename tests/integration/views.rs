//! `rejections` for legal and `explain` for one bid, on the reference tender.

use assert_cmd::Command;
use serde_json::Value;

use crate::fixture::{Fixture, REFERENCE, json, repo, stderr, stdout};

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tenderscore")
        .expect("binary")
        .current_dir(repo())
        .args(args)
        .assert()
}

/// Explains a bid in version 0, the tender as published, whose numbers are computed here.
fn explain(bid: &str) -> String {
    stdout(&run(&["explain", REFERENCE, bid, "--as-of", "0", "--lang", "en"]).success())
}

/// Hand check of this snapshot: spor1 371 → 8 + (371 − 370) × (0 − 8) / 60 = 7.8666…
/// → 7.87; spor2 missing → 1300 → 0; indsats 8 × 0.585 = 4.68, samarbejde 6 × 0.315 =
/// 1.89, spor1 7.87 × 0.05 = 0.3935; total 6.9635, rank 2 of 6.
#[test]
fn explain_an_ordinary_bid() {
    let out = explain("trin-for-trin");
    assert!(
        out.contains("Total = 4.68 + 1.89 + 0.3935 + 0 = 6.9635"),
        "{out}"
    );
    assert!(out.contains("Rank 2 of 7 ranked bids."), "{out}");
    insta::assert_snapshot!("explain_ordinary", out);
}

/// Hand check: spor1 448.05 → 449 (øre up) → 430 (maximum) → 0 points; spor2 1150 →
/// 8 + 50 × (−8) / 200 = 6; total 4.095 + 2.52 + 0 + 0.3 = 6.915, rank 3.
#[test]
fn explain_a_clamped_bid() {
    let out = explain("Job & Trivsel ApS");
    assert!(out.contains("DKK 448.05 → DKK 449.00"), "{out}");
    assert!(out.contains("DKK 449.00 → DKK 430.00"), "{out}");
    assert!(
        out.contains("8 + (1150 − 1100) × (0 − 8) / (1300 − 1100) = 6"),
        "{out}"
    );
    assert!(
        out.contains("Total = 4.095 + 2.52 + 0 + 0.3 = 6.915"),
        "{out}"
    );
    insta::assert_snapshot!("explain_clamped", out);
}

#[test]
fn explain_a_rejected_bid() {
    let out = explain("brobyggerne");
    assert!(out.contains("Status: rejected"), "{out}");
    // The declaration in words, not the bid file's line and key.
    assert!(
        out.contains("Evidence: The bidder's declaration of reservations: “YES” ticked"),
        "{out}"
    );
    assert!(!out.contains(".toml") && !out.contains("bids/"), "{out}");
    insta::assert_snapshot!("explain_rejected", out);
}

#[test]
fn explain_names_the_tie() {
    let out = explain("ny-start");
    assert!(
        out.contains("Rank 4 of 7 ranked bids, shared with Fælles Fodfæste I/S, Lige Vilkår ApS"),
        "{out}"
    );
}

/// Explains a bid in version 0 in the tender's own language, Danish.
fn explain_da(bid: &str) -> String {
    stdout(&run(&["explain", REFERENCE, bid, "--as-of", "0"]).success())
}

/// The reference tender is Danish: without `--lang` the explanation is Danish, its amounts
/// in kroner, its adjustments, warnings and reasons the memo's sentences. Hand check as in
/// English: Job & Trivsel 448,05 → 449 → 430 → 0 point; spor2 1.150 → 6 point; total
/// 4,095 + 2,52 + 0 + 0,3 = 6,915, nr. 3 of 7.
#[test]
fn explain_in_danish_by_default() {
    let clamped = explain_da("job-og-trivsel");
    assert!(
        clamped
            .contains("448,05 kr. → 449,00 kr., øre rundet til hele kroner (Bilag B pkt. 1.2.1)"),
        "{clamped}"
    );
    assert!(
        clamped.contains("Samlet vurdering = 4,095 + 2,52 + 0 + 0,3 = 6,915"),
        "{clamped}"
    );
    insta::assert_snapshot!("explain_clamped_da", clamped);
    // A length limit (a warning) and a fixed anchor beyond the band.
    insta::assert_snapshot!("explain_warning_da", explain_da("kompas"));
    // A shared rank.
    let tie = explain_da("ny-start");
    assert!(
        tie.contains(
            "Nr. 4 af 7 rangerede tilbud, delt med Fælles Fodfæste I/S og Lige Vilkår ApS"
        ),
        "{tie}"
    );
    // Set aside: the memo's decision and reason; the evidence in words, where in the
    // bid the evaluators found it, never the bid file.
    let rejected = explain_da("arbejdsglaede");
    assert!(
        rejected.contains(
            "Dokumentation: Tilbuddet (Løsningsbeskrivelse s. 6, afsnit 2.3): „Opstart af forløb"
        ),
        "{rejected}"
    );
    assert!(!rejected.contains(".toml"), "{rejected}");
    insta::assert_snapshot!("explain_rejected_da", rejected);
    insta::assert_snapshot!("explain_late_da", explain_da("sen-levering"));
}

/// `--lang en` overrides the tender's Danish: the English explanation, byte for byte.
#[test]
fn explain_lang_en_overrides_the_tenders_danish() {
    let english = explain("job-og-trivsel");
    assert!(
        english.starts_with("Bid of Job & Trivsel ApS in tender kk-traedesten-2024"),
        "{english}"
    );
    assert_ne!(english, explain_da("job-og-trivsel"));
    let danish = stdout(
        &run(&[
            "explain",
            REFERENCE,
            "job-og-trivsel",
            "--as-of",
            "0",
            "--lang",
            "da",
        ])
        .success(),
    );
    assert_eq!(danish, explain_da("job-og-trivsel"));
}

#[test]
fn explain_an_unknown_bid_suggests_the_near_one() {
    let out = run(&["explain", REFERENCE, "kompass"]).code(2);
    assert!(
        stderr(&out).contains("no bid `kompass` in this tender (did you mean `kompas`?)"),
        "{}",
        stderr(&out)
    );
}

fn rejections_json() -> Value {
    json(&run(&["rejections", REFERENCE, "--format", "json"]).success())
}

#[test]
fn rejections_list_every_bid_set_aside_with_evidence_and_clause() {
    let report = rejections_json();
    let bids = report["bids"].as_array().unwrap();
    let seen: Vec<(&str, &str, &str, u64)> = bids
        .iter()
        .map(|b| {
            let f = &b["findings"][0];
            (
                b["bid"].as_str().unwrap(),
                b["status"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["evidence"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // Lines counted in the shipped bid files.
    assert_eq!(
        seen,
        [
            ("arbejdsglaede", "rejected", "found-reservation", 16),
            ("brobyggerne", "rejected", "declared-reservation", 5),
            ("dobbeltspor", "rejected", "alternative-bid", 6),
            ("mentorhuset", "rejected", "citizen-reservation", 15),
            ("sen-levering", "rejected", "late-bid", 4),
            ("uklar-erklaering", "review", "unclear-declaration", 5),
        ]
    );
    let citizens = &bids[3]["findings"][0];
    assert_eq!(citizens["source"], "Bilag C.0 pkt. 1.1");
    assert!(
        citizens["clause"]
            .as_str()
            .unwrap()
            .contains("ikke er muligt for en Tilbudsgiver at tage forbehold ift. de borgere")
    );
    assert!(
        citizens["evidence"]["quote"]
            .as_str()
            .unwrap()
            .contains("Vi modtager ikke borgere med et aktivt misbrug.")
    );
    assert_eq!(
        bids[4]["findings"][0]["reason"],
        "submitted 7m after the deadline 2023-10-02T12:00:00+02:00"
    );
}

#[test]
fn rejections_for_the_memo_and_the_terminal() {
    let md = stdout(&run(&["rejections", REFERENCE, "--format", "md", "--lang", "en"]).success());
    assert!(
        md.contains("6 of 13 bids set aside: 5 rejected, 1 for review."),
        "{md}"
    );
    insta::assert_snapshot!("rejections_markdown", md);
    let table = stdout(&run(&["rejections", REFERENCE, "--lang", "en"]).success());
    insta::assert_snapshot!("rejections_table", table);
}

/// In the tender's Danish: the memo's decision and reason, the rule by its name, the
/// clause in »«; the evidence still names the line of the bid file it stands on.
#[test]
fn rejections_in_danish_by_default() {
    let md = stdout(&run(&["rejections", REFERENCE, "--format", "md"]).success());
    assert!(
        md.contains("6 af 13 tilbud indgår ikke i evalueringen: 5 afvist, 1 til afklaring."),
        "{md}"
    );
    insta::assert_snapshot!("rejections_markdown_da", md);
    let table = stdout(&run(&["rejections", REFERENCE]).success());
    insta::assert_snapshot!("rejections_table_da", table);
}

/// The reference tender corrects a price below the minimum; a tender that says "reject"
/// rejects it instead (both policies must work).
#[test]
fn a_reject_policy_rejects_a_price_below_the_minimum() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "below_min = { rule = \"raise\"",
        "below_min = { rule = \"reject\"",
    );
    let out = f.run("rejections", &["--format", "json"]).success();
    let report: Value = json(&out);
    let vejen = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "vejen-frem")
        .expect("vejen-frem set aside");
    let finding = &vejen["findings"][0];
    assert_eq!(finding["rule"], "price-below-minimum");
    assert_eq!(
        finding["reason"],
        "price 1099 for `spor2` is below the minimum price 1100"
    );
    // spor2 = 1099 stands on line 9 of bids/vejen-frem.toml.
    assert_eq!(finding["evidence"]["line"], 9);
    assert_eq!(finding["evidence"]["quote"], "spor2 = 1099");
    // 369.10 rounds up to 370, inside the band, so spor1 is not a reason.
    assert_eq!(vejen["findings"].as_array().unwrap().len(), 1);
}

/// On an 80-column terminal the score and rejections tables, their heading and notes fit:
/// no line is longer than 80 characters. (A pseudo-terminal by `script`, with COLUMNS=80.)
#[cfg(unix)]
#[test]
fn tables_fit_an_80_column_terminal() {
    let bin = assert_cmd::cargo::cargo_bin("tenderscore");
    // Danish words are longer, and æøå take two bytes: both languages are checked.
    for (command, lang) in [
        ("score", "en"),
        ("rejections", "en"),
        ("score", "da"),
        ("rejections", "da"),
    ] {
        let shell = format!(
            "COLUMNS=80 {} {command} {} --lang {lang}",
            bin.display(),
            crate::fixture::repo()
                .join(crate::fixture::REFERENCE)
                .display()
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &shell, "/dev/null"])
            .output()
            .expect("script (util-linux) runs a command on a pseudo-terminal");
        let text = String::from_utf8(out.stdout).unwrap().replace('\r', "");
        let expected = match (command, lang) {
            ("score", "en") => "Bidder",
            ("score", _) => "Ordregiver:",
            _ => "Løsningsbeskrivelse",
        };
        // Evidence and clause references are never broken inside a word.
        assert!(text.contains(expected), "{command}: {text}");
        if command == "score" {
            // The criteria's names do not fit whole in 80 columns: their columns are named
            // by letters, with a legend, and no column title, bidder or status is broken
            // inside a word ("Tilbudsgive r", "rangere t" before).
            let table: Vec<&str> = text.lines().filter(|l| l.starts_with('│')).collect();
            let words: Vec<&str> = table
                .iter()
                .flat_map(|l| l.split(['│', '┆']).map(str::trim))
                .collect();
            let whole = match lang {
                "da" => [
                    "Tilbudsgiver",
                    "vurdering",
                    "Beskæftigelse",
                    "rangeret",
                    "afklaring",
                ],
                _ => ["Bidder", "Total", "Beskæftigelse", "ranked", "review"],
            };
            for word in whole {
                assert!(
                    words.iter().any(|cell| cell.split(' ').any(|w| w == word)),
                    "{lang}: {word} broken: {text}"
                );
            }
            let legend = match lang {
                "da" => "Kolonner: A Indsats (54 %); B Samarbejde (36 %)",
                _ => "Columns: A Indsats (54 %); B Samarbejde (36 %)",
            };
            assert!(text.contains(legend), "{text}");
        }
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{command}: {} chars: {line}",
                line.chars().count()
            );
        }
    }
    // Written to a pipe, the layout is the stable one, whatever COLUMNS says.
    let piped = assert_cmd::Command::cargo_bin("tenderscore")
        .unwrap()
        .env("COLUMNS", "80")
        .current_dir(crate::fixture::repo())
        .args(["score", crate::fixture::REFERENCE])
        .assert()
        .success();
    let text = crate::fixture::stdout(&piped);
    assert!(text.lines().any(|l| l.chars().count() > 80));
}

/// The evidence of a bid set aside is told in words in every report people read, never
/// as the bid file, its line or its keys: `rejections`, `score` and `explain`, in Danish
/// and English, table and Markdown. The JSON keeps the file and line for the machine.
#[test]
fn human_reports_name_no_bid_file_line_or_key() {
    let f = Fixture::reference();
    for lang in ["da", "en"] {
        for command in ["rejections", "score"] {
            for format in ["table", "md"] {
                let out = stdout(
                    &f.run(command, &["-q", "--lang", lang, "-f", format])
                        .success(),
                );
                for machine in [
                    ".toml",
                    "bids/",
                    "reservation =",
                    "submitted =",
                    "solution_descriptions",
                ] {
                    assert!(
                        !out.contains(machine),
                        "{command} {lang} {format}: {machine} in {out}"
                    );
                }
            }
        }
        for bid in [
            "brobyggerne",
            "sen-levering",
            "dobbeltspor",
            "uklar-erklaering",
        ] {
            let out = stdout(&f.run("explain", &[bid, "-q", "--lang", lang]).success());
            assert!(
                !out.contains(".toml") && !out.contains(" = "),
                "{bid} {lang}: {out}"
            );
        }
    }
    let danish = stdout(
        &f.run("rejections", &["-q", "--lang", "da", "-f", "md"])
            .success(),
    );
    for words in [
        "Tilbudsgiverens erklæring om forbehold: »JA« afkrydset",
        "Antal løsningsbeskrivelser i tilbuddet: 2",
        "Tilbuddet er modtaget 2. oktober 2023 kl. 12.07",
    ] {
        assert!(danish.contains(words), "{words}: {danish}");
    }
    let report = json(&f.run("rejections", &["-q", "-f", "json"]).success());
    let text = report.to_string();
    assert!(
        text.contains(r#""file":"bids/brobyggerne.toml","line":5,"quote":"reservation = \"yes\"""#),
        "{text}"
    );
}

/// The rejections table breaks its lines between words, never inside one: every word of
/// the table (at its fixed width of 140, as in a file) is a whole word of the same texts
/// in the Markdown report, which wraps nothing. Before, "forbeholdserklæringen" came out
/// as "forbeholdserklæringe" and "n".
#[test]
fn the_rejections_table_breaks_lines_between_words() {
    for tender in [REFERENCE, "tenders/odense-ressourceforloeb"] {
        for lang in ["da", "en"] {
            let table = stdout(&run(&["rejections", tender, "-q", "--lang", lang]).success());
            let md =
                stdout(&run(&["rejections", tender, "-q", "--lang", lang, "-f", "md"]).success());
            // The table joins a clause's reference and text ("2: »Det …"), the Markdown
            // sets them apart: their marks are not compared.
            let bare = |w: &str| w.trim_matches([':', '»', '«', '“', '”']).to_string();
            let whole: std::collections::HashSet<String> =
                md.split_whitespace().map(bare).collect();
            let body = table.lines().skip_while(|l| !l.starts_with('╞'));
            for line in body.filter(|l| l.starts_with('│')) {
                for word in line.split(['│', '┆']).flat_map(str::split_whitespace) {
                    assert!(
                        whole.contains(&bare(word)),
                        "{tender} {lang}: {word:?} is no whole word:\n{table}"
                    );
                }
            }
        }
    }
}
