//! `rescore` over one tender and over a batch of tenders.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use crate::fixture::{REFERENCE, copy_dir, json, repo, stderr, stdout};

fn rescore_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(dir)
        .arg("rescore")
        .args(args)
        .assert()
}

fn change<'a>(step: &'a Value, bid: &str, field: &str) -> (&'a Value, &'a Value) {
    let bid = step["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == bid)
        .expect("bid changed");
    let c = bid["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == field)
        .expect("field changed");
    (&c["before"], &c["after"])
}

#[test]
fn the_reference_tender_shows_what_each_rettelsesblad_changed() {
    let out = rescore_in(&repo(), &[REFERENCE, "--format", "json"]).success();
    assert!(
        stderr(&out).is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    let report = json(&out);
    assert_eq!(report["summary"]["tenders"], 1);
    assert_eq!(report["summary"]["versions"], 3);
    assert_eq!(report["summary"]["winner_changed"], serde_json::json!([]));
    assert_eq!(
        report["summary"]["ranking_changed"],
        serde_json::json!(["kk-traedesten-2024"])
    );
    let steps = report["tenders"][0]["steps"].as_array().unwrap();
    // Rettelsesblad 1 (spor1 max 430 → 450): 449 is no longer lowered to 430, and its points
    // go from 0.00 to 8 − (449 − 370) × 8 / 80 = 0.10; the tie at 6.8 splits into 6.85 and 6.825.
    assert_eq!(
        change(&steps[0], "job-og-trivsel", "spor1 evaluated"),
        (&Value::from("430"), &Value::from("449"))
    );
    assert_eq!(
        change(&steps[0], "job-og-trivsel", "spor1 points"),
        (&Value::from("0.00"), &Value::from("0.10"))
    );
    assert_eq!(
        change(&steps[0], "ny-start", "rank"),
        (&Value::from("4"), &Value::from("5"))
    );
    assert_eq!(steps[0]["winner_changed"], false);
    // Rettelsesblad 2 (indsats 60 %, samarbejde 40 %): job-og-trivsel 6.92 → 6.965 passes
    // trin-for-trin 6.965 → 6.875.
    assert_eq!(
        change(&steps[1], "job-og-trivsel", "rank"),
        (&Value::from("3"), &Value::from("2"))
    );
    assert_eq!(
        change(&steps[1], "trin-for-trin", "total"),
        (&Value::from("6.965"), &Value::from("6.875"))
    );
    assert_eq!(steps[1]["winners_after"], serde_json::json!(["kompas"]));
}

/// Three copies of the reference tender: `a` without rettelsesblade, `b` as shipped, and
/// `c` with a third rettelsesblad that turns the weights around (kvalitet 10 %, pris 90 %).
fn batch() -> TempDir {
    let root = TempDir::new().unwrap();
    copy_dir(
        &repo().join("scoring-models"),
        &root.path().join("scoring-models"),
    );
    for name in ["a", "b", "c"] {
        let dir = root.path().join("tenders").join(name);
        copy_dir(&repo().join(REFERENCE), &dir);
        let tender = std::fs::read_to_string(dir.join("tender.toml")).unwrap();
        std::fs::write(
            dir.join("tender.toml"),
            tender.replace(
                "id = \"kk-traedesten-2024\"",
                &format!("id = \"tender-{name}\""),
            ),
        )
        .unwrap();
    }
    std::fs::remove_dir_all(root.path().join("tenders/a/rettelsesblade")).unwrap();
    std::fs::write(
        root.path().join("tenders/c/rettelsesblade/03-pris.toml"),
        "number = 3\ndate = 2023-09-23\ntitle = \"Pris vægter 90 %\"\nreference = \"RB 3\"\n\n\
         [[changes]]\npath = \"criteria.kvalitet.weight\"\nvalue = 10\n\n\
         [[changes]]\npath = \"criteria.pris.weight\"\nvalue = 90\n",
    )
    .unwrap();
    root
}

#[test]
fn a_batch_summary_lists_the_tenders_whose_winner_or_ranking_changed() {
    let root = batch();
    let report = json(&rescore_in(root.path(), &["tenders", "--format", "json"]).success());
    let ids: Vec<&str> = report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tender"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tender-a", "tender-b", "tender-c"]);
    // a: version 0 only; b and c: 3 and 4 versions.
    assert_eq!(report["summary"]["versions"], 1 + 3 + 4);
    assert_eq!(
        report["summary"]["ranking_changed"],
        serde_json::json!(["tender-b", "tender-c"])
    );
    // In c, version 3: shares indsats 0.1 × 0.6 = 0.06, samarbejde 0.04, spor1 and spor2
    // 0.45. vejen-frem: 0.36 + 0.28 + 3.6 + 3.6 = 7.84; kompas: 0.54 + 0.32 + 0.45 × 7.70
    // + 0 = 4.325. The winner moves from kompas to vejen-frem.
    assert_eq!(
        report["summary"]["winner_changed"],
        serde_json::json!(["tender-c"])
    );
    let step = &report["tenders"][2]["steps"][2];
    assert_eq!(
        (&step["winners_before"], &step["winners_after"]),
        (
            &serde_json::json!(["kompas"]),
            &serde_json::json!(["vejen-frem"])
        )
    );
    assert_eq!(
        change(step, "vejen-frem", "total"),
        (&Value::from("6.56"), &Value::from("7.84"))
    );
    assert_eq!(
        change(step, "kompas", "total"),
        (&Value::from("8.125"), &Value::from("4.325"))
    );

    // The tenders are Danish (no `language`): the table is Danish, bidders named.
    let table = stdout(&rescore_in(root.path(), &["tenders"]).success());
    // The summary: counts in one line, each list in its own section.
    assert!(
        table.contains(
            "3 udbud, 8 versioner evalueret: vinderen er ændret i 1, tildelingen er ændret i 0, rangordenen er ændret i 2"
        ),
        "{table}"
    );
    assert!(
        table.contains("Vinderen er ændret (1):\n  tender-c\n"),
        "{table}"
    );
    assert!(
        table.contains("VINDEREN ER ÆNDRET fra Kompas Beskæftigelse ApS til Vejen Frem A/S"),
        "{table}"
    );
    let table = stdout(&rescore_in(root.path(), &["tenders", "--lang", "en"]).success());
    assert!(
        table.contains(
            "3 tender(s), 8 version(s) scored: winner changed in 1, award changed in 0, ranking changed in 2"
        ),
        "{table}"
    );
    assert!(
        table.contains("Winner changed (1):\n  tender-c\n"),
        "{table}"
    );
    assert!(
        table.contains("WINNER CHANGED from Kompas Beskæftigelse ApS to Vejen Frem A/S"),
        "{table}"
    );
}

#[test]
fn rescoring_does_not_depend_on_threads_or_the_order_of_the_paths() {
    let root = batch();
    let run = |threads: &str, paths: &[&str], format: &str| {
        Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(root.path())
            .env("RAYON_NUM_THREADS", threads)
            .arg("rescore")
            .args(paths)
            .args(["--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    for format in ["json", "csv", "table", "md"] {
        let one = run("1", &["tenders"], format);
        assert_eq!(one, run("2", &["tenders"], format), "{format}");
        assert_eq!(
            one,
            run("2", &["tenders/c", "tenders/a", "tenders/b"], format),
            "{format}"
        );
    }
}

#[test]
fn a_broken_tender_in_a_batch_is_reported_with_its_file() {
    let root = batch();
    let path = root.path().join("tenders/b/bids/kompas.toml");
    let bid = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, bid.replace("indsats = 9", "indsats = 12")).unwrap();
    let out = rescore_in(root.path(), &["tenders"]).code(1);
    assert!(
        stderr(&out).contains("tenders/b/bids/kompas.toml:"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("error[E203]"), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("1 tender(s) could not be scored (1 problem(s)); the others are reported"),
        "{}",
        stderr(&out)
    );
    // A broken tender no longer stops the batch: the others are reported, exit code 1.
    let report = json(&rescore_in(root.path(), &["tenders", "--format", "json"]).code(1));
    let ids: Vec<&str> = report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tender"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tender-a", "tender-c"]);
    assert_eq!(report["summary"]["failed"], 1);
    rescore_in(root.path(), &["no-such-folder"]).code(1);
}

/// `--winner-changed` and `--changed` report only those tenders; the summary counts all.
#[test]
fn rescore_can_show_only_the_tenders_that_changed() {
    let root = batch();
    let report = json(
        &rescore_in(
            root.path(),
            &["tenders", "--format", "json", "--winner-changed"],
        )
        .success(),
    );
    let ids: Vec<&str> = report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tender"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tender-c"]);
    assert_eq!(report["summary"]["tenders"], 3);
    // tender-a has no rettelsesblade: nothing changed there.
    let report =
        json(&rescore_in(root.path(), &["tenders", "--format", "json", "--changed"]).success());
    let ids: Vec<&str> = report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tender"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tender-b", "tender-c"]);
}

#[test]
fn a_generated_batch_of_many_tenders_is_summarised() {
    let root = TempDir::new().unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(root.path())
            .args(args)
            .assert()
    };
    run(&[
        "generate",
        "batch",
        "--tenders",
        "20",
        "--bids",
        "8",
        "--rettelsesblade",
        "3",
    ])
    .success();
    // Never into a folder that holds anything: nothing can be overwritten.
    let refused = run(&["generate", "batch", "--tenders", "1"]).code(3);
    assert!(
        stderr(&refused).contains("is not empty"),
        "{}",
        stderr(&refused)
    );

    let report = json(&run(&["rescore", "batch/tenders", "--format", "json"]).success());
    // 20 tenders, each in version 0 and after 3 rettelsesblade.
    assert_eq!(report["summary"]["tenders"], 20);
    assert_eq!(report["summary"]["versions"], 80);
    let tenders = report["tenders"].as_array().unwrap();
    let ids: Vec<&str> = tenders
        .iter()
        .map(|t| t["tender"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "tenders in path order");
    // The summary lists exactly the tenders whose steps say so.
    let flagged = |key: &str| -> Vec<&str> {
        tenders
            .iter()
            .filter(|t| {
                t["steps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s[key] == true)
            })
            .map(|t| t["tender"].as_str().unwrap())
            .collect()
    };
    let listed = |key: &str| -> Vec<&str> {
        report["summary"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect()
    };
    assert_eq!(listed("winner_changed"), flagged("winner_changed"));
    assert_eq!(listed("ranking_changed"), flagged("ranking_changed"));
    // Rettelsesblad 2 moves weight from indsats to samarbejde in every tender: with 8 bids of
    // random quality, the ranking changes somewhere.
    assert!(!listed("ranking_changed").is_empty());
}

/// The reference tender's fixture with a third rettelsesblad (22 September, in time)
/// setting one value, re-scored: the JSON report.
fn with_a_third_rettelsesblad(
    f: &crate::fixture::Fixture,
    path: &str,
    value: &str,
) -> serde_json::Value {
    f.write(
        "rettelsesblade/03-rettelse.toml",
        &format!(
            "number = 3\ndate = 2023-09-22\ntitle = \"Rettelse\"\nreference = \"RB 3\"\n\n\
             [[changes]]\npath = \"{path}\"\nvalue = {value}\n"
        ),
    );
    json(&rescore_in(f.root.path(), &["tender", "--format", "json"]).success())
}

/// `rescore` words a bid's status as every other report does: "rejected", not "reject".
#[test]
fn a_bid_rejected_by_a_rettelsesblad_is_rejected_in_the_same_words_as_score() {
    let f = crate::fixture::Fixture::reference();
    // kompas offers spor2 at 1350, above the maximum 1300: lowered to 1300 as published,
    // rejected once a third rettelsesblad makes prices above the maximum a reason to reject.
    let report = with_a_third_rettelsesblad(&f, "prices.above_max.rule", "\"reject\"");
    let step = &report["tenders"][0]["steps"][2];
    let (before, after) = change(step, "kompas", "status");
    assert_eq!(
        (before.as_str(), after.as_str()),
        (Some("ranked"), Some("rejected"))
    );
    let score = json(&f.run("score", &["--format", "json"]).success());
    let kompas = crate::fixture::bid(&score, "kompas");
    assert_eq!(kompas["status"], "rejected");
}

/// A folder with links to itself made the walk endless (two links) or counted the same
/// tender many times (one link); each real folder is now visited once.
#[cfg(unix)]
#[test]
fn rescore_visits_each_real_folder_once_through_symbolic_links() {
    let root = batch();
    let tenders = root.path().join("tenders");
    std::os::unix::fs::symlink(&tenders, tenders.join("loop-a")).unwrap();
    std::fs::create_dir(tenders.join("more")).unwrap();
    std::os::unix::fs::symlink(&tenders, tenders.join("more").join("loop-b")).unwrap();
    std::os::unix::fs::symlink(tenders.join("a"), tenders.join("a-again")).unwrap();
    let report = json(&rescore_in(root.path(), &["tenders", "--format", "json"]).success());
    let dirs: Vec<&str> = report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["dir"].as_str().unwrap())
        .collect();
    assert_eq!(dirs, ["tenders/a", "tenders/b", "tenders/c"]);
    assert_eq!(report["summary"]["tenders"], 3);
}

/// Values are compared as decimals: 7.70 rounded to 3 decimals is 7.700, no change.
#[test]
fn a_finer_rounding_of_the_same_points_is_no_change() {
    let f = crate::fixture::Fixture::reference();
    let report = with_a_third_rettelsesblad(&f, "model.points.decimals", "3");
    let step = &report["tenders"][0]["steps"][2];
    // kompas, spor1 373 in the band 370–450 (after rettelsesblad 1):
    // 8 + (373 − 370) × (0 − 8) / (450 − 370) = 8 − 0.3 = 7.7: 7.70 before, 7.700 after.
    let kompas = step["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "kompas");
    let changed: Vec<&str> = kompas
        .map(|b| {
            b["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["field"].as_str().unwrap())
                .collect()
        })
        .unwrap_or_default();
    assert!(!changed.contains(&"spor1 points"), "{changed:?}");
}

/// The reference tender re-scored, in Danish by default (the tender's language) and in
/// English on request: every word from the message files, numbers with a decimal comma,
/// prices in kroner, the rettelsesblad's date written out.
#[test]
fn rescore_of_the_reference_tender_in_danish_and_english() {
    let da = stdout(&rescore_in(&repo(), &[REFERENCE, "-q"]).success());
    insta::assert_snapshot!("rescore_reference_table_da", da);
    // Rettelsesblad 1 raises spor1's maximum: Job & Trivsel's 449 is no longer lowered
    // to 430.
    assert!(
        da.contains("Spor 1 dagspris: evalueret pris ┆ 430,00 kr. ┆ 449,00 kr."),
        "{da}"
    );
    assert!(
        da.contains("rettelsesblad nr. 1 af 15. september 2023"),
        "{da}"
    );
    for english in ["Bidder", "ranking changed", "version(s)", "Evaluated with"] {
        assert!(!da.contains(english), "{english} in {da}");
    }
    let en = stdout(&rescore_in(&repo(), &[REFERENCE, "-q", "--lang", "en", "-f", "md"]).success());
    insta::assert_snapshot!("rescore_reference_markdown_en", en);
    // English writes a decimal point: 8.165, not 8,165 (eight thousand in English).
    assert!(en.contains("| 8.165 |"), "{en}");
    assert!(en.contains("DKK 449.00"), "{en}");
}
