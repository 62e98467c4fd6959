//! Negotiation rounds, through the binary, on copies of the Odense example: the initial
//! bids in `bids/`, the final bids of round 2 in `rounds/2/` (mentorforum and
//! fynsk-jobpartner hand in revised bids; the others stand by their initial bids).
//!
//! Totals = 0.5 × løsning + 0.2 × samarbejde + 0.15 × (tvaerfagligt + mentor points),
//! price points 10 × (max − P) / (max − min), 2 decimals half up (tvaerfagligt 9 000–14 000,
//! mentor 4 000–7 000). Round 1 as in `award.rs`: vej-til-job 7.5005, fynsk-jobpartner
//! 7.3005, mentorforum 6.9995, trivselshuset 4.4505; borgerkraft rejected.
//! Round 2:
//! - mentorforum: 10 500 → 10 × 3 500 / 5 000 = 7.00; 4 500 → 8.33 (as before);
//!   3.5 + 1.8 + 0.15 × 15.33 = 3.5 + 1.8 + 2.2995 = 7.5995
//! - fynsk-jobpartner: 11 000 → 6.00; 4 800 → 10 × 2 200 / 3 000 = 7.333… → 7.33;
//!   4 + 1.4 + 0.15 × 13.33 = 4 + 1.4 + 1.9995 = 7.3995
//! - vej-til-job 7.5005 and trivselshuset 4.4505 stand; borgerkraft stays rejected.
//!
//! Ranking: mentorforum, vej-til-job, fynsk-jobpartner, trivselshuset: the winner changes
//! from vej-til-job to mentorforum, and the two awarded (110 borgere each) from
//! {vej-til-job, fynsk-jobpartner} to {mentorforum, vej-til-job}.

use serde_json::Value;

use super::fixture::{Fixture, json, ranked, stderr, stdout};

const ODENSE: &str = "tenders/odense-ressourceforloeb";

/// (bid, total, round) in ranking order.
fn totals(report: &Value) -> Vec<(String, String, u64)> {
    let rounds = report["bids"].as_array().unwrap().iter();
    ranked(report)
        .into_iter()
        .zip(rounds)
        .map(|((bid, total), b)| (bid, total, b["round"].as_u64().unwrap()))
        .collect()
}

fn row(bid: &str, total: &str, round: u64) -> (String, String, u64) {
    (bid.into(), total.into(), round)
}

fn awarded(report: &Value) -> Vec<(String, String)> {
    report["award"]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "awarded")
        .map(|b| {
            (
                b["bid"].as_str().unwrap().into(),
                b["volume"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn the_final_round_changes_the_winner_and_the_award() {
    let f = Fixture::copy_of(ODENSE);
    // By default the latest round with bids: round 2, the final one.
    let report = json(&f.run("score", &["-q", "-f", "json"]).success());
    assert_eq!(
        report["tender"]["round"]["number"], 2,
        "{}",
        report["tender"]["round"]
    );
    assert_eq!(report["tender"]["round"]["of"], 2);
    assert_eq!(report["tender"]["round"]["final"], true);
    assert_eq!(
        report["tender"]["round"]["deadline"],
        "2025-04-07T12:00:00+02:00"
    );
    assert_eq!(
        totals(&report),
        [
            row("mentorforum", "7.5995", 2),
            row("vej-til-job", "7.5005", 1),
            row("fynsk-jobpartner", "7.3995", 2),
            row("trivselshuset", "4.4505", 1),
            row("borgerkraft", "-", 1),
        ]
    );
    assert_eq!(
        awarded(&report),
        [
            ("mentorforum".to_string(), "110".to_string()),
            ("vej-til-job".into(), "110".into())
        ]
    );
    // The revised bid is read from its round's folder.
    assert_eq!(report["bids"][0]["file"], "rounds/2/mentorforum.toml");

    // Round 1: the initial bids, not the final round.
    let first = json(
        &f.run("score", &["-q", "-f", "json", "--round", "1"])
            .success(),
    );
    assert_eq!(first["tender"]["round"]["number"], 1);
    assert_eq!(first["tender"]["round"]["final"], false);
    assert_eq!(
        totals(&first),
        [
            row("vej-til-job", "7.5005", 1),
            row("fynsk-jobpartner", "7.3005", 1),
            row("mentorforum", "6.9995", 1),
            row("trivselshuset", "4.4505", 1),
            row("borgerkraft", "-", 1),
        ]
    );
    assert_eq!(
        awarded(&first),
        [
            ("vej-til-job".to_string(), "110".to_string()),
            ("fynsk-jobpartner".into(), "110".into())
        ]
    );
    let text = stdout(
        &f.run("score", &["-q", "--round", "1", "--lang", "en"])
            .success(),
    );
    assert!(
        text.contains("Round 1 of 2: the initial bids, deadline 3 March 2025 at 12:00 (not the final round: only the final round's bids are awarded)"),
        "{text}"
    );
    let text = stdout(&f.run("score", &["-q", "--lang", "en"]).success());
    assert!(
        text.contains("No revised bid in round 2; the latest bid stands: Vej til Job A/S (round 1), Trivselshuset Fyn ApS (round 1), Borgerkraft ApS (round 1)"),
        "{text}"
    );
}

#[test]
fn the_rounds_report_shows_what_changed_for_each_bidder() {
    let f = Fixture::copy_of(ODENSE);
    let report = json(&f.run("rounds", &["-q", "-f", "json"]).success());
    assert_eq!(report["format"], "tenderscore-rounds");
    assert_eq!(report["final_round"], 2);
    assert_eq!(report["latest_round"], 2);
    let step = &report["steps"][0];
    assert_eq!(report["steps"].as_array().unwrap().len(), 1);
    assert_eq!(
        (step["from"].as_u64(), step["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(step["name"], "Endeligt tilbud");
    // In the order of the bid files.
    assert_eq!(
        step["revised"],
        serde_json::json!(["fynsk-jobpartner", "mentorforum"])
    );
    assert_eq!(step["winner_changed"], true);
    assert_eq!(step["winners_before"], serde_json::json!(["vej-til-job"]));
    assert_eq!(step["winners_after"], serde_json::json!(["mentorforum"]));
    assert_eq!(step["award_changed"], true);
    assert_eq!(
        step["awarded_after"],
        serde_json::json!(["mentorforum", "vej-til-job"])
    );
    let changes = |bid: &str| -> Vec<(String, String, String)> {
        step["bids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bid"] == bid)
            .map(|b| {
                b["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| {
                        (
                            c["field"].as_str().unwrap().into(),
                            c["before"].as_str().unwrap_or("-").into(),
                            c["after"].as_str().unwrap_or("-").into(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let change = |field: &str, before: &str, after: &str| {
        (field.to_string(), before.to_string(), after.to_string())
    };
    let mentorforum = changes("mentorforum");
    for expected in [
        change("round", "1", "2"),
        change("rank", "3", "1"),
        change("total", "6.9995", "7.5995"),
        change("tvaerfagligt evaluated", "12500", "10500"),
        change("tvaerfagligt points", "3.00", "7.00"),
    ] {
        assert!(
            mentorforum.contains(&expected),
            "{expected:?} in {mentorforum:?}"
        );
    }
    // Its mentor price did not change, so it is not listed.
    assert!(
        !mentorforum.iter().any(|c| c.0.starts_with("mentor ")),
        "{mentorforum:?}"
    );
    // vej-til-job handed in nothing new: only its rank moved (1 → 2).
    assert_eq!(changes("vej-til-job"), [change("rank", "1", "2")]);
    // trivselshuset and borgerkraft: nothing changed at all.
    assert!(changes("trivselshuset").is_empty() && changes("borgerkraft").is_empty());

    let text = stdout(&f.run("rounds", &["-q", "--lang", "en"]).success());
    assert!(
        text.contains("Round 1 → 2 (Endeligt tilbud, deadline 7 April 2025 at 12:00): WINNER CHANGED from Vej til Job A/S to Odense Mentorforum I/S"),
        "{text}"
    );
    assert!(
        text.contains("Revised bids in round 2: Fynsk Jobpartner ApS, Odense Mentorforum I/S; every other bid stands as before."),
        "{text}"
    );

    // A tender of one round has nothing to compare.
    let reference = Fixture::reference();
    let text = stdout(&reference.run("rounds", &["-q", "--lang", "en"]).success());
    assert!(text.contains("The tender has one round"), "{text}");
    let text = stdout(&reference.run("rounds", &["-q"]).success());
    assert!(
        text.contains("Udbuddet har kun én runde: der er intet at sammenligne."),
        "{text}"
    );
}

/// Odense is Danish: without `--lang` the rounds report is Danish — bidders and criteria
/// by name, the deadline as 7. april 2025 kl. 12.00, the engine's words translated; the
/// numbers as in English (rank 3 → 1, total 6,9995 → 7,5995). `--lang en` overrides.
#[test]
fn rounds_in_danish_by_default() {
    let f = Fixture::copy_of(ODENSE);
    let table = stdout(&f.run("rounds", &["-q"]).success());
    assert!(
        table.contains("Runde 1 → 2 (Endeligt tilbud, frist 7. april 2025 kl. 12.00): VINDEREN ER ÆNDRET fra Vej til Job A/S til Odense Mentorforum I/S"),
        "{table}"
    );
    insta::assert_snapshot!("odense_rounds_table_da", table);
    let md = stdout(&f.run("rounds", &["-q", "-f", "md"]).success());
    // Evaluated prices are money: mentorforum's tværfagligt 12 500 → 10 500 kr.
    assert!(
        md.contains("| Odense Mentorforum I/S | Tværfagligt forløb, pris pr. måned: evalueret pris | 12.500,00 kr. | 10.500,00 kr. |"),
        "{md}"
    );
    insta::assert_snapshot!("odense_rounds_markdown_da", md);
    let english = stdout(&f.run("rounds", &["-q", "--lang", "en"]).success());
    assert!(
        english.contains("WINNER CHANGED from Vej til Job A/S to Odense Mentorforum I/S"),
        "{english}"
    );
    // JSON and CSV are the same in every language.
    for format in ["json", "csv"] {
        assert_eq!(
            f.run("rounds", &["-q", "-f", format])
                .success()
                .get_output()
                .stdout,
            f.run("rounds", &["-q", "-f", format, "--lang", "da"])
                .success()
                .get_output()
                .stdout
        );
    }
}

#[test]
fn a_revised_bid_is_late_by_the_deadline_of_its_round() {
    let f = Fixture::copy_of(ODENSE);
    // 2025-04-07 12:05 is 5 minutes after round 2's deadline (12:00); the initial deadline
    // (2025-03-03) is long past for every revised bid, and is not the one that counts.
    f.replace(
        "rounds/2/mentorforum.toml",
        "submitted = 2025-04-07T11:30:00+02:00",
        "submitted = 2025-04-07T12:05:00+02:00",
    );
    let report = json(&f.run("score", &["-q", "-f", "json"]).success());
    let mentorforum = &report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "mentorforum")
        .unwrap()
        .clone();
    assert_eq!(mentorforum["status"], "rejected");
    assert_eq!(mentorforum["findings"][0]["rule"], "late-bid");
    assert_eq!(
        mentorforum["findings"][0]["reason"],
        "submitted 5m after the deadline 2025-04-07T12:00:00+02:00"
    );
    // fynsk-jobpartner's revised bid (2025-04-06) is on time.
    assert!(
        totals(&report).contains(&row("fynsk-jobpartner", "7.3995", 2)),
        "{report}"
    );
}

#[test]
fn bids_and_folders_outside_the_declared_rounds_are_reported() {
    let f = Fixture::copy_of(ODENSE);
    // A bid of round 2 from a bidder without an initial bid; a folder of round 3, which
    // the tender does not declare; a stray entry of rounds/.
    f.write(
        "rounds/2/nybidder.toml",
        &f.read("rounds/2/mentorforum.toml"),
    );
    f.write(
        "rounds/3/mentorforum.toml",
        &f.read("rounds/2/mentorforum.toml"),
    );
    f.write("rounds/final/x.toml", "");
    let err = stderr(&f.run("check", &[]).code(1));
    for expected in [
        "error[E210]: rounds/2/nybidder.toml is a bid of round 2 from a bidder without an initial bid (no bids/nybidder.toml)",
        "error[E210]: the tender declares 2 rounds (the initial bids and 1 [[rounds]] table), and round 3 is in rounds/",
        "is not the folder of a negotiation round, and is not read",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }

    // A round asked for that the tender does not declare; round 0 is no round.
    let f = Fixture::copy_of(ODENSE);
    let err = stderr(&f.run("score", &["--round", "3"]).code(1));
    assert!(
        err.contains("the tender declares 2 rounds (the initial bids and 1 [[rounds]] table), and round 3 is asked for"),
        "{err}"
    );
    f.run("score", &["--round", "0"]).code(2);

    // A round whose deadline is not after the one before it.
    f.replace(
        "tender.toml",
        "deadline = 2025-04-07T12:00:00+02:00",
        "deadline = 2025-03-01T12:00:00+01:00",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains("the deadline of round 2 (2025-03-01T12:00:00+01:00) is not after the deadline of round 1"),
        "{err}"
    );
    assert!(err.contains("field: rounds[0].deadline"), "{err}");
}

#[test]
fn the_memo_says_which_round_it_rests_on() {
    let f = Fixture::copy_of(ODENSE);
    let first = f.root.path().join("runde1.html");
    f.run(
        "memo",
        &["-q", "--round", "1", "-o", first.to_str().unwrap()],
    )
    .success();
    let html = std::fs::read_to_string(&first).unwrap();
    assert!(
        html.contains("Runde 1 af 2: Indledende tilbud, frist 3. marts 2025 kl. 12.00"),
        "{html}"
    );
    assert!(
        html.contains("Bemærk: Evalueringen bygger på tilbuddene i runde 1 af 2."),
        "{html}"
    );
    // No award is recommended on the initial bids.
    assert!(
        html.contains("Der kan ikke indstilles en tildeling endnu: evalueringen bygger ikke på tilbuddene i den sidste forhandlingsrunde."),
        "{html}"
    );
    let last = f.root.path().join("runde2.html");
    f.run("memo", &["-q", "-o", last.to_str().unwrap()])
        .success();
    let html = std::fs::read_to_string(&last).unwrap();
    assert!(
        html.contains("Runde 2 af 2: Endeligt tilbud, frist 7. april 2025 kl. 12.00"),
        "{html}"
    );
    assert!(
        !html.contains("Bemærk: Evalueringen bygger på tilbuddene i runde"),
        "{html}"
    );
    assert!(
        html.contains("er bundet af deres seneste tilbud: Vej til Job A&#x2f;S (runde 1)"),
        "{html}"
    );
    // 220 borgere equally over the two suppliers of round 2.
    assert!(
        html.contains("Evalueringen indstiller, at rammeaftalen tildeles Odense Mentorforum I&#x2f;S (plads 1, 110 borgere svarende til 50 %) og Vej til Job A&#x2f;S (plads 2, 110 borgere svarende til 50 %)."),
        "{html}"
    );
}

#[test]
fn check_looks_at_the_bids_a_revised_bid_replaced() {
    let f = Fixture::copy_of(ODENSE);
    // mentorforum's initial bid has points above the scale (0–10); round 2 replaces it, so
    // the final round scores, but `check` looks at round 1 too.
    f.replace("bids/mentorforum.toml", "loesning = 7", "loesning = 11");
    f.run("score", &["-q"]).success();
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(err.contains("error[E203]"), "{err}");
    assert!(err.contains("mentorforum.toml"), "{err}");
    f.replace("bids/mentorforum.toml", "loesning = 11", "loesning = 7");
    let out = stdout(&f.run("check", &[]).success());
    assert!(
        out.contains("ok: tender odense-ressourceforloeb, rounds 1 to 2 of 2, in 1 version(s)"),
        "{out}"
    );
}

#[test]
fn a_late_bidder_is_not_revived_by_a_revised_bid() {
    let f = Fixture::copy_of(ODENSE);
    // trivselshuset's initial bid came 30 minutes after the deadline (12:00); its revised
    // bid of round 2 is on time, but a late bid takes no part in the later rounds.
    f.replace(
        "bids/trivselshuset.toml",
        "submitted = 2025-03-03T08:30:00+01:00",
        "submitted = 2025-03-03T12:30:00+01:00",
    );
    let revised = f
        .read("rounds/2/fynsk-jobpartner.toml")
        .replace("Fynsk Jobpartner ApS", "Trivselshuset Fyn ApS")
        .replace("42223344", "45556677");
    f.write("rounds/2/trivselshuset.toml", &revised);
    let report = json(&f.run("score", &["-q", "-f", "json"]).success());
    let bid = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "trivselshuset")
        .unwrap()
        .clone();
    assert_eq!(bid["status"], "rejected", "{bid}");
    assert_eq!(bid["round"], 2);
    assert_eq!(
        bid["findings"][0]["reason"],
        "the bid of round 1 was submitted 30m after the deadline 2025-03-03T12:00:00+01:00; a late bid takes no part in the later rounds"
    );
    assert_eq!(
        bid["findings"][0]["evidence"]["file"],
        "bids/trivselshuset.toml"
    );
}

#[test]
fn a_revised_bid_keeps_its_bidder_and_its_lots() {
    // Another company's CVR number in a revised bid: a bid does not change hands.
    let f = Fixture::copy_of(ODENSE);
    f.replace("rounds/2/mentorforum.toml", "43334455", "49998877");
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains(
            "rounds/2/mentorforum.toml names CVR 49998877 and the bidder's earlier bid CVR 43334455"
        ),
        "{err}"
    );

    // A round asked for that has no folder of bids yet.
    let f = Fixture::copy_of(ODENSE);
    std::fs::remove_dir_all(f.path("rounds/2")).unwrap();
    let err = stderr(&f.run("score", &["--round", "2"]).code(1));
    assert!(
        err.contains("round 2 is asked for, and it has no folder of bids (rounds/2/)"),
        "{err}"
    );
    // An empty folder records a round held without revised bids.
    std::fs::create_dir_all(f.path("rounds/2")).unwrap();
    f.run("score", &["-q", "--round", "2"]).success();

    // In a tender with lots, a revised bid covers the lots of the initial bid.
    let f = Fixture::copy_of("tenders/kk-samlet-udbud-2019");
    f.replace(
        "tender.toml",
        "# Made up: in each lot, the lot's quality",
        "[[rounds]]\nname = \"Endeligt tilbud\"\ndeadline = 2019-12-01T12:00:00+01:00\n\n# Made up: in each lot, the lot's quality",
    );
    let revised = f.read("bids/arbejdsbroen.toml").replace(
        "lots = [\"sygemeldte\", \"aktivitetsparate\"]",
        "lots = [\"sygemeldte\", \"hjerneskade\"]",
    );
    f.write("rounds/2/arbejdsbroen.toml", &revised);
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains("rounds/2/arbejdsbroen.toml covers the lots `hjerneskade`, `sygemeldte` and the bidder's earlier bid the lots `aktivitetsparate`, `sygemeldte`: lots are not negotiated"),
        "{err}"
    );
}
