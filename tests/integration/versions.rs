//! Rettelsesblade: versions of a tender, `score --as-of`, bad changes, the legal check.

use assert_cmd::Command;
use serde_json::Value;

use crate::fixture::{Fixture, REFERENCE, json, line_of, repo, stderr, stdout};

fn score_json(args: &[&str]) -> Value {
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["score", REFERENCE, "--format", "json"])
        .args(args)
        .assert()
        .success();
    json(&out)
}

fn ranked(report: &Value) -> Vec<(String, u64, String)> {
    report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "ranked")
        .map(|b| {
            (
                b["bid"].as_str().unwrap().into(),
                b["rank"].as_u64().unwrap(),
                b["total"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn rows(expected: &[(&str, u64, &str)]) -> Vec<(String, u64, String)> {
    expected
        .iter()
        .map(|(b, r, t)| (b.to_string(), *r, t.to_string()))
        .collect()
}

/// Rettelsesblad 1 raises spor1's maximum from 430 to 450, so spor1 points are
/// 8 − (p − 370) × 8 / 80. Weights stay 0.585 / 0.315 / 0.05 / 0.05.
#[test]
fn version_1_moves_bids_across_the_new_band() {
    let report = score_json(&["--as-of", "1"]);
    assert_eq!(report["version"]["number"], 1);
    assert_eq!(report["version"]["latest"], false);
    assert_eq!(
        ranked(&report),
        rows(&[
            // kompas 373 → 7.70: 5.265 + 2.52 + 0.385 + 0 = 8.17
            ("kompas", 1, "8.17"),
            // trin-for-trin 371 → 7.90: 4.68 + 1.89 + 0.395 + 0 = 6.965
            ("trin-for-trin", 2, "6.965"),
            // job-og-trivsel 448.05 → 449, now inside the band → 8 − 7.9 = 0.10:
            // 4.095 + 2.52 + 0.005 + 0.3 = 6.92
            ("job-og-trivsel", 3, "6.92"),
            // faelles-fodfaeste 400 → 5.00: 6.3 + 0.25 + 0.3 = 6.85
            ("faelles-fodfaeste", 4, "6.85"),
            // lige-vilkaar (384.20 → 385) and ny-start 385 → 6.50: 6.3 + 0.325 + 0.2 = 6.825
            // each; faelles-fodfaeste has left their tie of version 0
            ("lige-vilkaar", 5, "6.825"),
            ("ny-start", 5, "6.825"),
            // vejen-frem 370 → 8: 3.51 + 2.205 + 0.4 + 0.4 = 6.515
            ("vejen-frem", 7, "6.515"),
        ])
    );
    let job = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "job-og-trivsel")
        .unwrap();
    let rules: Vec<&str> = job["prices"][0]["adjustments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["whole-kroner"], "449 is no longer lowered");
}

/// Rettelsesblad 2 then sets indsats 60 % and samarbejde 40 %: shares 0.54 and 0.36.
#[test]
fn the_latest_version_is_scored_by_default() {
    let report = score_json(&[]);
    assert_eq!(report["version"]["number"], 2);
    assert_eq!(report["version"]["latest"], true);
    let applied: Vec<u64> = report["version"]["rettelsesblade"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_u64().unwrap())
        .collect();
    assert_eq!(applied, [1, 2]);
    assert_eq!(
        ranked(&report),
        rows(&[
            // 0.54 × 9 + 0.36 × 8 + 0.05 × 7.70 = 4.86 + 2.88 + 0.385 = 8.125
            ("kompas", 1, "8.125"),
            // 3.78 + 2.88 + 0.005 + 0.3 = 6.965
            ("job-og-trivsel", 2, "6.965"),
            // 4.32 + 2.16 + 0.395 = 6.875
            ("trin-for-trin", 3, "6.875"),
            // 3.78 + 2.52 + 0.25 + 0.3 = 6.85
            ("faelles-fodfaeste", 4, "6.85"),
            // 3.78 + 2.52 + 0.325 + 0.2 = 6.825, lige-vilkaar and ny-start alike: still a tie
            ("lige-vilkaar", 5, "6.825"),
            ("ny-start", 5, "6.825"),
            // 3.24 + 2.52 + 0.4 + 0.4 = 6.56
            ("vejen-frem", 7, "6.56"),
        ])
    );
    assert_eq!(score_json(&["--as-of", "2"]), report);
}

#[test]
fn every_report_names_its_version() {
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["score", REFERENCE, "--as-of", "1", "--lang", "en"])
        .assert()
        .success();
    assert!(stdout(&out).contains("Version 1: after rettelsesblad 1 of 15 September 2023 (Ændret maksimalpris for indsatsspor 1) (not the latest version)"));
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args([
            "score", REFERENCE, "--as-of", "0", "--format", "md", "--lang", "en",
        ])
        .assert()
        .success();
    assert!(stdout(&out).contains(
        "Version 0: the tender as published, no rettelsesblade applied (not the latest version)"
    ));
}

#[test]
fn a_version_that_does_not_exist_is_a_usage_error() {
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["score", REFERENCE, "--as-of", "3"])
        .assert()
        .code(2);
    assert!(stderr(&out).contains("there is no version 3: the versions are 0 (as published) to 2"));
}

#[test]
fn a_change_with_a_bad_path_names_the_rettelsesblad_line_and_field() {
    let f = Fixture::reference();
    f.replace(
        "rettelsesblade/01-maksimalpris-spor1.toml",
        "criteria.spor1.max",
        "criteria.spor3.max",
    );
    let text = f.read("rettelsesblade/01-maksimalpris-spor1.toml");
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(messages.contains("error[E302]: cannot change `criteria.spor3.max` in tender.toml: `criteria.spor3` does not exist; there is: kvalitet, indsats, samarbejde, pris, spor1, spor2"), "{messages}");
    let line = line_of(&text, "criteria.spor3.max");
    assert!(
        messages.contains(&format!(
            "tender/rettelsesblade/01-maksimalpris-spor1.toml:{line}:"
        )),
        "{messages}"
    );
    assert!(messages.contains("field: changes.path"), "{messages}");
}

#[test]
fn a_change_that_makes_the_tender_invalid_is_rejected() {
    let f = Fixture::reference();
    // 60 + 35 = 95 %: forget the second change of rettelsesblad 2.
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "value = 40",
        "value = 35",
    );
    let messages = stderr(&f.run("score", &[]).code(1));
    assert!(messages.contains("error[E101]: the weights of the criteria under `kvalitet` (indsats, samarbejde) sum to 60 + 35 = 95 %, not 100 %"), "{messages}");
    assert!(
        messages.contains("tender/tender.toml as amended by rettelsesblade 1–2 (version 2):"),
        "{messages}"
    );

    let g = Fixture::reference();
    // A maximum below the minimum.
    g.replace(
        "rettelsesblade/01-maksimalpris-spor1.toml",
        "value = 450",
        "value = 360",
    );
    let messages = stderr(&g.run("check", &[]).code(1));
    assert!(
        messages.contains(
            "price line `spor1`: the minimum price (370) is not below the maximum price (360)"
        ),
        "{messages}"
    );
    assert!(messages.contains("(version 1)"), "{messages}");
}

#[test]
fn rettelsesblade_must_be_numbered_without_gaps() {
    let f = Fixture::reference();
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "number = 2",
        "number = 3",
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains(
            "error[E301]: rettelsesblad number 3 where number 2 was expected (numbers found: 1, 3)"
        ),
        "{messages}"
    );
}

#[test]
fn the_order_of_the_files_does_not_matter_only_the_numbers() {
    let f = Fixture::reference();
    // Swap the file names: 01-* now holds number 2 and 02-* number 1.
    let one = f.read("rettelsesblade/01-maksimalpris-spor1.toml");
    let two = f.read("rettelsesblade/02-vaegtning-kvalitet.toml");
    f.write("rettelsesblade/01-maksimalpris-spor1.toml", &two);
    f.write("rettelsesblade/02-vaegtning-kvalitet.toml", &one);
    let swapped: Value = json(&f.run("score", &["--format", "json"]).success());
    let original = score_json(&[]);
    assert_eq!(swapped["bids"], original["bids"]);
    assert_eq!(swapped["tender"], original["tender"]);
}

#[test]
fn a_late_change_to_the_evaluation_is_flagged() {
    let f = Fixture::reference();
    // 2023-09-28 is 4 days before the deadline of 2023-10-02.
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "date = 2023-09-22",
        "date = 2023-09-28",
    );
    // Legal flags go to standard error, like warnings.
    let out = stderr(&f.run("check", &[]).success());
    assert!(out.contains("legal check: rettelsesblad 2 of 2023-09-28 changes the evaluation (criteria.indsats.weight, criteria.samarbejde.weight) 4 days before the submission deadline 2023-10-02T12:00:00+02:00 (less than 6): this may require a new deadline or a new tender"), "{out}");
    let report: Value = json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(report["legal_flags"][0]["days_before_deadline"], 4);
    // The JSON keeps the paths changed; the reports people read say what changed.
    assert_eq!(
        report["legal_flags"][0]["paths"],
        serde_json::json!(["criteria.indsats.weight", "criteria.samarbejde.weight"])
    );
    let danish = "Rettelsesblad nr. 2 af 28. september 2023 ændrer evalueringen (vægten af \
                  »Indsats« og vægten af »Samarbejde«) 4 dage før tilbudsfristen, dvs. mindre end \
                  6 dage før.";
    let english = "Rettelsesblad no. 2 of 28 September 2023 changes the evaluation (the weight of \
                   “Indsats” and the weight of “Samarbejde”) 4 days before the submission \
                   deadline, less than 6 days.";
    let memo = stdout(&f.run("memo", &["-o", "-"]).success());
    assert!(memo.contains(danish), "{memo}");
    let table = stdout(&f.run("score", &[]).success());
    assert!(
        table.contains(&format!("JURIDISK KONTROL: {danish}")),
        "{table}"
    );
    let table = stdout(&f.run("score", &["--lang", "en"]).success());
    assert!(
        table.contains(&format!("LEGAL CHECK: {english}")),
        "{table}"
    );
    for lang in ["da", "en"] {
        let rescored = stdout(&f.run_path("rescore", "tender", &["--lang", lang]).success());
        assert!(
            rescored.contains(if lang == "da" { danish } else { english }),
            "{rescored}"
        );
        assert!(!rescored.contains("criteria."), "{rescored}");
    }
    // Version 1 came before the late rettelsesblad: no flag there.
    let report: Value = json(
        &f.run("score", &["--format", "json", "--as-of", "1"])
            .success(),
    );
    assert_eq!(report["legal_flags"], serde_json::json!([]));
}

#[test]
fn a_change_to_the_model_amends_the_model_of_that_version() {
    let f = Fixture::reference();
    f.write(
        "rettelsesblade/03-model.toml",
        "number = 3\ndate = 2023-09-20\ntitle = \"Pointskala for pris\"\nreference = \"Rettelsesblad nr. 3\"\n\n[[changes]]\npath = \"model.anchors.1.points\"\nvalue = 10\n",
    );
    let report: Value = json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(report["tender"]["model"]["anchors"][0]["points"], "10");
    // vejen-frem at the minimum on both lines: 10 points each. 3.24 + 2.52 + 0.5 + 0.5 = 6.76
    let vejen = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "vejen-frem")
        .unwrap();
    assert_eq!(vejen["total"], "6.76");
    // The best total is now 0.9 × 10 + 0.1 × 10 = 10.
    assert_eq!(report["tender"]["total_bounds"]["max"], "10");
}

/// A rettelsesblad numbered 4294967296 (one above u32) was dropped without a word, and the
/// published tender scored.
#[test]
fn a_rettelsesblad_number_too_large_is_reported_not_dropped() {
    let f = Fixture::reference();
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "number = 2",
        "number = 4294967296",
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("error[E301]: rettelsesblad number 4294967296 is above 999"),
        "{messages}"
    );
    f.run("score", &[]).code(1);
}

/// A late rettelsesblad that raises the minimum quality rejects bids; the legal check
/// looked at a hand-picked list of paths and flagged nothing.
#[test]
fn a_late_rettelsesblad_raising_the_minimum_quality_is_flagged() {
    let f = Fixture::reference();
    f.add_to_tender("[quality]\nmin_total = 10");
    f.write(
        "rettelsesblade/03-minimum.toml",
        "number = 3\ndate = 2023-10-01\ntitle = \"Mindstekrav\"\nreference = \"Rettelsesblad nr. 3\"\n\n[[changes]]\npath = \"quality.min_total\"\nvalue = 70\n",
    );
    let out = stderr(&f.run("check", &[]).success());
    assert!(
        out.contains("legal check: rettelsesblad 3 of 2023-10-01 changes the evaluation (quality.min_total) 1 day before"),
        "{out}"
    );
}

/// A bad value set by a rettelsesblad was shown only in the amended tender.toml; the
/// problem now also names the rettelsesblad file and line that wrote it.
#[test]
fn a_bad_value_set_by_a_rettelsesblad_names_the_rettelsesblad_and_its_line() {
    let f = Fixture::reference();
    f.replace(
        "rettelsesblade/01-maksimalpris-spor1.toml",
        "value = 450",
        "value = 360",
    );
    let text = f.read("rettelsesblade/01-maksimalpris-spor1.toml");
    let line = line_of(&text, "path = \"criteria.spor1.max\"");
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("error[E104]: price line `spor1`: the minimum price (370) is not below the maximum price (360)"),
        "{messages}"
    );
    assert!(
        messages.contains(&format!(
            "the value was set by the change at tender/rettelsesblade/01-maksimalpris-spor1.toml:{line}"
        )),
        "{messages}"
    );
    assert_eq!(messages.matches("error[E104]").count(), 1, "listed once");
}

/// A path that tries to leave the document said "the path is empty".
#[test]
fn a_change_path_that_tries_to_leave_the_document_says_so() {
    let f = Fixture::reference();
    f.replace(
        "rettelsesblade/01-maksimalpris-spor1.toml",
        "criteria.spor1.max",
        "../../scoring-models/kk-minmax-8",
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("`../../scoring-models/kk-minmax-8` is not a path inside the document"),
        "{messages}"
    );
}

/// `check --strict` fails (exit 4) on a legal flag or a warning, for scripts; without
/// `--strict` they do not stop the run.
#[test]
fn check_strict_fails_on_a_legal_flag() {
    let f = Fixture::reference();
    f.run("check", &["--strict"]).success();
    f.replace(
        "rettelsesblade/02-vaegtning-kvalitet.toml",
        "date = 2023-09-22",
        "date = 2023-09-28",
    );
    f.run("check", &[]).success();
    let out = stderr(&f.run("check", &["--strict"]).code(4));
    assert!(
        out.contains("check --strict: 1 warning(s) or legal flag(s) above"),
        "{out}"
    );
}

/// Rettelsesblad 3 adds a third price line (2 000–3 000, weight 20 %; Spor 1 and Spor 2
/// down to 40 % each); rettelsesblad 4 removes it again and restores 50/50.
fn with_a_price_line_added_and_removed() -> Fixture {
    let f = Fixture::reference();
    f.write(
        "rettelsesblade/03-ny-prislinje.toml",
        r#"number = 3
date = 2023-09-25
title = "Ny prislinje: opfølgning efter job"
reference = "Rettelsesblad nr. 3 til bilag B"

[[changes]]
add = "criteria"
value = { id = "spor3", name = "Opfølgning, pris pr. måned", parent = "pris", kind = "price", unit = "måned", min = 2000, max = 3000, weight = 20, source = "Bilag B pkt. 1.2.1, tabel 1" }

[[changes]]
path = "criteria.spor1.weight"
value = 40

[[changes]]
path = "criteria.spor2.weight"
value = 40
"#,
    );
    f.write(
        "rettelsesblade/04-prislinje-udgaar.toml",
        r#"number = 4
date = 2023-09-26
title = "Prislinjen for opfølgning udgår"
reference = "Rettelsesblad nr. 4 til bilag B"

[[changes]]
remove = "criteria.spor3"

[[changes]]
path = "criteria.spor1.weight"
value = 50

[[changes]]
path = "criteria.spor2.weight"
value = 50
"#,
    );
    // Kompas prices the new line; a price for a line of another version is no problem in
    // the versions without it. Every other bid leaves it out: the maximum, 0 points.
    f.replace(
        "bids/kompas.toml",
        "spor2 = 1350",
        "spor2 = 1350\nspor3 = 2000",
    );
    f
}

#[test]
fn a_rettelsesblad_adds_a_price_line_and_another_removes_it() {
    let f = with_a_price_line_added_and_removed();
    let total = |version: &str, bid: &str| {
        let report = json(
            &f.run("score", &["-q", "-f", "json", "--as-of", version])
                .success(),
        );
        crate::fixture::bid(&report, bid)["total"].clone()
    };
    // Version 3: Indsats 54 %, Samarbejde 36 %, Pris 10 % = spor1 40 % + spor2 40 % + spor3 20 %.
    // Kompas: spor3 2 000 = the minimum → 8 points; price 0.4 × 7.70 + 0.4 × 0 + 0.2 × 8 =
    // 4.68; total 0.54 × 9 + 0.36 × 8 + 0.1 × 4.68 = 4.86 + 2.88 + 0.468 = 8.208.
    assert_eq!(total("3", "kompas"), "8.208");
    // Job & Trivsel gives no spor3 price: the maximum 3 000, 0 points; price 0.4 × 0.10 +
    // 0.4 × 6.00 = 2.44; total 3.78 + 2.88 + 0.244 = 6.904.
    assert_eq!(total("3", "job-og-trivsel"), "6.904");
    // Version 4: as version 2 again (8.125 and 6.965), Kompas's spor3 price passed over.
    assert_eq!(total("4", "kompas"), "8.125");
    assert_eq!(total("2", "job-og-trivsel"), "6.965");
    let report = json(&f.run_path("rescore", "tender", &["-f", "json"]).success());
    let steps = report["tenders"][0]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
    assert!(
        steps[2]["bids"]
            .to_string()
            .contains(r#"{"field":"spor3 evaluated","before":null,"after":"2000"}"#),
        "{}",
        steps[2]
    );
    let json = json(
        &f.run("score", &["-q", "-f", "json", "--as-of", "3"])
            .success(),
    );
    assert_eq!(
        json["version"]["rettelsesblade"][2]["changes"][0]["path"],
        "criteria"
    );
}

#[test]
fn additions_and_removals_that_cannot_be_made_are_reported() {
    for (change, says) in [
        // An id the list has already.
        (
            "add = \"criteria\"\nvalue = { id = \"spor1\", weight = 1 }",
            "`criteria` already has an entry with id `spor1`",
        ),
        (
            "add = \"scale\"\nvalue = { id = \"x\" }",
            "`scale` is not a list of tables",
        ),
        (
            "add = \"criteria\"\nvalue = 5",
            "the value to add must be a table",
        ),
        (
            "remove = \"criteria.spor9\"",
            "`criteria.spor9` does not exist; there is: kvalitet, indsats",
        ),
        (
            "remove = \"criteria.spor1\"\nvalue = 1",
            "a removal takes no `value`",
        ),
        (
            "add = \"criteria\"",
            "this change has no `value` for `criteria`",
        ),
        (
            "path = \"scale.max\"\nremove = \"scale.min\"",
            "a change needs exactly one of `path`, `add` and `remove`",
        ),
    ] {
        let f = Fixture::reference();
        f.write(
            "rettelsesblade/03-x.toml",
            &format!("number = 3\ndate = 2023-09-25\ntitle = \"x\"\nreference = \"x\"\n\n[[changes]]\n{change}\n"),
        );
        let err = stderr(&f.run("check", &[]).code(1));
        assert!(err.contains(says), "{change}: {err}");
    }
    // Removing a price line without moving its weight: the weights under Pris no longer
    // sum to 100 % (50 %), validated like the published tender.
    let f = Fixture::reference();
    f.write(
        "rettelsesblade/03-x.toml",
        "number = 3\ndate = 2023-09-25\ntitle = \"x\"\nreference = \"x\"\n\n[[changes]]\nremove = \"criteria.spor2\"\n",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains(
            "error[E101]: the weights of the criteria under `pris` (spor1) sum to 50 = 50 %"
        ),
        "{err}"
    );
    // The contract still pays the line removed: reported in that version.
    assert!(
        err.contains("error[E201]: the tender has no price line `spor2`"),
        "{err}"
    );
    // The bids' spor2 prices stand in a version without spor2: passed over there, since
    // the earlier versions have the line. No bid file is named.
    assert!(!err.contains("tender/bids/"), "{err}");
}

/// The problems `check` finds, each of them in version 3, after a rettelsesblad 3 that
/// makes one change (`path` set to `value`) on top of the reference's rettelsesblade 1
/// and 2, which change only a band and weights and so leave every bid as validated.
fn found_in_version_3(path: &str, value: &str) -> String {
    let f = Fixture::reference();
    f.write(
        "rettelsesblade/03-aendring.toml",
        &format!(
            "number = 3\ndate = 2023-09-01\ntitle = \"Ændring\"\nreference = \"Rettelsesblad nr. 3\"\n\n[[changes]]\npath = \"{path}\"\nvalue = {value}\n"
        ),
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("in: version 3 (after rettelsesblade 1–3)"),
        "{messages}"
    );
    messages
}

/// Rettelsesblad 3 lowers the scale to 0–8, so each 9 given in a bid is out of it from
/// version 3 on, and is found there.
#[test]
fn a_rettelsesblad_that_narrows_the_scale_finds_the_points_outside_it() {
    let messages = found_in_version_3("scale.max", "8");
    assert!(
        messages.contains("9 points is outside the scale 0–8"),
        "{messages}"
    );
}

/// Rettelsesblad 3 moves the deadline from 12:00 to 12:30, which no bid is validated
/// against: Sen Levering's bid of 12:07, late and so not read until then, is on time in
/// version 3, where its quality is read and found to have no points.
#[test]
fn a_later_deadline_reads_the_quality_of_a_bid_no_longer_late() {
    let messages = found_in_version_3("deadline", "2023-10-02T12:30:00+02:00");
    assert!(
        messages.contains("bid has no points for quality criterion `indsats`"),
        "{messages}"
    );
    assert!(messages.contains("sen-levering.toml"), "{messages}");
}
