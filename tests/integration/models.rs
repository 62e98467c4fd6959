//! Price models through the binary: the rank-reversal demonstration tender, and models
//! swapped into the reference tender.

use assert_cmd::Command;
use serde_json::Value;

use crate::fixture::{Fixture, json, repo, stdout};

const REVERSAL: &str = "tenders/proportional-rank-reversal";

fn score_json(dir: &str) -> Value {
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["score", dir, "--format", "json"])
        .assert()
        .success();
    json(&out)
}

/// Shares 0.5 and 0.5; price points 10 × lowest / price with the lowest 50 (gamma):
/// gamma 0.5 × 2 + 0.5 × 10.00 = 6.0; beta 0.5 × 8.5 + 0.5 × 2.50 = 5.5;
/// alfa 0.5 × 5 + 0.5 × 5.00 = 5.0. Without gamma (lowest 100): alfa 2.5 + 0.5 × 10.00 =
/// 7.5 and beta 4.25 + 0.5 × 5.00 = 6.75, so alfa and beta change places.
#[test]
fn the_proportional_model_shows_its_rank_reversal() {
    let report = score_json(REVERSAL);
    let totals: Vec<(&str, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["bid"].as_str().unwrap(), b["total"].as_str().unwrap()))
        .collect();
    assert_eq!(totals, [("gamma", "6"), ("beta", "5.5"), ("alfa", "5")]);
    assert_eq!(
        report["rank_reversals"],
        serde_json::json!([{"removed": "gamma", "first": "alfa", "second": "beta", "with_all": "behind", "without": "ahead",
            "text": "With every bid, Alfa ApS (alfa) ranks below Beta ApS (beta); without Gamma ApS (gamma), it would rank above."}])
    );
    let notes = report["legal_notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n
            .as_str()
            .unwrap()
            .contains("RenoNorden v Skive Kommune, 2011")),
        "{notes:?}"
    );
    let beta = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "beta")
        .unwrap();
    assert_eq!(beta["prices"][0]["calculation"]["formula"], "10 × 50 / 200");
    assert_eq!(
        beta["prices"][0]["calculation"]["field"],
        serde_json::json!({"lowest": "50", "highest": "200"})
    );

    let table = stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args(["score", REVERSAL, "--lang", "en"])
            .assert()
            .success(),
    );
    assert!(
        table.contains(
            "RANK REVERSAL: Alfa ApS is behind Beta ApS with every bid, but ahead without Gamma ApS"
        ),
        "{table}"
    );
}

/// A field where Gamma's leaving turns 24 pairs: more than are listed (20).
/// Proportional, shares 0.5 and 0.5, points 10 × lowest / price. Eight bids at prices 100,
/// 125, 200, 250 (two at each, the second 0.1 better in quality), quality 1.5 × (5 − price
/// points with Gamma) + 1, so quality makes up 1.5 times what the price costs:
///   with Gamma (lowest 50: price points 5, 4, 2.5, 2):
///     a1 0.5 × 1 + 0.5 × 5 = 3.0, a2 3.05; b1 1.25 + 2 = 3.25, b2 3.3;
///     c1 2.375 + 1.25 = 3.625, c2 3.675; d1 2.75 + 1 = 3.75, d2 3.8
///   without Gamma (lowest 100: price points 10, 8, 5, 4):
///     a1 0.5 + 5 = 5.5, a2 5.55; b1 1.25 + 4 = 5.25, b2 5.3;
///     c1 2.375 + 2.5 = 4.875, c2 4.925; d1 2.75 + 2 = 4.75, d2 4.8
/// Every pair of different prices turns (8 × 7 / 2 − 4 = 24); the two at one price keep
/// their order. Only Gamma's removal counts: the highest price is shared by d1 and d2.
/// Listed from the top, by the lower bid of each pair with Gamma: the pairs of c2 (2),
/// c1 (2), b2 (4), b1 (4), a2 (6) and 2 of a1's 6; four pairs of a1 go unlisted.
#[test]
fn a_removal_turning_many_pairs_lists_the_highest_and_counts_all() {
    let f = Fixture::copy_of(REVERSAL);
    f.remove("bids/alfa.toml");
    f.remove("bids/beta.toml");
    for (n, (id, price, quality)) in [
        ("a1", "100", "1"),
        ("a2", "100", "1.1"),
        ("b1", "125", "2.5"),
        ("b2", "125", "2.6"),
        ("c1", "200", "4.75"),
        ("c2", "200", "4.85"),
        ("d1", "250", "5.5"),
        ("d2", "250", "5.6"),
    ]
    .into_iter()
    .enumerate()
    {
        f.write(
            &format!("bids/{id}.toml"),
            &format!(
                "bidder = \"Bidder {id}\"\ncvr = \"4200000{}\"\nsubmitted = 2024-02-28T10:00:00+01:00\nreservation = \"no\"\n\n[prices]\npris = {price}\n\n[points]\nkvalitet = {quality}\n",
                n
            ),
        );
    }
    let report = json(&f.run("score", &["--format", "json"]).success());
    assert_eq!(
        report["rank_reversal_counts"],
        serde_json::json!([{"removed": "gamma", "pairs": 24, "listed": 20,
            "text": "Without Gamma ApS (gamma), 24 pairs of bids change order; the 20 ranked highest are listed."}])
    );
    let listed: Vec<(String, String)> = report["rank_reversals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(
                (&r["with_all"], &r["without"]),
                (&"behind".into(), &"ahead".into()),
                "{r}"
            );
            (
                r["first"].as_str().unwrap().to_string(),
                r["second"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 20);
    let with_a1: Vec<&(String, String)> = listed.iter().filter(|(a, _)| a == "a1").collect();
    assert_eq!(
        with_a1,
        [
            &("a1".to_string(), "d1".to_string()),
            &("a1".to_string(), "d2".to_string())
        ]
    );

    let table = stdout(&f.run("score", &[]).success());
    assert!(
        table.contains("RANGOMBYTNING: Uden Gamma ApS skifter i alt 24 par af tilbud indbyrdes rækkefølge; de 20 par, der står højest i rangordenen, er nævnt ovenfor."),
        "{table}"
    );
}

#[test]
fn fixed_anchor_models_report_no_reversal_but_a_price_floor() {
    let report = score_json("tenders/kk-traedesten-2024");
    assert_eq!(report["rank_reversals"], serde_json::json!([]));
    let notes = report["legal_notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].as_str().unwrap().contains("HFD 2022 ref. 41"));
}

/// The reference tender, version 0, under relative-lowest-100 instead of kk-minmax-8.
/// The scored bids' lowest prices are 370 (vejen-frem, 369.10 → 370) and 1100
/// (vejen-frem, 1099 raised to 1100). spor1 points = 10 × (1 − (P − 370) / 370).
#[test]
fn a_relative_model_compares_with_the_lowest_scored_price() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"relative-lowest-100\"",
    );
    let out = f
        .run("score", &["--format", "json", "--as-of", "0"])
        .success();
    let report: Value = json(&out);
    let price = |bid: &str, line: &str| {
        let b = report["bids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bid"] == bid)
            .unwrap();
        b["prices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["line"] == line)
            .unwrap()["points"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // faelles-fodfaeste 400: 10 × (1 − 30 / 370) = 10 × 0.9189189… = 9.189… → 9.19
    assert_eq!(price("faelles-fodfaeste", "spor1"), "9.19");
    // vejen-frem 370, the lowest: 10.00
    assert_eq!(price("vejen-frem", "spor1"), "10.00");
    // kompas spor2 1300 (lowered from 1350): 10 × (1 − 200 / 1100) = 8.1818… → 8.18
    assert_eq!(price("kompas", "spor2"), "8.18");
    // The rejected brobyggerne (380, 1120) is not in the field: the lowest stays 370/1100.
    let kompas = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "kompas")
        .unwrap();
    assert_eq!(
        kompas["prices"][1]["calculation"]["field"],
        serde_json::json!({"lowest": "1100", "highest": "1300"})
    );
}

fn models(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .arg("models")
        .args(args)
        .assert()
}

#[test]
fn models_lists_every_shipped_model() {
    let out = stdout(&models(&[]).success());
    for name in [
        "kk-minmax-8",
        "relative-lowest-100",
        "relative-lowest-75",
        "proportional-10",
        "lowest-to-highest-10",
        "target-10-8-0",
    ] {
        assert!(out.contains(name), "{name} in {out}");
    }
}

#[test]
fn models_show_tabulates_points_by_hand_checked_values() {
    // Proportional: 10 × 370 / 740 = 5 at twice the lowest price.
    let out = stdout(&models(&["show", "proportional-10"]).success());
    assert!(out.contains("Formula: 10 × Plow / P"), "{out}");
    assert!(
        out.contains("│ 740   ┆             200 ┆              5 ┆   5,00 │"),
        "{out}"
    );
    assert!(out.contains("RenoNorden"), "{out}");
    // Relative, slope 75 %: at 1.75 × 370 = 647.5, 10 × (1 − 277.5 / (0.75 × 370)) = 0.
    let out = stdout(&models(&["show", "relative-lowest-75"]).success());
    assert!(
        out.contains("│ 647,5 ┆             175 ┆              0 ┆   0,00 │"),
        "{out}"
    );
    // Target anchors on 370–430, target 400: 385 → 10 + (385 − 380) × (8 − 10) / (400 − 380) = 9.5.
    let out = stdout(&models(&["show", "target-10-8-0"]).success());
    assert!(out.contains("│ 385   ┆            9,5 ┆   9,50 │"), "{out}");
    // Another band: kk-minmax-8 on 1100–1300 at 1150: 8 − 50 × 8 / 200 = 6.
    let out = stdout(&models(&["show", "kk-minmax-8", "--band", "1100-1300"]).success());
    assert!(out.contains("│ 1.150 ┆              6 ┆   6,00 │"), "{out}");
    models(&["show", "kk-minmax-9"]).code(2);
    models(&["show", "kk-minmax-8", "--band", "430-370"]).code(2);
}

#[test]
fn a_model_with_a_field_of_another_method_is_an_error() {
    let f = Fixture::reference();
    let path = f.root.path().join("scoring-models/kk-minmax-8.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "method = \"linear-anchors\"",
            "method = \"proportional\"\nmax_points = 10",
        ),
    )
    .unwrap();
    let out = f.run("check", &[]).code(1);
    let messages = crate::fixture::stderr(&out);
    assert!(
        messages.contains("error[E106]: `anchors` does not belong to method \"proportional\""),
        "{messages}"
    );
    assert!(
        messages.contains("scoring-models/kk-minmax-8.toml:"),
        "{messages}"
    );
}

/// Volumes: 26 weeks × 5 weekdays = 130 at the day price, 13 weeks × ½ hour = 6.5 at the
/// hour price. The combined band: 370 × 130 + 1100 × 6.5 = 55 250 to 430 × 130 + 1300 × 6.5
/// = 64 350; kk-minmax-8 on it: 8 − (P − 55 250) × 8 / 9 100.
#[test]
fn price_lines_combined_by_expected_volumes() {
    let f = Fixture::reference();
    f.replace("tender.toml", "missing = { rule = \"max\", source = \"Bilag B pkt. 1.2.1\" }", "missing = { rule = \"max\", source = \"Bilag B pkt. 1.2.1\" }\nvolumes = { spor1 = 130, spor2 = 6.5 }");
    let report: Value = json(
        &f.run("score", &["--format", "json", "--as-of", "0"])
            .success(),
    );
    let bid = |id: &str| crate::fixture::bid(&report, id).clone();
    // kompas: 373 × 130 + 1300 × 6.5 = 48 490 + 8 450 = 56 940;
    // 8 − 1 690 × 8 / 9 100 = 8 − 1.4857… = 6.5142… → 6.51 on both lines;
    // total 5.265 + 2.52 + 0.1 × 6.51 = 8.436
    let kompas = bid("kompas");
    assert_eq!(kompas["prices"][0]["points"], "6.51");
    assert_eq!(kompas["prices"][1]["points"], "6.51");
    assert_eq!(kompas["total"], "8.436");
    assert_eq!(
        kompas["prices"][0]["calculation"]["formula"],
        "evaluation price 373 × 130 + 1300 × 6.5 = 56940; 8 + (56940 − 55250) × (0 − 8) / (64350 − 55250)"
    );
    // vejen-frem at both minimums: 55 250 → 8; total 3.51 + 2.205 + 0.8 = 6.515
    assert_eq!(bid("vejen-frem")["total"], "6.515");

    // Every line needs a quantity.
    f.replace(
        "tender.toml",
        "volumes = { spor1 = 130, spor2 = 6.5 }",
        "volumes = { spor1 = 130 }",
    );
    let messages = crate::fixture::stderr(&f.run("check", &[]).code(1));
    assert!(
        messages.contains("price line `spor2` has no expected quantity"),
        "{messages}"
    );
}

/// A money model on the reference tender (version 0), with the lines combined by volume
/// (spor1 × 130 + spor2 × 6.5). Q = (0.585 × indsats + 0.315 × samarbejde) / 0.9, Qmax 10;
/// evaluation price = P + (10 − Q) × 5 000; the lowest wins.
#[test]
fn a_money_model_ranks_by_the_lowest_evaluation_price() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"money-5000-per-point\"",
    );
    f.replace("tender.toml", "missing = { rule = \"max\", source = \"Bilag B pkt. 1.2.1\" }", "missing = { rule = \"max\", source = \"Bilag B pkt. 1.2.1\" }\nvolumes = { spor1 = 130, spor2 = 6.5 }");
    let report: Value = json(
        &f.run("score", &["--format", "json", "--as-of", "0"])
            .success(),
    );
    let ranked: Vec<(&str, u64, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "ranked")
        .map(|b| {
            (
                b["bid"].as_str().unwrap(),
                b["rank"].as_u64().unwrap(),
                b["evaluation_price"]["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ranked,
        [
            // 373 × 130 + 1300 × 6.5 = 56 940; Q = 7.785 / 0.9 = 8.65; 56 940 + 1.35 × 5 000 = 63 690
            ("kompas", 1, "63690.00"),
            // 371 × 130 + 1300 × 6.5 = 56 680; Q = 6.57 / 0.9 = 7.3; 56 680 + 2.7 × 5 000 = 70 180
            ("trin-for-trin", 2, "70180.00"),
            // 385 × 130 + 1200 × 6.5 = 57 850; Q = 7; 57 850 + 15 000 = 72 850, for
            // lige-vilkaar (384.20 → 385) and ny-start alike: a shared rank
            ("lige-vilkaar", 3, "72850.00"),
            ("ny-start", 3, "72850.00"),
            // 370 × 130 + 1100 × 6.5 = 55 250; Q = 5.715 / 0.9 = 6.35; 55 250 + 18 250 = 73 500
            ("vejen-frem", 5, "73500.00"),
            // 400 × 130 + 1150 × 6.5 = 59 475; Q = 7; 59 475 + 15 000 = 74 475
            ("faelles-fodfaeste", 6, "74475.00"),
            // 430 × 130 + 1150 × 6.5 = 63 375; Q = 6.615 / 0.9 = 7.35; 63 375 + 13 250 = 76 625
            ("job-og-trivsel", 7, "76625.00"),
        ]
    );
    let kompas = &report["bids"][0]["evaluation_price"];
    assert_eq!(kompas["formula"], "56940 + (10 − 8.65) × 5000");
    let table = stdout(&f.run("score", &["--as-of", "0", "--lang", "en"]).success());
    assert!(table.contains("Evaluation price"), "{table}");
    assert!(table.contains("bids are ranked by evaluation price, the lowest first: P + (Qmax − Q) × 5000, lowest wins"), "{table}");
    let explained = stdout(
        &f.run("explain", &["kompas", "--as-of", "0", "--lang", "en"])
            .success(),
    );
    assert!(explained.contains("56940 + (10 − 8.65) × 5000 = 63,690; rounded half-up to 2 decimals: 63,690.00 (the lowest evaluation price wins)"), "{explained}");
    // Q = (0.585 × 9 + 0.315 × 8) / 0.9 = 7.785 / 0.9 = 8.65; P from the volumes.
    assert!(
        explained.contains("Q = (0.585 × 9 + 0.315 × 8) / 0.9 = 8.65 of Qmax 10"),
        "{explained}"
    );
    assert!(
        explained.contains("P = 373 × 130 + 1300 × 6.5 = 56,940:"),
        "{explained}"
    );
    assert!(
        explained.contains("The price gives no points under money model money-5000-per-point"),
        "{explained}"
    );
    assert!(
        !explained.contains("Total ="),
        "no weighted total under a money model: {explained}"
    );

    // Without volumes, two price lines give no single price to compare.
    f.replace("tender.toml", "volumes = { spor1 = 130, spor2 = 6.5 }", "");
    let messages = crate::fixture::stderr(&f.run("check", &[]).code(1));
    assert!(messages.contains("money model money-5000-per-point needs one price to compare, but the tender has 2 price lines and no prices.volumes"), "{messages}");
}

/// `rounding = "none"` keeps the points exact. The reversal tender with gamma at 50 (the
/// lowest), beta at 64 and alfa at 60 under proportional-10 without rounding:
/// beta 10 × 50 / 64 = 7.8125 exactly (2 decimals half-up would give 7.81);
/// alfa 10 × 50 / 60 = 8.333… does not terminate: cut at 28 significant digits and
/// marked so; gamma 10 × 50 / 50 = 10.
#[test]
fn rounding_none_keeps_price_points_exact() {
    let fixture = Fixture::copy_of(REVERSAL);
    fixture.write(
        "../scoring-models/proportional-10.toml",
        "name = \"proportional-10\"\ntitle = \"Proportional, exact\"\nmethod = \"proportional\"\n\
         max_points = 10\n\n[points]\nrounding = \"none\"\n",
    );
    fixture.replace("bids/beta.toml", "pris = 200", "pris = 64");
    fixture.replace("bids/alfa.toml", "pris = 100", "pris = 60");
    let report = json(&fixture.run("score", &["--format", "json"]).success());
    let price_of = |id: &str| {
        report["bids"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bid"] == id)
            .unwrap()["prices"][0]
            .clone()
    };
    assert_eq!(price_of("beta")["points"], "7.8125");
    assert_eq!(price_of("gamma")["points"], "10");
    assert_eq!(price_of("alfa")["points"], "8.333333333333333333333333333");
    assert_eq!(
        price_of("alfa")["calculation"]["rounding"],
        serde_json::json!({"decimals": null, "mode": "none"})
    );
    let explained = stdout(&fixture.run("explain", &["alfa", "--lang", "en"]).success());
    assert!(explained.contains("Not rounded"), "{explained}");
    assert!(
        explained.contains("rounded at 28 significant digits"),
        "{explained}"
    );
}

/// `decimals` belongs to a rounding mode: with "none" it is refused, and a mode without
/// it is refused; both in one run, each at its line.
#[test]
fn rounding_none_and_decimals_do_not_mix() {
    let fixture = Fixture::copy_of(REVERSAL);
    fixture.write(
        "../scoring-models/proportional-10.toml",
        "name = \"proportional-10\"\ntitle = \"P\"\nmethod = \"proportional\"\n\
         max_points = 10\n\n[points]\ndecimals = 2\nrounding = \"none\"\n",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(err.contains("proportional-10.toml:7:"), "{err}");
    assert!(err.contains("remove `decimals`"), "{err}");
    fixture.write(
        "../scoring-models/proportional-10.toml",
        "name = \"proportional-10\"\ntitle = \"P\"\nmethod = \"proportional\"\n\
         max_points = 10\n\n[points]\nrounding = \"half-up\"\n",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(err.contains("has no `decimals`"), "{err}");
}

const MONEY: &str = "tenders/money-per-point";

/// The money example (see its tender.toml for the arithmetic): the price line has no
/// weight, the quality weights 60 + 40 make Q, and the JSON ranks on the evaluation price
/// with no total: beta 240 000 + (10 − 5.6) × 5 000 = 262 000.00; gamma 263 000 + 0 =
/// 263 000.00; alfa 250 000 + (10 − 7.2) × 5 000 = 264 000.00.
#[test]
fn a_money_tender_needs_no_price_weight_and_shows_no_total() {
    let check = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(repo())
        .args(["check", MONEY, "--strict"])
        .assert()
        .success();
    assert!(!crate::fixture::stderr(&check).contains("W002"));
    let report = score_json(MONEY);
    let ranked: Vec<(&str, &str, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            assert_eq!(b["total"], Value::Null, "{b}");
            assert_eq!(b["total_exact"], Value::Null, "{b}");
            let ids: Vec<&str> = b["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    assert_eq!(c["weighted"], Value::Null, "{c}");
                    c["id"].as_str().unwrap()
                })
                .collect();
            assert_eq!(ids, ["indsats", "samarbejde"]);
            (
                b["bid"].as_str().unwrap(),
                b["evaluation_price"]["quality"].as_str().unwrap(),
                b["evaluation_price"]["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ranked,
        [
            ("beta", "5.6", "262000.00"),
            ("gamma", "10", "263000.00"),
            ("alfa", "7.2", "264000.00")
        ]
    );
    assert_eq!(report["tender"]["total_bounds"], Value::Null);
    let criteria = report["tender"]["criteria"].as_array().unwrap();
    let shares: Vec<(&Value, &Value)> = criteria
        .iter()
        .map(|c| (&c["weight"], &c["share"]))
        .collect();
    assert_eq!(
        shares,
        [
            (&Value::from("60"), &Value::from("0.6")),
            (&Value::from("40"), &Value::from("0.4")),
            (&Value::Null, &Value::Null)
        ]
    );
    // No band: no price can be raised, so no price-floor note; the line's band is null.
    assert_eq!(report["legal_notes"], serde_json::json!([]));
    assert_eq!(
        criteria[2]["price_line"],
        serde_json::json!({"unit": "kontrakt", "min": null, "max": null})
    );
    let table = stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args(["score", MONEY, "--lang", "en"])
            .assert()
            .success(),
    );
    assert!(table.contains("Indsats (60 % of Q)"), "{table}");
    // Price earns no points: none in the JSON's prices, no points columns in the CSV.
    assert_eq!(report["bids"][0]["prices"][0]["points"], Value::Null);
    assert_eq!(report["bids"][0]["prices"][0]["calculation"], Value::Null);
    let csv = stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args(["score", MONEY, "--format", "csv"])
            .assert()
            .success(),
    );
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(
            "evaluation price;indsats points;samarbejde points;pris submitted;pris evaluated;pris adjustments;set_aside;warnings"
        ),
        "{header}"
    );
    assert!(!table.contains("points rounded"), "{table}");
    assert!(
        table.contains("Equal evaluation prices share a rank"),
        "{table}"
    );
}

/// A price weight under a money model is not used: a warning (W002) at the weight, once
/// however many versions; it does not count in its level's sum (60 + 40 = 100 without
/// it), and the results are as without it: Q = 0.6 × indsats + 0.4 × samarbejde.
#[test]
fn a_price_weight_under_a_money_model_is_a_warning_and_unused() {
    let fixture = Fixture::copy_of(MONEY);
    fixture.replace(
        "tender.toml",
        "unit = \"kontrakt\"",
        "unit = \"kontrakt\"\nweight = 10",
    );
    let check = fixture.run("check", &["--strict"]).code(4);
    let err = crate::fixture::stderr(&check);
    assert_eq!(err.matches("warning[W002]").count(), 1, "{err}");
    assert!(err.contains("the weight of `pris`"), "{err}");
    let report = json(&fixture.run("score", &["--format", "json"]).success());
    let values: Vec<&str> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["evaluation_price"]["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["262000.00", "263000.00", "264000.00"]);
    assert_eq!(report["tender"]["criteria"][0]["share"], "0.6");
}

/// Which parts of the reversal tender's band set-up to take out.
struct Without {
    band: bool,
    band_rules: bool,
    /// `missing = "max"` becomes "reject" (which needs no band).
    missing_max: bool,
}

/// A copy of the reversal tender with parts of its band set-up taken out.
fn reversal_without(parts: Without) -> Fixture {
    let fixture = Fixture::copy_of(REVERSAL);
    if parts.band {
        fixture.replace("tender.toml", "min = 40\nmax = 250\n", "");
    }
    if parts.band_rules {
        fixture.replace("tender.toml", "below_min = { rule = \"raise\" }\n", "");
        fixture.replace("tender.toml", "above_max = { rule = \"lower\" }\n", "");
    }
    if parts.missing_max {
        fixture.replace(
            "tender.toml",
            "missing = { rule = \"max\" }",
            "missing = { rule = \"reject\" }",
        );
    }
    fixture
}

const NO_BAND_AT_ALL: Without = Without {
    band: true,
    band_rules: true,
    missing_max: true,
};

/// A relative model needs no band: the reversal tender without `min`, `max`, `below_min`
/// and `above_max` scores as before (prices 100, 200 and 50 are inside the old band), and
/// its line's band is null. Points: 10 × 50 / price: alfa 5.00, beta 2.50, gamma 10.00.
#[test]
fn a_relative_tender_needs_no_band_and_no_band_rules() {
    let fixture = reversal_without(NO_BAND_AT_ALL);
    fixture.replace("tender.toml", "whole_kroner = { rule = \"up\" }\n", "");
    fixture.run("check", &["--strict"]).success();
    let report = json(&fixture.run("score", &["--format", "json"]).success());
    let points: Vec<(&str, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["bid"].as_str().unwrap(),
                b["prices"][0]["points"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        points,
        [("gamma", "10.00"), ("beta", "2.50"), ("alfa", "5.00")]
    );
    assert_eq!(
        report["tender"]["criteria"][1]["price_line"],
        serde_json::json!({"unit": "time", "min": null, "max": null})
    );
    let table = stdout(&fixture.run("score", &["--lang", "en"]).success());
    assert!(table.contains("DKK per time, no price band"), "{table}");
}

/// What a band decides needs the band, and band rules need a band to apply to; each
/// mismatch is reported at its place, all in one run.
#[test]
fn band_rules_and_bands_come_together() {
    // Band rules without any band: they can never apply.
    let fixture = reversal_without(Without {
        band_rules: false,
        ..NO_BAND_AT_ALL
    });
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(
        err.contains("no price line has a band, so `below_min` can never apply"),
        "{err}"
    );
    assert!(
        err.contains("no price line has a band, so `above_max` can never apply"),
        "{err}"
    );

    // `missing = max` without a band to take the maximum from.
    let fixture = reversal_without(Without {
        missing_max: false,
        ..NO_BAND_AT_ALL
    });
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(err.contains("price line `pris` has no band"), "{err}");

    // A band without the rules for prices outside it, and half a band.
    let fixture = Fixture::copy_of(REVERSAL);
    fixture.replace("tender.toml", "below_min = { rule = \"raise\" }\n", "");
    fixture.replace("tender.toml", "max = 250\n", "");
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(err.contains("price line `pris` has no `max`"), "{err}");
    assert!(err.contains("has no `below_min`"), "{err}");

    // Anchors at the band's ends on a line without one.
    let fixture = reversal_without(NO_BAND_AT_ALL);
    fixture.replace(
        "tender.toml",
        "model = \"proportional-10\"",
        "model = \"kk-minmax-8\"",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(
        err.contains("has an anchor at min, but price line `pris` has no band"),
        "{err}"
    );

    // A relative model without a floor: points without a lower bound unless banded.
    let fixture = reversal_without(NO_BAND_AT_ALL);
    fixture.replace(
        "tender.toml",
        "model = \"proportional-10\"",
        "model = \"relative-lowest-75\"",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(
        err.contains("has no floor, so price line `pris` needs a band"),
        "{err}"
    );
}

/// Under a money model the quality weights must sum to 100 among themselves (a price
/// weight beside them does not fill the gap), a total rounding has no total to round, and
/// a tie-break on price would compare points that are always 0: each is refused.
#[test]
fn money_models_refuse_rules_that_would_be_ignored() {
    let fixture = Fixture::copy_of(MONEY);
    fixture.replace("tender.toml", "weight = 40", "weight = 30");
    fixture.replace(
        "tender.toml",
        "unit = \"kontrakt\"",
        "unit = \"kontrakt\"\nweight = 10",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(
        err.contains("(indsats, samarbejde) sum to 60 + 30 = 90 %"),
        "{err}"
    );

    let fixture = Fixture::copy_of(MONEY);
    fixture.replace(
        "tender.toml",
        "[[criteria]]\nid = \"indsats\"",
        "[ranking]\ntie_break = [\"pris\"]\ntotal_rounding = { decimals = 0, rounding = \"half-up\" }\n\n[[criteria]]\nid = \"indsats\"",
    );
    let err = crate::fixture::stderr(&fixture.run("check", &[]).failure());
    assert!(
        err.contains("`pris` earns no points, so it cannot break a tie"),
        "{err}"
    );
    assert!(err.contains("there is no total to round"), "{err}");
}

/// `rescore` under a money model compares what the ranking uses: the evaluation price
/// and the quality points, never a total or price points the model does not have.
/// Indsats 60 → 50, samarbejde 40 → 50: beta Q = 0.5 × 6 + 0.5 × 5 = 5.5, evaluation
/// price 240 000 + 4.5 × 5 000 = 262 500.00 (was 262 000.00).
#[test]
fn rescore_under_a_money_model_shows_no_total() {
    let fixture = Fixture::copy_of(MONEY);
    fixture.write(
        "rettelsesblade/01-vaegte.toml",
        "number = 1\ndate = 2024-02-01\ntitle = \"Vægte\"\nreference = \"R1\"\n\n\
         [[changes]]\npath = \"criteria.indsats.weight\"\nvalue = 50\n\n\
         [[changes]]\npath = \"criteria.samarbejde.weight\"\nvalue = 50\n",
    );
    let report = json(&fixture.run("rescore", &["--format", "json"]).success());
    let beta = report["tenders"][0]["steps"][0]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "beta")
        .unwrap()
        .clone();
    let fields: Vec<&str> = beta["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["evaluation price"], "{beta}");
    assert_eq!(beta["changes"][0]["before"], "262000.00");
    assert_eq!(beta["changes"][0]["after"], "262500.00");
}

/// Under a money model bids tie on the evaluation price, not on a total: `explain` and
/// the score notes say so. A copy of beta (another bidder, the same prices and points):
/// Q = 0.6 × 6 + 0.4 × 5 = 5.6 for both, evaluation price 240 000 + (10 − 5.6) × 5 000
/// = 262 000 for both.
#[test]
fn a_tie_under_a_money_model_is_on_the_evaluation_price() {
    let fixture = Fixture::copy_of(MONEY);
    let beta = fixture.read("bids/beta.toml");
    fixture.write(
        "bids/beta-kopi.toml",
        &beta
            .replace("Beta ApS", "Beta Kopi ApS")
            .replace("41000002", "41000099"),
    );
    let en = stdout(
        &fixture
            .run("explain", &["beta", "--lang", "en", "-q"])
            .success(),
    );
    assert!(
        en.contains("shared with Beta Kopi ApS: the evaluation prices are exactly equal, and the tender declares no tie-break."),
        "{en}"
    );
    assert!(!en.contains("totals"), "{en}");
    let da = stdout(
        &fixture
            .run("explain", &["beta", "--lang", "da", "-q"])
            .success(),
    );
    assert!(
        da.contains("delt med Beta Kopi ApS: evalueringspriserne er nøjagtig ens, og udbudsmaterialet fastsætter ingen regel for ligestilling."),
        "{da}"
    );
    let notes = stdout(
        &fixture
            .run("score", &["--lang", "da", "-q", "-f", "md"])
            .success(),
    );
    assert!(notes.contains("samme evalueringspris, 262.000"), "{notes}");
    let notes = stdout(
        &fixture
            .run("score", &["--lang", "en", "-q", "-f", "md"])
            .success(),
    );
    assert!(notes.contains("tie on the evaluation price 262"), "{notes}");
}
