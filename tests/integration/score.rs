//! `score` and `check` on the reference tender, in every format.

use assert_cmd::Command;
use serde_json::Value;

use crate::fixture::{Fixture, REFERENCE, bid, json, repo, stderr, stdout};

fn score(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tenderscore")
        .expect("binary")
        .current_dir(repo())
        // Version 0, the tender as published: the numbers below are computed for it.
        .args(["score", REFERENCE, "--as-of", "0"])
        .args(args)
        .assert()
}

fn json_report() -> Value {
    let out = score(&["--format", "json"]).success();
    json(&out)
}

fn price<'a>(bid: &'a Value, line: &str) -> &'a Value {
    bid["prices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["line"] == line)
        .expect("price line")
}

/// The reference tender's totals, by hand. Shares: indsats 0.9 × 0.65 = 0.585,
/// samarbejde 0.9 × 0.35 = 0.315, spor1 and spor2 0.1 × 0.5 = 0.05.
/// Price points: spor1 8 − (p − 370) × 8/60, spor2 8 − (p − 1100) × 8/200.
#[test]
fn json_totals_and_ranks_match_hand_arithmetic() {
    let report = json_report();
    let expected = [
        // kompas: spor1 372.50 → 373 → 7.60; spor2 1350 → 1300 → 0.
        // 0.585 × 9 + 0.315 × 8 + 0.05 × 7.60 = 5.265 + 2.52 + 0.38 = 8.165
        ("kompas", Some(1u64), Some("8.165")),
        // trin-for-trin: spor1 371 → 7.8666… → 7.87; spor2 missing → 1300 → 0.
        // 0.585 × 8 + 0.315 × 6 + 0.05 × 7.87 = 4.68 + 1.89 + 0.3935 = 6.9635
        ("trin-for-trin", Some(2), Some("6.9635")),
        // job-og-trivsel: spor1 448.05 → 449 → 430 → 0; spor2 1150 → 6.
        // 0.585 × 7 + 0.315 × 8 + 0.05 × 6 = 4.095 + 2.52 + 0.3 = 6.915
        ("job-og-trivsel", Some(3), Some("6.915")),
        // faelles-fodfaeste: spor1 400 → 4, spor2 1150 → 6; ny-start: 385 → 6, 1200 → 4.
        // Both: 0.585 × 7 + 0.315 × 7 + 0.05 × (4 + 6) = 6.3 + 0.5 = 6.8, a tie; and
        // lige-vilkaar: 384.20 → 385 → 6, 1200 → 4, quality 7/7: the same 6.8.
        ("faelles-fodfaeste", Some(4), Some("6.8")),
        ("lige-vilkaar", Some(4), Some("6.8")),
        ("ny-start", Some(4), Some("6.8")),
        // vejen-frem: spor1 369.10 → 370 → 8; spor2 1099 → 1100 → 8.
        // 0.585 × 6 + 0.315 × 7 + 0.05 × 8 + 0.05 × 8 = 3.51 + 2.205 + 0.8 = 6.515
        ("vejen-frem", Some(7), Some("6.515")),
        // Set aside, listed after the ranked bids by bidder name, without rank or total.
        ("arbejdsglaede", None, None),
        ("brobyggerne", None, None),
        ("dobbeltspor", None, None),
        ("mentorhuset", None, None),
        ("sen-levering", None, None),
        ("uklar-erklaering", None, None),
    ];
    let bids = report["bids"].as_array().unwrap();
    assert_eq!(bids.len(), expected.len());
    for (entry, (id, rank, total)) in bids.iter().zip(expected) {
        assert_eq!(entry["bid"], id);
        assert_eq!(entry["rank"].as_u64(), rank, "rank of {id}");
        assert_eq!(entry["total"].as_str(), total, "total of {id}");
    }
    // The three bids on 6.8 share rank 4, named once in ranking order (by bidder name);
    // no other rank is shared.
    assert_eq!(
        report["ties"],
        serde_json::json!([{"rank": 4, "bids": ["faelles-fodfaeste", "lige-vilkaar", "ny-start"]}])
    );
    let set_aside = [
        ("arbejdsglaede", "rejected", "found-reservation"),
        ("brobyggerne", "rejected", "declared-reservation"),
        ("dobbeltspor", "rejected", "alternative-bid"),
        ("mentorhuset", "rejected", "citizen-reservation"),
        ("sen-levering", "rejected", "late-bid"),
        ("uklar-erklaering", "review", "unclear-declaration"),
    ];
    for (id, status, rule) in set_aside {
        assert_eq!(bid(&report, id)["status"], status, "{id}");
        assert_eq!(bid(&report, id)["findings"][0]["rule"], rule, "{id}");
        assert_eq!(
            bid(&report, id)["findings"].as_array().unwrap().len(),
            1,
            "{id}"
        );
    }
    // The length limit warns; the bid is still ranked.
    assert_eq!(
        bid(&report, "kompas")["warnings"][0]["rule"],
        "length-limit"
    );
    // 0.9 × 10 + 0.1 × 8 = 9.8 at the best; 0 at the worst.
    assert_eq!(
        report["tender"]["total_bounds"],
        serde_json::json!({"min": "0", "max": "9.8"})
    );
}

#[test]
fn json_explains_each_price_line() {
    let report = json_report();
    let job = price(bid(&report, "job-og-trivsel"), "spor1");
    assert_eq!(job["submitted"], "448.05");
    assert_eq!(job["evaluated"], "430");
    assert_eq!(job["points"], "0.00");
    let rules: Vec<&str> = job["adjustments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["whole-kroner", "lower-to-maximum"]);
    assert_eq!(job["adjustments"][0]["to"], "449");
    assert_eq!(job["adjustments"][0]["source"], "Bilag B pkt. 1.2.1");

    let missing = price(bid(&report, "trin-for-trin"), "spor2");
    assert_eq!(missing["submitted"], Value::Null);
    assert_eq!(missing["evaluated"], "1300");
    assert_eq!(
        missing["adjustments"][0]["rule"],
        "missing-price-set-to-maximum"
    );

    let rounded = price(bid(&report, "trin-for-trin"), "spor1");
    // 8 + (371 − 370) × (0 − 8) / (430 − 370) = 8 − 8/60 = 7.8666…, rounded half-up: 7.87
    assert_eq!(rounded["points"], "7.87");
    assert_eq!(
        rounded["calculation"]["anchors"]["lower"],
        serde_json::json!({"price": "370", "points": "8"})
    );
    assert_eq!(
        rounded["calculation"]["anchors"]["upper"],
        serde_json::json!({"price": "430", "points": "0"})
    );
    assert!(
        rounded["calculation"]["exact"]
            .as_str()
            .unwrap()
            .starts_with("7.866666")
    );

    // Weighted points per criterion: kompas indsats 9 × 0.585 = 5.265.
    let kompas = bid(&report, "kompas");
    let indsats = kompas["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "indsats")
        .unwrap();
    assert_eq!(
        (indsats["points"].as_str(), indsats["weighted"].as_str()),
        (Some("9"), Some("5.265"))
    );
}

#[test]
fn table_shows_the_ranking_ties_and_every_adjustment() {
    let out = stdout(&score(&["--lang", "en"]).success());
    insta::assert_snapshot!("reference_table", out);
}

#[test]
fn markdown_report_for_the_memo() {
    let out = stdout(&score(&["--format", "md", "--lang", "en"]).success());
    insta::assert_snapshot!("reference_markdown", out);
}

/// The tender's `language` is Danish: without `--lang` the table and Markdown are Danish,
/// every sentence in the words of the memo (tilbudsgiver, afvist som ukonditionsmæssigt,
/// tilbudsfrist), amounts in kroner with a decimal comma.
#[test]
fn table_in_danish_by_default() {
    let out = stdout(&score(&[]).success());
    insta::assert_snapshot!("reference_table_da", out);
}

#[test]
fn markdown_in_danish_by_default() {
    let out = stdout(&score(&["--format", "md"]).success());
    insta::assert_snapshot!("reference_markdown_da", out);
}

/// `--lang en` overrides the tender's Danish; a tender with `language = "en"` is English
/// without it, and `--lang da` overrides that.
#[test]
fn the_language_is_the_tenders_unless_lang_says_otherwise() {
    let english = stdout(&score(&["--lang", "en"]).success());
    assert!(english.contains("│ Rank ┆ Bidder"), "{english}");
    assert!(!english.contains("Tilbudsgiver"), "{english}");
    let f = Fixture::reference();
    f.replace("tender.toml", "language = \"da\"", "language = \"en\"");
    let own = stdout(&f.run("score", &["--as-of", "0"]).success());
    assert_eq!(own, english, "English from the tender");
    let danish = stdout(&f.run("score", &["--as-of", "0", "--lang", "da"]).success());
    assert!(danish.contains("│ Nr. ┆ Tilbudsgiver"), "{danish}");
    assert!(danish.contains("Beregnet med tenderscore"), "{danish}");
}

#[test]
fn csv_opens_in_danish_excel() {
    let out = stdout(&score(&["--format", "csv"]).success());
    assert!(
        out.starts_with('\u{feff}'),
        "UTF-8 byte-order mark for Excel"
    );
    let header = out.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        header.starts_with("tender;version;rank;shared_by;bidder;bid;status;total;"),
        "{header}"
    );
    // Kompas: total 8.165 padded to the column's 4 decimals, with a decimal comma; every
    // row names the tender and the version scored (0, as published: `--as-of 0`).
    assert!(
        out.contains("\nkk-traedesten-2024;0;1;;Kompas Beskæftigelse ApS;kompas;ranked;8,1650;"),
        "{out}"
    );
    assert!(
        out.contains(
            "\nkk-traedesten-2024;0;4;3;Fælles Fodfæste I/S;faelles-fodfaeste;ranked;6,8000;"
        ),
        "{out}"
    );
    insta::assert_snapshot!("reference_csv", out);
}

#[test]
fn json_report_snapshot() {
    let out = stdout(&score(&["--format", "json"]).success());
    insta::assert_snapshot!("reference_json", out);
}

#[test]
fn reports_are_byte_identical_from_run_to_run() {
    for format in ["table", "csv", "json", "md"] {
        let first = score(&["--format", format])
            .success()
            .get_output()
            .stdout
            .clone();
        let second = score(&["--format", format])
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let fixture = Fixture::reference();
    let out = fixture
        .run("score", &["--format", "json", "--output", "report.json"])
        .success();
    assert!(stdout(&out).is_empty());
    let written = std::fs::read_to_string(fixture.root.path().join("report.json")).unwrap();
    assert!(written.contains("\"format\": \"tenderscore-evaluation\""));
}

#[test]
fn output_never_overwrites_an_input_file() {
    let fixture = Fixture::reference();
    let before = fixture.read("tender.toml");
    let out = fixture
        .run("score", &["--output", "tender/tender.toml"])
        .code(3);
    assert!(
        stderr(&out).contains("refusing to write tender/tender.toml: it is an input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fixture.read("tender.toml"), before);
    let bid_before = fixture.read("bids/kompas.toml");
    fixture
        .run("score", &["--output", "tender/bids/../bids/kompas.toml"])
        .code(3);
    assert_eq!(fixture.read("bids/kompas.toml"), bid_before);
}

#[test]
fn check_accepts_the_reference_tender() {
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["check", REFERENCE])
        .assert()
        .success();
    // The tender in force (version 2: Indsats 60 %, Samarbejde 40 % of Kvalitet 90 %) with
    // price points 0–8 against quality 0–10: 0.54 × 10 + 0.36 × 10 + 2 × 0.05 × 8 = 9.8;
    // Kvalitet 9 / 9.8 = 91.84 %, Indsats 5.4 / 9.8 = 55.10 %, Samarbejde 3.6 / 9.8 =
    // 36.73 %, Pris 0.8 / 9.8 = 8.16 %, each line 0.4 / 9.8 = 4.08 %.
    assert_eq!(
        stdout(&out),
        "ok: tender kk-traedesten-2024 in 3 version(s) with scoring model kk-minmax-8 and 13 bid(s): no problems found\n\
         note: Effective weights: the criteria's points range differently (Indsats 0–10, Samarbejde 0–10, Spor 1 dagspris 0–8, Spor 2 timepris 0–8), so their shares of the attainable spread of totals are (rounded half-up to 2 decimals): Kvalitet 91.84 % (stated 90 %); Indsats 55.1 % (stated 54 %); Samarbejde 36.73 % (stated 36 %); Pris 8.16 % (stated 10 %); Spor 1 dagspris 4.08 % (stated 5 %); Spor 2 timepris 4.08 % (stated 5 %)\n"
    );
}

#[test]
fn usage_errors_exit_with_two() {
    Command::cargo_bin("tenderscore")
        .unwrap()
        .args(["score"])
        .assert()
        .code(2);
    Command::cargo_bin("tenderscore")
        .unwrap()
        .args(["score", REFERENCE, "--format", "pdf"])
        .assert()
        .code(2);
}

/// Version 0 ties faelles-fodfaeste, lige-vilkaar and ny-start at 6.8. A tie-break on spor1
/// puts ny-start and lige-vilkaar (both 385 → 6 points, 0.3 weighted) ahead of
/// faelles-fodfaeste (400 → 4 points, 0.2); the two stay equal on spor1 and share rank 4.
#[test]
fn a_declared_tie_break_orders_the_tie() {
    let f = Fixture::reference();
    f.add_to_tender(
        "[ranking]\ntie_break = [\"spor1\"]\nsource = \"Udbudsbetingelserne pkt. 8 (fictional)\"",
    );
    let out = f
        .run("score", &["--format", "json", "--as-of", "0"])
        .success();
    let report: Value = json(&out);
    let rank = |id: &str| {
        report["bids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bid"] == id)
            .unwrap()["rank"]
            .as_u64()
    };
    assert_eq!(
        (
            rank("ny-start"),
            rank("lige-vilkaar"),
            rank("faelles-fodfaeste"),
            rank("vejen-frem")
        ),
        (Some(4), Some(4), Some(6), Some(7))
    );
    assert!(report["order"].as_str().unwrap().contains("tie-break (Udbudsbetingelserne pkt. 8 (fictional)): the higher weighted points on Spor 1 dagspris"));
    let table = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    assert!(table.contains("Ny Start ApS: the same total 6.8 as Fælles Fodfæste I/S; placed at rank 4 by the tie-break"), "{table}");
    // explain names the tie-break that was applied, never "no tie-break": ny-start shares
    // rank 4 with lige-vilkaar (equal on spor1 too); faelles-fodfaeste is placed 6th by it.
    let explain = |bid: &str, lang: &str| {
        stdout(
            &f.run("explain", &[bid, "--as-of", "0", "--lang", lang])
                .success(),
        )
    };
    let shared = explain("ny-start", "en");
    assert!(
        shared.contains("Rank 4 of 7 ranked bids, shared with Lige Vilkår ApS: the totals are exactly equal, and so are the points on the tie-break's criteria (Spor 1 dagspris): the tie-break does not separate them."),
        "{shared}"
    );
    assert!(!shared.contains("no tie-break"), "{shared}");
    let split = explain("faelles-fodfaeste", "en");
    assert!(
        split.contains("Rank 6 of 7 ranked bids: the total is exactly equal to that of Lige Vilkår ApS, Ny Start ApS; the tie-break (Spor 1 dagspris) decides the rank."),
        "{split}"
    );
    let delt = explain("ny-start", "da");
    assert!(
        delt.contains("Nr. 4 af 7 rangerede tilbud, delt med Lige Vilkår ApS: de samlede vurderinger er nøjagtig ens, og pointene på kriterierne i reglen for ligestilling (Spor 1 dagspris) er også ens, så reglen adskiller dem ikke."),
        "{delt}"
    );
    let adskilt = explain("faelles-fodfaeste", "da");
    assert!(
        adskilt.contains("Nr. 6 af 7 rangerede tilbud: den samlede vurdering er nøjagtig den samme som for Lige Vilkår ApS og Ny Start ApS; placeringen følger af reglen for ligestilling (Spor 1 dagspris)."),
        "{adskilt}"
    );

    // A tie-break criterion that does not exist is an input error.
    let g = Fixture::reference();
    g.add_to_tender("[ranking]\ntie_break = [\"spor9\"]");
    let messages = stderr(&g.run("check", &[]).code(1));
    assert!(
        messages.contains("tie-break criterion `spor9` is not a criterion of this tender"),
        "{messages}"
    );
}

/// A tender that rounds the total (only the total) to 1 decimal, half up, before ranking.
/// Version 0: kompas 8.165 → 8.2; trin-for-trin 6.9635 → 7.0; job-og-trivsel 6.915 → 6.9;
/// faelles-fodfaeste and ny-start 6.8 → 6.8; vejen-frem 6.515 → 6.5. A rounded total
/// carries the rule's one decimal ("7.0"); the exact total none it lacks. Point rounding of
/// the price lines (7.87) stays the model's.
#[test]
fn a_tender_may_round_the_total() {
    let f = Fixture::reference();
    f.add_to_tender("[ranking]\ntotal_rounding = { decimals = 1, rounding = \"half-up\" }");
    let report: Value = json(
        &f.run("score", &["--format", "json", "--as-of", "0"])
            .success(),
    );
    let totals: Vec<(&str, &str, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "ranked")
        .map(|b| {
            (
                b["bid"].as_str().unwrap(),
                b["total"].as_str().unwrap(),
                b["total_exact"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        totals,
        [
            ("kompas", "8.2", "8.165"),
            // Rounded by total_rounding to 1 decimal, so written with it.
            ("trin-for-trin", "7.0", "6.9635"),
            ("job-og-trivsel", "6.9", "6.915"),
            ("faelles-fodfaeste", "6.8", "6.8"),
            ("lige-vilkaar", "6.8", "6.8"),
            ("ny-start", "6.8", "6.8"),
            ("vejen-frem", "6.5", "6.515"),
        ]
    );
    let explained = stdout(
        &f.run(
            "explain",
            &["trin-for-trin", "--as-of", "0", "--lang", "en"],
        )
        .success(),
    );
    assert!(
        explained.contains(
            "= 6.9635 (the exact sum, rounded half-up to 1 decimals as the tender says: 7.0;"
        ),
        "{explained}"
    );
}

/// The same bid twice (a copied file) was scored twice without a word, and `explain` by
/// bidder name picked one of them.
#[test]
fn the_same_bidder_twice_is_set_aside_for_review_with_both_files_named() {
    let fixture = Fixture::reference();
    let kompas = fixture.read("bids/kompas.toml");
    fixture.write("bids/kompas-kopi.toml", &kompas);
    let report = crate::fixture::json(&fixture.run("score", &["--format", "json"]).success());
    for (bid, other) in [("kompas", "kompas-kopi"), ("kompas-kopi", "kompas")] {
        let entry = crate::fixture::bid(&report, bid);
        assert_eq!(entry["status"], "review", "{bid}");
        let finding = &entry["findings"][0];
        assert_eq!(finding["rule"], "duplicate-bid");
        let reason = finding["reason"].as_str().unwrap();
        assert!(
            reason.contains(&format!("bids/{other}.toml (the same CVR number)")),
            "{reason}"
        );
    }
    let out = fixture
        .run("explain", &["Kompas Beskæftigelse ApS"])
        .code(2);
    assert!(
        stderr(&out).contains("fits more than one bid: kompas, kompas-kopi"),
        "{}",
        stderr(&out)
    );
}

/// Text from a bidder's file that Excel would run as a formula is written as text: a
/// leading apostrophe before `=`, `+`, `-` and `@`, in `score` and `rejections` alike; the
/// tool's own numbers are untouched.
#[test]
fn csv_cells_from_bidders_cannot_become_formulas() {
    let f = Fixture::reference();
    f.replace(
        "bids/kompas.toml",
        "bidder = \"Kompas Beskæftigelse ApS\"",
        "bidder = \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    f.replace(
        "bids/arbejdsglaede.toml",
        "bidder = \"Arbejdsglæde ApS\"",
        "bidder = \"@SUM(A1)\"",
    );
    let out = stdout(&f.run("score", &["--format", "csv"]).success());
    assert!(
        out.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";kompas;"),
        "{out}"
    );
    assert!(!out.contains(";=HYPERLINK"), "{out}");
    let rejections = stdout(&f.run("rejections", &["--format", "csv"]).success());
    assert!(
        rejections.contains(";'@SUM(A1);arbejdsglaede;"),
        "{rejections}"
    );
}

/// A bidder's words cannot rewrite a report: in Markdown a quote with backticks and line
/// breaks stays on its line, its backticks escaped, and starts no heading; on a terminal an escape sequence in
/// a bidder's name is shown as `�`, not acted on.
#[test]
fn bidder_text_cannot_rewrite_markdown_or_the_terminal() {
    let f = Fixture::reference();
    f.replace(
        "bids/arbejdsglaede.toml",
        "\"Opstart af forløb sker senest 15 hverdage efter bestilling.\"",
        "\"a `b` c\\n\\n# Heading injected\"",
    );
    f.replace(
        "bids/kompas.toml",
        "bidder = \"Kompas Beskæftigelse ApS\"",
        "bidder = \"Kompas\\u001b[31m Red\\r\"",
    );
    for command in ["score", "rejections"] {
        let md = stdout(&f.run(command, &["--format", "md"]).success());
        assert!(!md.lines().any(|l| l.starts_with("# Heading")), "{md}");
        assert!(md.contains("„a \\`b\\` c  # Heading injected“"), "{md}");
    }
    let table = stdout(&f.run("score", &[]).success());
    assert!(
        !table.contains('\u{1b}') && !table.contains('\r'),
        "{table}"
    );
    assert!(table.contains("Kompas\u{FFFD}[31m Red\u{FFFD}"), "{table}");
    let explained = stdout(&f.run("explain", &["kompas"]).success());
    assert!(!explained.contains('\u{1b}'), "{explained}");
}

/// `[prices.abnormally_low]`: a price far below the others is set aside for review (an
/// explanation under udbudsloven § 169), never rejected by the rule alone; the
/// authority's decision to accept the explanation ranks it again.
#[test]
fn an_abnormally_low_price_is_set_aside_for_an_explanation() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[conformity]",
        "[prices.abnormally_low]\nbelow_mean_of_others = 6\nbelow_next_lowest = 4\nsource = \"Udbudsloven § 169\"\n\n[conformity]",
    );
    let report = json(&f.run("score", &["-q", "-f", "json"]).success());
    // Spor 1, the seven bids otherwise scored: 373 + 449 + 371 + 400 + 385 + 385 + 370 =
    // 2 733. Vejen Frem's 370 against the others' mean (2 733 − 370) / 6 = 393,83…: 370 <
    // 393,83 × 0,94 = 370,20, so flagged; Trin for Trin's 371 against 393,67 × 0,94 =
    // 370,05 is not. Spor 2: 1 300 + 1 150 + 1 300 + 1 150 + 1 200 + 1 200 + 1 100 =
    // 8 400; Vejen Frem's 1 100 against (8 400 − 1 100) / 6 = 1 216,67 × 0,94 = 1 143,67,
    // flagged (1 150 against 1 208,33 × 0,94 = 1 135,83 is not); and against the next
    // lowest 1 150: 1 100 < 1 150 × 0,96 = 1 104, flagged again.
    let vejen = bid(&report, "vejen-frem");
    assert_eq!(vejen["status"], "review", "{vejen}");
    let rules: Vec<&str> = vejen["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule"))
        .collect();
    assert_eq!(rules, ["abnormally-low-price"; 3]);
    let reasons: Vec<&str> = vejen["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["reason"].as_str().expect("reason"))
        .collect();
    assert!(reasons[0].contains("370 on spor1"), "{reasons:?}");
    assert!(
        reasons[2].contains("below 1150, the next lowest"),
        "{reasons:?}"
    );
    assert_eq!(bid(&report, "trin-for-trin")["status"], "ranked");
    // The others keep their points under the fixed-anchor model: Kompas still 8,125.
    assert_eq!(bid(&report, "kompas")["total"], "8.125");

    // The authority accepts the explanation: ranked again, with its 6,56.
    f.write(
        "decisions.toml",
        "[[decisions]]\nbid = \"vejen-frem\"\nrule = \"abnormally-low-price\"\n\
         decision = \"accepted\"\nby = \"Anna Jensen\"\ndate = 2023-10-06\n\
         reason = \"Prisen er forklaret ved lavere husleje.\"\n",
    );
    let report = json(&f.run("score", &["-q", "-f", "json"]).success());
    assert_eq!(bid(&report, "vejen-frem")["status"], "ranked");
    assert_eq!(bid(&report, "vejen-frem")["total"], "6.56");
}

#[test]
fn an_abnormally_low_test_out_of_range_is_an_input_error() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[conformity]",
        "[prices.abnormally_low]\nbelow_mean_of_others = 100\n\n[conformity]",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains("prices.abnormally_low.below_mean_of_others"),
        "{err}"
    );
    assert!(err.contains("above 0 and below 100"), "{err}");
}

/// A tie of many bids is named once in JSON, and each bid's note names at most five of
/// the others and counts the rest: nine copies of ny-start (385 → 6, 1200 → 4, 7/7: 6.8)
/// join faelles-fodfaeste, lige-vilkaar and ny-start on 6.8, so twelve bids share rank 4;
/// each has 11 others, 5 named and "6 others" counted.
#[test]
fn a_large_tie_is_named_once_and_counted_in_notes() {
    let f = Fixture::reference();
    let ny_start = f.read("bids/ny-start.toml");
    for n in 1..=9 {
        // Another bidder each (name and CVR number), else they are one bidder's duplicates.
        let copy = ny_start
            .replace("Ny Start ApS", &format!("Ny Start {n} ApS"))
            .replace("40112233", &format!("5011223{n}"));
        f.write(&format!("bids/ny-start-{n}.toml"), &copy);
    }
    let report = json(
        &f.run("score", &["--as-of", "0", "--format", "json"])
            .success(),
    );
    let ties = report["ties"].as_array().unwrap();
    assert_eq!(ties.len(), 1, "{ties:?}");
    assert_eq!(ties[0]["rank"], 4);
    assert_eq!(ties[0]["bids"].as_array().unwrap().len(), 12);
    let table = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    let note = table
        .lines()
        .find(|l| l.contains("Ny Start 9 ApS") && l.contains("tie on the total"))
        .unwrap_or_else(|| panic!("{table}"));
    // In ranking order (bidder name): Fælles Fodfæste, Lige Vilkår, Ny Start, Ny Start 1…
    assert!(
        note.contains("Fælles Fodfæste I/S, Lige Vilkår ApS, Ny Start 1 ApS"),
        "{note}"
    );
    assert!(note.contains(", 6 others;"), "{note}");
    assert_eq!(
        note.matches("ApS").count() + note.matches("I/S").count(),
        6,
        "{note}"
    );
}
