//! `whatif` through the binary: break-even prices and points under a fixed-anchor, a
//! relative and a money model, weight ranges, and scenarios. Every expected value is
//! computed by hand in the comment beside it, and every break-even answer is checked by
//! scoring the scenario it claims (`--set`), as the issue asks: the tie is exact.
//!
//! The reference tender in force (rettelsesblad 2): Indsats 54 %, Samarbejde 36 %, Spor 1
//! and Spor 2 5 % each; price points 8 × (max − P) / (max − min), rounded half up to 2
//! decimals; spor1 band 370–450, spor2 1 100–1 300.

use rust_decimal::Decimal;
use serde_json::Value;

use super::fixture::{Fixture, json, stderr, stdout};

fn dec(value: &Value) -> Decimal {
    value
        .as_str()
        .unwrap_or_else(|| panic!("a decimal string, not {value}"))
        .parse()
        .expect("decimal")
}

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

fn whatif(f: &Fixture, args: &[&str]) -> Value {
    let mut all = vec!["-q", "-f", "json"];
    all.extend_from_slice(args);
    json(&f.run("whatif", &all).success())
}

/// The answers of `bid` against the bid `opponent` ("above", "winner", "runner-up").
fn versus<'a>(report: &'a Value, bid: &str, opponent: &str) -> &'a Value {
    report["bids"]
        .as_array()
        .expect("bids")
        .iter()
        .find(|b| b["bid"] == bid)
        .and_then(|b| {
            b["versus"]
                .as_array()
                .expect("versus")
                .iter()
                .find(|v| v["opponent"] == opponent)
        })
        .unwrap_or_else(|| panic!("{bid} against the {opponent} in {report}"))
}

fn price_answer<'a>(versus: &'a Value, line: &str) -> &'a Value {
    &versus["prices"]
        .as_array()
        .expect("prices")
        .iter()
        .find(|p| p["line"] == line)
        .unwrap_or_else(|| panic!("line {line} in {versus}"))["answer"]
}

fn points_answer<'a>(versus: &'a Value, criterion: &str) -> &'a Value {
    &versus["points"]
        .as_array()
        .expect("points")
        .iter()
        .find(|p| p["criterion"] == criterion)
        .unwrap_or_else(|| panic!("criterion {criterion} in {versus}"))["answer"]
}

/// A scenario's result: bid id → (rank, standing) after it.
fn scenario(f: &Fixture, args: &[&str]) -> Vec<(String, Option<u64>, Option<Decimal>)> {
    whatif(f, args)["bids"]
        .as_array()
        .expect("bids")
        .iter()
        .map(|b| {
            (
                b["bid"].as_str().expect("id").to_string(),
                b["after"]["rank"].as_u64(),
                b["after"]["standing"]
                    .as_str()
                    .map(|s| s.parse().expect("decimal")),
            )
        })
        .collect()
}

fn standing(after: &[(String, Option<u64>, Option<Decimal>)], bid: &str) -> (Option<u64>, Decimal) {
    let (_, rank, standing) = after
        .iter()
        .find(|(id, _, _)| id == bid)
        .unwrap_or_else(|| panic!("{bid} in {after:?}"));
    (*rank, standing.expect("a standing"))
}

#[test]
fn a_price_that_ties_exactly_on_the_whole_krone_grid() {
    let f = Fixture::reference();
    let report = whatif(&f, &[]);
    // Trin for Trin 6,875 = 0,54 × 8 + 0,36 × 6 + 0,05 × 7,9 + 0,05 × 0; Job & Trivsel
    // 6,965. The gap 0,09 is 1,8 points on spor2 (0,09 / 0,05): 8 × (1300 − P) / 200 = 1,8
    // gives P = 1255 exactly; at 1256 the points are 1,76 (−0,002 of the total).
    let trin = versus(&report, "trin-for-trin", "above");
    assert_eq!(trin["bid"], "job-og-trivsel");
    assert_eq!(dec(&trin["margin"]), d("-0.09"));
    let spor2 = price_answer(trin, "spor2");
    assert_eq!(spor2["answer"], "at-most");
    assert_eq!(dec(&spor2["price"]), d("1255"));
    assert_eq!(dec(&spor2["margin"]), d("0"));
    assert_eq!(dec(&spor2["tie"]), d("1255"));
    assert_eq!(dec(&spor2["next_margin"]), d("-0.002"));
    // Spor 1 is at 371 already: at 370 it gains 0,1 points × 0,05 = 0,005, not 0,09.
    let spor1 = price_answer(trin, "spor1");
    assert_eq!(spor1["answer"], "never");
    assert_eq!(dec(&spor1["margin"]), d("-0.085"));

    // Checked by scoring the scenario: Trin for Trin at 1 255 kr. shares rank 2 with Job &
    // Trivsel, both at 6,965.
    let after = scenario(&f, &["--set", "trin-for-trin.price.spor2=1255"]);
    assert_eq!(standing(&after, "trin-for-trin"), (Some(2), d("6.965")));
    assert_eq!(standing(&after, "job-og-trivsel"), (Some(2), d("6.965")));
}

#[test]
fn no_price_suffices_and_the_points_that_would() {
    let f = Fixture::reference();
    let report = whatif(&f, &["job-og-trivsel"]);
    // Only the bid asked about.
    assert_eq!(report["bids"].as_array().expect("bids").len(), 1);
    let job = versus(&report, "job-og-trivsel", "above");
    assert_eq!(job["bid"], "kompas");
    // 6,965 − 8,125 = −1,16.
    assert_eq!(dec(&job["margin"]), d("-1.16"));
    // At 370 spor1 earns 8 instead of 0,1: + 7,9 × 0,05 = 0,395 → −0,765.
    assert_eq!(dec(&price_answer(job, "spor1")["margin"]), d("-0.765"));
    // At 1 100 spor2 earns 8 instead of 6: + 2 × 0,05 = 0,1 → −1,06.
    assert_eq!(dec(&price_answer(job, "spor2")["margin"]), d("-1.06"));
    // Both at once: −1,16 + 0,395 + 0,1 = −0,665.
    assert_eq!(dec(&job["all_lowest"]), d("-0.665"));
    // Indsats from 7 to 10 gives 3 × 0,54 = 1,62 → +0,46; 9 gives 1,08 → −0,08. The tie
    // at 7 + 1,16 / 0,54 = 9,148148… does not terminate: no exact tie is claimed.
    let indsats = points_answer(job, "indsats");
    assert_eq!(indsats["answer"], "at-least");
    assert_eq!(dec(&indsats["points"]), d("10"));
    assert_eq!(dec(&indsats["margin"]), d("0.46"));
    assert!(indsats["tie"].is_null(), "{indsats}");
    // Samarbejde from 8 to 10 gives 2 × 0,36 = 0,72 → still −0,44.
    let samarbejde = points_answer(job, "samarbejde");
    assert_eq!(samarbejde["answer"], "never");
    assert_eq!(dec(&samarbejde["margin"]), d("-0.44"));
}

#[test]
fn an_exact_tie_between_whole_points_is_confirmed_by_scoring() {
    let f = Fixture::reference();
    let report = whatif(&f, &["trin-for-trin"]);
    // Trin for Trin is 0,09 behind Job & Trivsel; Samarbejde weighs 0,36, so 6 + 0,09 /
    // 0,36 = 6,25 ties; the whole point 7 is the fewest that suffices (+0,27).
    let samarbejde = points_answer(versus(&report, "trin-for-trin", "above"), "samarbejde");
    assert_eq!(dec(&samarbejde["points"]), d("7"));
    assert_eq!(dec(&samarbejde["margin"]), d("0.27"));
    assert_eq!(dec(&samarbejde["tie"]), d("6.25"));
    let after = scenario(&f, &["--set", "trin-for-trin.points.samarbejde=6.25"]);
    assert_eq!(standing(&after, "trin-for-trin"), (Some(2), d("6.965")));
}

#[test]
fn under_a_relative_model_the_own_price_moves_the_others_points() {
    let f = Fixture::copy_of("tenders/proportional-rank-reversal");
    let report = whatif(&f, &[]);
    // Proportional, 10 × lowest / P, rounded to 2 decimals; quality and price 50 % each.
    // Gamma (quality 2, 50 kr.) 6,0; Beta (8,5, 200 kr.) 5,5; Alfa (5, 100 kr.) 5,0.
    // Beta against Gamma: 4,25 + 0,5 × 10 × 50 / P ≥ 6 → P = 143: 3,4965 → 3,50 → 6,0, a
    // tie; at 144: 3,47 → 5,985.
    let beta = price_answer(versus(&report, "beta", "above"), "pris");
    assert_eq!(dec(&beta["price"]), d("143"));
    assert_eq!(dec(&beta["tie"]), d("143"));
    assert_eq!(dec(&beta["next_margin"]), d("-0.015"));
    // Gamma, the winner: up to 100 kr. Gamma stays the lowest and keeps 10 points (6,0),
    // while the others' points follow Gamma's price. Beta: 4,25 + 0,5 × 10 × P / 200, at
    // 70 6,0 (a tie), at 71 6,025; Alfa: 2,5 + 0,5 × 10 × P / 100, at 70 6,0 (a tie), at
    // 71 6,05. The winner's answer is against every other bid: at 71 it is 0,05 behind
    // Alfa. Only a check that moves the field finds 70.
    let gamma = price_answer(versus(&report, "gamma", "runner-up"), "pris");
    assert_eq!(dec(&gamma["price"]), d("70"));
    assert_eq!(dec(&gamma["tie"]), d("70"));
    assert_eq!(dec(&gamma["next_margin"]), d("-0.05"));
    let after = scenario(&f, &["--set", "gamma.price.pris=70"]);
    assert_eq!(standing(&after, "gamma"), (Some(1), d("6")));
    assert_eq!(standing(&after, "beta"), (Some(1), d("6")));
    assert_eq!(standing(&after, "alfa"), (Some(1), d("6")));
    // Alfa against Gamma: 2,5 + 0,5 × 500 / P ≥ 6 → at 71 7,04 points, 6,02; at 72 6,94,
    // 5,97.
    let alfa = price_answer(versus(&report, "alfa", "winner"), "pris");
    assert_eq!(dec(&alfa["price"]), d("71"));
    assert_eq!(dec(&alfa["margin"]), d("0.02"));
    assert!(alfa["tie"].is_null(), "{alfa}");
}

#[test]
fn under_a_money_model_margins_are_money() {
    let f = Fixture::copy_of("tenders/money-per-point");
    let report = whatif(&f, &[]);
    assert_eq!(report["money"], true);
    // Searched in øre: the tender keeps øre. Gamma is 1 000 kr. behind Beta in evaluation
    // price, so its price must fall by 1 000 kr.: 263 000 → 262 000, an exact tie; at
    // 262 000,01 it is 0,01 kr. behind.
    let gamma = versus(&report, "gamma", "above");
    assert_eq!(dec(&gamma["margin"]), d("-1000"));
    let price = price_answer(gamma, "pris");
    assert_eq!(dec(&price["price"]), d("262000"));
    assert_eq!(dec(&price["tie"]), d("262000"));
    assert_eq!(dec(&price["next_margin"]), d("-0.01"));
    let after = scenario(&f, &["--set", "gamma.price.pris=262000"]);
    assert_eq!(standing(&after, "gamma").1, standing(&after, "beta").1);
}

#[test]
fn the_weight_range_of_the_winner_holds_inside_and_breaks_outside() {
    let f = Fixture::reference();
    let report = whatif(&f, &[]);
    let range = report["weights"]
        .as_array()
        .expect("weights")
        .iter()
        .find(|w| w["criterion"] == "kvalitet")
        .expect("kvalitet");
    // Kompas: kvalitet 0,6 × 9 + 0,4 × 8 = 8,6, pris 0,5 × 7,7 + 0 = 3,85; Vejen Frem 6,4
    // and 8. Level where 8,6 x + 3,85 (1 − x) = 6,4 x + 8 (1 − x): x = 4,15 / 6,35 =
    // 65,354330…%, which does not terminate.
    let low = &range["winner"]["low"];
    assert_eq!(low["overtaken_by"], "vejen-frem");
    assert_eq!(low["exact"], false);
    assert_eq!(dec(&low["weight"]).round_dp(6), d("65.354331"));
    assert_eq!(dec(&range["winner"]["high"]["weight"]), d("100"));
    // Just inside (65,36 %) Kompas wins: 8,6 × 0,6536 + 3,85 × 0,3464 = 6,9546 against
    // 6,4 × 0,6536 + 8 × 0,3464 = 6,95424. Just outside (65,35 %) Vejen Frem wins: 6,9544
    // against 6,954125.
    let inside = scenario(&f, &["--weight", "kvalitet=65.36"]);
    assert_eq!(standing(&inside, "kompas"), (Some(1), d("6.9546")));
    let outside = scenario(&f, &["--weight", "kvalitet=65.35"]);
    assert_eq!(standing(&outside, "vejen-frem"), (Some(1), d("6.9544")));
    assert_eq!(standing(&outside, "kompas").1, d("6.954125"));
}

#[test]
fn the_ranking_range_is_where_no_two_bids_swap() {
    let f = Fixture::reference();
    let report = whatif(&f, &[]);
    let indsats = report["weights"]
        .as_array()
        .expect("weights")
        .iter()
        .find(|w| w["criterion"] == "indsats")
        .expect("indsats");
    let (low, high) = (
        dec(&indsats["ranking"]["low"]["weight"]),
        dec(&indsats["ranking"]["high"]["weight"]),
    );
    let order = |weight: Decimal| -> Vec<String> {
        let arg = format!("indsats={weight}");
        let mut after = scenario(&f, &["--weight", &arg]);
        after.retain(|(_, rank, _)| rank.is_some());
        after.into_iter().map(|(id, _, _)| id).collect()
    };
    let now = order(d("60"));
    let step = d("0.01");
    assert_eq!(order((low + step).round_dp(2)), now);
    assert_eq!(order((high - step).round_dp(2)), now);
    assert_ne!(order((low - step).round_dp(2)), now);
    assert_ne!(order((high + step).round_dp(2)), now);
}

#[test]
fn a_scenario_accepts_a_finding_and_writes_nothing() {
    let f = Fixture::reference();
    let before = f.read("bids/uklar-erklaering.toml");
    let out = f
        .run(
            "whatif",
            &[
                "-q",
                "--lang",
                "en",
                "--accept",
                "uklar-erklaering:unclear-declaration",
            ],
        )
        .success();
    let text = stdout(&out);
    assert!(
        text.contains("the authority accepts the bid despite the finding unclear-declaration"),
        "{text}"
    );
    assert!(text.contains("Uklar Erklæring ApS"), "{text}");
    assert_eq!(f.read("bids/uklar-erklaering.toml"), before);
    let after = scenario(&f, &["--accept", "uklar-erklaering:unclear-declaration"]);
    assert!(standing(&after, "uklar-erklaering").0.is_some());
}

#[test]
fn a_scenario_naming_what_the_tender_lacks_is_refused_with_every_problem() {
    let f = Fixture::reference();
    let out = f
        .run(
            "whatif",
            &[
                "-q",
                "--set",
                "nobody.price.spor1=400",
                "--set",
                "kompas.price.spor9=400",
                "--weight",
                "indsats=120",
            ],
        )
        .code(2);
    let err = stderr(&out);
    assert!(err.contains("no bid `nobody`"), "{err}");
    assert!(err.contains("`spor9` is not a price line"), "{err}");
    assert!(err.contains("must lie above 0 and below 100"), "{err}");
    // A malformed edit is refused by the argument parser.
    let out = f
        .run("whatif", &["-q", "--set", "kompas.spor1=400"])
        .code(2);
    assert!(
        stderr(&out).contains("BID.price.LINE=PRICE"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_text_report_is_danish_by_default() {
    let f = Fixture::reference();
    let out = f.run("whatif", &["-q"]).success();
    let text = stdout(&out);
    assert!(text.contains("Hvad nu hvis"), "{text}");
    assert!(text.contains("højst 1.255,00 kr.: står lige dér"), "{text}");
    // Price decided 25,36 % of the spread among the ranked bids: (0,395 + 0,4) / (1,62 +
    // 0,72 + 0,395 + 0,4) = 0,795 / 3,135.
    assert!(text.contains("25,36 %"), "{text}");
}

#[test]
fn a_simulation_is_the_same_for_the_same_seed_whatever_the_threads() {
    let f = Fixture::reference();
    let run = |threads: &str, seed: &str| {
        let out = assert_cmd::Command::cargo_bin("tenderscore")
            .expect("binary")
            .current_dir(f.tender_dir().parent().expect("root"))
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "simulate", "tender", "-q", "--runs", "300", "--bids", "6", "--seed", seed, "-f",
                "json",
            ])
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    let one = run("1", "42");
    assert_eq!(one, run("2", "42"));
    assert_ne!(one, run("2", "43"));
    let report: Value = serde_json::from_slice(&one).expect("json");
    assert_eq!(report["runs"], 300);
    assert_eq!(report["ranked_runs"], 300);
    // Price is 10 % of the total (5 % per line).
    assert_eq!(dec(&report["price_stated"]), d("0.1"));
    // A fixed-anchor model cannot reverse a ranking.
    assert!(report["reversal_runs"].is_null());
    // The price → points table of spor1 (370–450): 8 at the minimum, 0 at the maximum.
    let rows = report["tables"][0][1]["rows"].as_array().expect("rows");
    assert_eq!(dec(&rows[0]["points"]), d("8"));
    assert_eq!(dec(&rows[rows.len() - 1]["points"]), d("0"));
}

#[test]
fn a_simulation_needs_prices_for_a_line_without_a_band() {
    let f = Fixture::copy_of("tenders/money-per-point");
    let err = stderr(&f.run("simulate", &["-q", "--runs", "10"]).code(2));
    assert!(err.contains("give --prices MIN-MAX"), "{err}");
    let out = f
        .run(
            "simulate",
            &[
                "-q",
                "--runs",
                "10",
                "--prices",
                "200000-300000",
                "--lang",
                "en",
            ],
        )
        .success();
    assert!(
        stdout(&out).contains("Price changed the winner in"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_decision_only_on_a_finding_under_review_and_one_weight_per_level() {
    let f = Fixture::reference();
    let out = f
        .run(
            "whatif",
            &[
                "-q",
                // Sen Levering is rejected outright (late-bid), not set aside for review.
                "--accept",
                "sen-levering:late-bid",
                "--weight",
                "indsats=50",
                "--weight",
                "samarbejde=60",
                "--set",
                "kompas.price.spor1=100000000000000",
            ],
        )
        .code(2);
    let err = stderr(&out);
    assert!(
        err.contains("sen-levering has no finding `late-bid` set aside for review"),
        "{err}"
    );
    assert!(err.contains("given twice"), "{err}");
    assert!(err.contains("must lie from 0 to 1000000000000"), "{err}");
    // "1.150" is a thousand in Danish and one point one five in English: refused.
    let err = stderr(
        &f.run(
            "whatif",
            &["-q", "--set", "trin-for-trin.price.spor2=1.150"],
        )
        .code(2),
    );
    assert!(err.contains("ambiguous"), "{err}");
    // A bid set aside has nothing to compare.
    let err = stderr(&f.run("whatif", &["-q", "mentorhuset"]).code(2));
    assert!(err.contains("is not ranked (rejected)"), "{err}");
}

#[test]
fn a_tie_now_is_split_by_any_change_of_weight() {
    let f = Fixture::reference();
    // Lige Vilkår and Ny Start share rank 5 with identical points and prices, so no weight
    // separates them; but version 0 (65/35) has Fælles Fodfæste, Lige Vilkår and Ny Start
    // all at 6,8 with different points: Fælles 7/7 with 400 and 1 150, the other two 7/7
    // with 385 and 1 200. Within Pris, Spor 1 weighs 50 %: any other weight parts them.
    let report = whatif(&f, &["--as-of", "0"]);
    let spor1 = report["weights"]
        .as_array()
        .expect("weights")
        .iter()
        .find(|w| w["criterion"] == "spor1")
        .expect("spor1");
    assert_eq!(dec(&spor1["ranking"]["low"]["weight"]), d("50"));
    assert_eq!(dec(&spor1["ranking"]["high"]["weight"]), d("50"));
}
