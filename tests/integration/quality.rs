//! Quality: per-criterion scales with descriptors, evaluator panels, minimum quality.

use serde_json::Value;

use crate::fixture::{Fixture, bid, json, line_of, stderr, stdout};

/// The JSON report of version 0, whose numbers these tests compute by hand.
fn score_v0(f: &Fixture) -> Value {
    json(
        &f.run("score", &["--format", "json", "--as-of", "0"])
            .success(),
    )
}

/// Samarbejde on its own 0–10 scale with descriptors; the tender scale gets descriptors too.
fn with_scales(f: &Fixture) {
    f.replace("tender.toml", "[scale]            # the evaluators' quality points\nmin = 0\nmax = 10\n", "[scale]\nmin = 0\nmax = 10\ndescriptors = [{ points = 0, text = \"Ikke besvaret\" }, { points = 5, text = \"Tilfredsstillende\" }, { points = 9, text = \"Fremragende\" }]\n");
}

#[test]
fn descriptors_are_shown_with_the_points() {
    let f = Fixture::reference();
    with_scales(&f);
    let table = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    assert!(
        table.contains("Quality scale 0–10 (0 Ikke besvaret; 5 Tilfredsstillende; 9 Fremragende)"),
        "{table}"
    );
    // kompas has indsats 9: the step at or below 9 is "Fremragende"; samarbejde 8: "Tilfredsstillende".
    let explained = stdout(
        &f.run("explain", &["kompas", "--as-of", "0", "--lang", "en"])
            .success(),
    );
    assert!(explained.contains("Indsats (65 %): 9 points (the evaluators' points on the scale 0–10, step 9: Fremragende)"), "{explained}");
    assert!(
        explained.contains("step 5: Tilfredsstillende"),
        "{explained}"
    );
}

#[test]
fn a_criterion_can_have_its_own_scale() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "id = \"samarbejde\"\nname = \"Samarbejde\"\n",
        "id = \"samarbejde\"\nname = \"Samarbejde\"\nscale = { min = 0, max = 5 }\n",
    );
    // Every bid scores samarbejde 6–8: above the new maximum 5.
    let messages = stderr(&f.run("check", &[]).code(1));
    let text = f.read("bids/kompas.toml");
    assert!(
        messages.contains(&format!(
            "tender/bids/kompas.toml:{}:",
            line_of(&text, "samarbejde = 8")
        )),
        "{messages}"
    );
    assert!(
        messages.contains("8 points is outside the scale 0–5"),
        "{messages}"
    );
    assert!(
        messages.contains("give the evaluators' points on the scale of `samarbejde`, from 0 to 5"),
        "{messages}"
    );
    for (file, from) in [
        ("kompas", "samarbejde = 8"),
        ("trin-for-trin", "samarbejde = 6"),
        ("job-og-trivsel", "samarbejde = 8"),
        ("ny-start", "samarbejde = 7"),
        ("lige-vilkaar", "samarbejde = 7"),
        ("faelles-fodfaeste", "samarbejde = 7"),
        ("vejen-frem", "samarbejde = 7"),
        ("arbejdsglaede", "samarbejde = 8"),
        ("mentorhuset", "samarbejde = 9"),
        ("uklar-erklaering", "samarbejde = 6"),
    ] {
        f.replace(&format!("bids/{file}.toml"), from, "samarbejde = 4");
    }
    let report = score_v0(&f);
    // A criterion on its own scale is mapped onto the tender's 0–10 before weighting, so
    // Samarbejde weighs its full 31.5 % (it used to weigh half: 0.315 × 5 at most).
    // The best total: 0.585 × 10 + 0.315 × 10 + 0.1 × 8 = 5.85 + 3.15 + 0.8 = 9.8
    assert_eq!(report["tender"]["total_bounds"]["max"], "9.8");
    // kompas: samarbejde 4 of 5 = 0 + (4 − 0) × (10 − 0) / (5 − 0) = 8 of 10;
    // 0.585 × 9 + 0.315 × 8 + 0.05 × 7.60 = 5.265 + 2.52 + 0.38 = 8.165
    let kompas = bid(&report, "kompas");
    assert_eq!(kompas["total"], "8.165");
    let samarbejde = kompas["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "samarbejde")
        .unwrap();
    assert_eq!(
        (&samarbejde["given"], &samarbejde["points"]),
        (&serde_json::json!("4"), &serde_json::json!("8"))
    );
}

#[test]
fn a_consensus_away_from_the_mean_needs_a_reason() {
    let f = Fixture::reference();
    let panel = "\n[evaluators.indsats]\npoints = { anna = 7, bo = 8, carl = 8 }\n";
    let text = f.read("bids/trin-for-trin.toml");
    f.write("bids/trin-for-trin.toml", &format!("{text}{panel}"));
    // Mean (7 + 8 + 8) / 3 = 7.666…, consensus 8, no reason.
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(messages.contains("error[E207]: the consensus 8 points on `indsats` differs from the evaluators' mean 7.6666666666666666666666666667, and no reason is given"), "{messages}");
    let amended = f.read("bids/trin-for-trin.toml");
    assert!(
        messages.contains(&format!(
            "tender/bids/trin-for-trin.toml:{}:",
            line_of(&amended, "[evaluators.indsats]")
        )),
        "{messages}"
    );

    f.write(
        "bids/trin-for-trin.toml",
        &format!(
            "{text}{panel}reason = \"Anna's concern was answered in the moderation meeting.\"\n"
        ),
    );
    let report = score_v0(&f);
    let p = &bid(&report, "trin-for-trin")["panels"]["indsats"];
    assert_eq!(
        p["evaluators"],
        serde_json::json!({"anna": "7", "bo": "8", "carl": "8"})
    );
    assert_eq!(p["spread"], "1");
    // The consensus 8 is what is scored: 6.9635 as before.
    assert_eq!(bid(&report, "trin-for-trin")["total"], "6.9635");
    let explained = stdout(
        &f.run(
            "explain",
            &["trin-for-trin", "--as-of", "0", "--lang", "en"],
        )
        .success(),
    );
    assert!(explained.contains("evaluators anna 7, bo 8, carl 8, mean 7.6666666666666666666666666667; consensus reason: Anna's concern"), "{explained}");
}

#[test]
fn evaluators_far_apart_are_flagged() {
    let f = Fixture::reference();
    f.replace("tender.toml", "[prices]\nmodel", "[quality]\ndisagreement = 3\nsource = \"Evalueringsmodel pkt. 2 (fictional)\"\n\n[prices]\nmodel");
    let text = f.read("bids/kompas.toml");
    // Mean (7 + 10 + 10) / 3 = 9 = the consensus: no reason needed; spread 10 − 7 = 3: no flag.
    f.write(
        "bids/kompas.toml",
        &format!("{text}\n[evaluators.indsats]\npoints = {{ anna = 7, bo = 10, carl = 10 }}\n"),
    );
    assert_eq!(
        bid(&score_v0(&f), "kompas")["warnings"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "only the length limit"
    );
    // Spread 10 − 6 = 4 > 3: flagged. Mean (6 + 10 + 10) / 3 = 8.666… ≠ 9, so a reason is given.
    f.write("bids/kompas.toml", &format!("{text}\n[evaluators.indsats]\npoints = {{ anna = 6, bo = 10, carl = 10 }}\nreason = \"Consensus 9 after moderation.\"\n"));
    let report = score_v0(&f);
    let warnings = bid(&report, "kompas")["warnings"]
        .as_array()
        .unwrap()
        .clone();
    let flag = warnings
        .iter()
        .find(|w| w["rule"] == "evaluator-disagreement")
        .expect("flagged");
    assert_eq!(
        flag["message"],
        "the evaluators' points on `indsats` range from 6 to 10, 4 apart, more than the tender's 3"
    );
    // In the reports people read, in the language's words, the criterion by its name.
    let danish = "Kompas Beskæftigelse ApS: evaluatorernes point på „Indsats“ spænder fra 6 til \
                  10, dvs. 4 point, mens udbudsmaterialet tillader en forskel på højst 3 point; \
                  begrundelsen for konsensus fremgår af evalueringen. (Evalueringsmodel pkt. 2 \
                  (fictional))";
    let table = stdout(&f.run("score", &["--as-of", "0"]).success());
    assert!(table.contains(danish), "{table}");
    let memo = stdout(&f.run("memo", &["--as-of", "0", "-o", "-"]).success());
    assert!(memo.contains(danish), "{memo}");
    let explained = stdout(&f.run("explain", &["kompas", "--as-of", "0"]).success());
    assert!(
        explained.contains(&format!("Bemærkning: {danish}")),
        "{explained}"
    );
    let english = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    assert!(
        english.contains(
            "Kompas Beskæftigelse ApS: the evaluators' points on “Indsats” range from 6 to 10, \
             4 points apart, while the tender documents allow a difference of at most 3 points; \
             the reason for the consensus is given in the evaluation."
        ),
        "{english}"
    );
    // Without a reason (the mean (6 + 10 + 10 + 10) / 4 = 9 is the consensus), the note
    // says none is given.
    f.write(
        "bids/kompas.toml",
        &format!(
            "{text}\n[evaluators.indsats]\npoints = {{ anna = 6, bo = 10, carl = 10, dora = 10 }}\n"
        ),
    );
    let table = stdout(&f.run("score", &["--as-of", "0"]).success());
    assert!(
        table.contains("højst 3 point; der er ikke angivet en begrundelse for konsensus."),
        "{table}"
    );
}

/// Minimum quality (the EU Commission model): 50 % on every criterion, 70 % in total.
/// Quality maximum 0.585 × 10 + 0.315 × 10 = 9.
#[test]
fn bids_below_the_minimum_quality_are_excluded_before_price() {
    let f = Fixture::reference();
    f.replace("tender.toml", "[prices]\nmodel", "[quality]\nmin_per_criterion = 50\nmin_total = 70\nsource = \"Evalueringsmodel (fictional)\"\n\n[prices]\nmodel");
    let report = score_v0(&f);
    // vejen-frem: 0.585 × 6 + 0.315 × 7 = 3.51 + 2.205 = 5.715 = 63.5 % of 9: excluded.
    let vejen = bid(&report, "vejen-frem");
    assert_eq!(vejen["status"], "rejected");
    assert_eq!(vejen["findings"][0]["rule"], "quality-threshold");
    assert_eq!(
        vejen["findings"][0]["reason"],
        "the quality points reach 63.5 % of the maximum, below the minimum of 70 % in total"
    );
    // faelles-fodfaeste and ny-start: 0.585 × 7 + 0.315 × 7 = 6.3 = exactly 70 %: not below.
    assert_eq!(bid(&report, "ny-start")["status"], "ranked");
    assert_eq!(bid(&report, "faelles-fodfaeste")["status"], "ranked");

    // One criterion below 50 %: indsats 4 of 10 for ny-start.
    f.replace("bids/ny-start.toml", "indsats = 7", "indsats = 4");
    let report = score_v0(&f);
    let ny = bid(&report, "ny-start");
    assert_eq!(
        ny["findings"][0]["reason"],
        "4 points on `indsats` is below the minimum of 50 % of 10"
    );
    let text = f.read("bids/ny-start.toml");
    assert_eq!(
        ny["findings"][0]["evidence"]["line"],
        line_of(&text, "indsats = 4")
    );
}

#[test]
fn bad_quality_settings_name_their_line_field_and_fix() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[scale]            # the evaluators' quality points\nmin = 0\nmax = 10\n",
        "[scale]\nmin = 0\nmax = 10\ndescriptors = [{ points = 5, text = \"God\" }, { points = 3, text = \"Mindre god\" }]\n\n[quality]\nmin_total = 170\n",
    );
    let text = f.read("tender.toml");
    let messages = stderr(&f.run("check", &[]).code(1));
    let line = line_of(&text, "descriptors = [");
    assert!(
        messages.contains(&format!("tender/tender.toml:{line}:")),
        "{messages}"
    );
    assert!(
        messages.contains(
            "descriptor at 3 points is outside the scale 0–10 or not above the one before"
        ),
        "{messages}"
    );
    assert!(
        messages.contains("field: scale.descriptors[1].points"),
        "{messages}"
    );
    assert!(
        messages.contains(&format!(
            "tender/tender.toml:{}:",
            line_of(&text, "min_total = 170")
        )),
        "{messages}"
    );
    assert!(
        messages.contains(
            "`quality.min_total` must be a percentage above 0 and at most 100, found 170"
        ),
        "{messages}"
    );
    assert!(
        messages.contains("help: give the share of the maximum points a bid needs, e.g. 50"),
        "{messages}"
    );
}

/// Missing quality points are a problem to fix whatever the minimum quality: they were
/// once taken for 0 points, so with a threshold `check` passed and `score` rejected the
/// bid for its quality. A bid set aside unread (a declared reservation) needs no points,
/// and its quality is not judged against the threshold either.
#[test]
fn missing_points_are_reported_with_or_without_a_minimum_quality() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[prices]\nmodel",
        "[quality]\nmin_total = 70\n\n[prices]\nmodel",
    );
    // brobyggerne declares a reservation and has no points: scored 0 it would be 0 % of
    // the maximum, below 70 %, yet only the reservation is a reason, since it is not read.
    let report = score_v0(&f);
    let brobyggerne = bid(&report, "brobyggerne");
    assert_eq!(brobyggerne["status"], "rejected");
    let rules: Vec<&Value> = brobyggerne["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["rule"])
        .collect();
    assert_eq!(rules, ["declared-reservation"]);

    // kompas is read, so its missing samarbejde points stop the run, as without threshold.
    f.replace("bids/kompas.toml", "samarbejde = 8\n", "");
    let check = f.run("check", &[]).code(1);
    let messages = stderr(&check);
    assert!(
        messages.contains("error[E205]: bid has no points for quality criterion `samarbejde`"),
        "{messages}"
    );
    assert!(
        messages.contains("tender/bids/kompas.toml:2:"),
        "{messages}"
    );
    f.run("score", &[]).code(1);
}

/// Price points 0–8 beside quality points 0–20 passed `check` without a word, though price
/// then weighs less than half its stated 10 %; `check` and the reports now say so.
#[test]
fn a_price_model_narrower_than_the_quality_scale_gets_an_effective_weight_note() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[scale]            # the evaluators' quality points\nmin = 0\nmax = 10\n",
        "[scale]\nmin = 0\nmax = 20\n",
    );
    // 0.9 × 20 + 0.1 × 8 = 18 + 0.8 = 18.8: Kvalitet 18 / 18.8 = 95.74 %, Pris 0.8 / 18.8 =
    // 4.26 %, each price line 0.4 / 18.8 = 2.13 %.
    let check = stdout(&f.run("check", &[]).success());
    for fragment in [
        "note: Effective weights",
        "Kvalitet 95.74 % (stated 90 %)",
        "Pris 4.26 % (stated 10 %)",
        "Spor 1 dagspris 2.13 % (stated 5 %)",
    ] {
        assert!(check.contains(fragment), "{fragment}: {check}");
    }
    let table = stdout(&f.run("score", &["--lang", "en"]).success());
    assert!(table.contains("Pris 4.26 % (stated 10 %)"), "{table}");
}

/// A finding for review is decided in decisions.toml, never by editing the bid file:
/// accepted, the bid is ranked and the decision shown with the finding; rejected, the
/// bid is rejected; a decision on a bid the tender does not have is an error.
#[test]
fn review_findings_are_decided_in_decisions_toml() {
    let f = Fixture::reference();
    let report = score_v0(&f);
    assert_eq!(bid(&report, "uklar-erklaering")["status"], "review");
    let decided = "[[decisions]]\nbid = \"uklar-erklaering\"\nrule = \"unclear-declaration\"\n\
                   decision = \"accepted\"\nby = \"Anna Jensen\"\ndate = 2023-10-05\n\
                   reason = \"Tilbudsgiver bekræftede, at NEJ er ment.\"\n";
    f.write("decisions.toml", decided);
    let report = score_v0(&f);
    let entry = bid(&report, "uklar-erklaering");
    assert_eq!(entry["status"], "ranked");
    assert_eq!(entry["decided"][0]["resolution"]["by"], "Anna Jensen");
    let table = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    assert!(
        table.contains("On 5 October 2023 the authority accepted the matter (Anna Jensen): Tilbudsgiver bekræftede, at NEJ er ment."),
        "{table}"
    );
    // Where the decision is written (decisions.toml:1) is the machine's, not the reader's.
    assert!(!table.contains("decisions.toml"), "{table}");
    f.write(
        "decisions.toml",
        &decided.replace("\"accepted\"", "\"rejected\""),
    );
    let report = score_v0(&f);
    let entry = bid(&report, "uklar-erklaering");
    assert_eq!(entry["status"], "rejected");
    assert_eq!(entry["findings"][0]["resolution"]["accepted"], false);
    f.write(
        "decisions.toml",
        &decided.replace("uklar-erklaering", "uklar"),
    );
    let messages = stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("error[E401]: the tender has no bid `uklar`"),
        "{messages}"
    );
}
