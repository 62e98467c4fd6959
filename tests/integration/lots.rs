//! Tenders split into lots, through the binary, on copies of the Copenhagen example.
//!
//! Each lot: its quality 70 %, its one price line 30 %; price points 10 × (max − P) /
//! (max − min), 2 decimals half up. Totals = 0.7 × Q + 0.3 × price points:
//! - sygemeldte (20 000–30 000, 4 suppliers, cascade): arbejdsbroen 22 000 → 8.00, 5.6 + 2.4
//!   = 8.0; beskaeftigelseshuset 21 000 → 9.00, 4.9 + 2.7 = 7.6; center-for-afklaring
//!   28 000 → 2.00, 6.3 + 0.6 = 6.9; dialogcentret 24 000 → 6.00, 4.2 + 1.8 = 6.0; egen-vej
//!   26 000 → 4.00, 3.5 + 1.2 = 4.7.
//! - aktivitetsparate (15 000–25 000, 7 suppliers, cascade): arbejdsbroen 17 000 → 8.00,
//!   7.3; dialogcentret 20 000 → 5.00, 7.1; beskaeftigelseshuset 16 000 → 9.00, 6.9;
//!   fremdrift 24 000 → 1.00, 6.6; egen-vej 15 000 → 10.00, 6.5; godt-i-gang 21 000 → 4.00,
//!   6.1; hverdagsliv 19 000 → 6.00, 6.0; i-job 23 000 → 2.00, 2.8 + 0.6 = 3.4.
//! - hjerneskade (40 000–60 000, 2 suppliers, equal): center-for-afklaring 45 000 → 7.50,
//!   5.6 + 2.25 = 7.85; godt-i-gang 42 000 → 9.00, 7.6; fremdrift 55 000 → 2.50, 7.05.

use serde_json::Value;

use super::fixture::{Fixture, json, ranked, stderr};

const COPENHAGEN: &str = "tenders/kk-samlet-udbud-2019";

fn lot(f: &Fixture, lot: &str) -> Value {
    json(
        &f.run("score", &["-q", "-f", "json", "--lot", lot])
            .success(),
    )
}

/// The Copenhagen tender with a limit of one lot per bidder, kept in the tender's order of
/// lots (Udbudsbetingelserne pkt. 3.4, made up).
fn with_lot_limit() -> Fixture {
    let f = Fixture::copy_of(COPENHAGEN);
    f.replace(
        "tender.toml",
        "# Made up: in each lot",
        "[lot_limit]\nper_bidder = 1\nkeep = \"lot-order\"\nsource = \"Udbudsbetingelserne pkt. 3.4\"\n\n# Made up: in each lot",
    );
    f
}

/// (bid, award status) in award order.
fn statuses(report: &Value) -> Vec<(String, String)> {
    report["award"]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["bid"].as_str().unwrap().into(),
                b["status"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// The Copenhagen tender's lots, in its order.
const LOTS: [&str; 3] = ["sygemeldte", "aktivitetsparate", "hjerneskade"];

/// `rescore` of the fixture's tender, as JSON.
fn rescored(f: &Fixture) -> Value {
    json(
        &f.run_path("rescore", "tender", &["-q", "-f", "json"])
            .success(),
    )
}

/// The lots of a `rescore` JSON report, in its order.
fn lots_rescored(report: &Value) -> Vec<&str> {
    report["tenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["lot"].as_str().unwrap())
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn each_lot_has_its_own_criteria_bids_and_award() {
    let f = Fixture::copy_of(COPENHAGEN);
    let syg = lot(&f, "sygemeldte");
    assert_eq!(syg["tender"]["lot"]["id"], "sygemeldte");
    assert_eq!(
        ranked(&syg),
        pairs(&[
            ("arbejdsbroen", "8"),
            ("beskaeftigelseshuset", "7.6"),
            ("center-for-afklaring", "6.9"),
            ("dialogcentret", "6"),
            ("egen-vej", "4.7"),
        ])
    );
    // Only this lot's criteria: Kvalitet, Pris and its one price line.
    let ids: Vec<&str> = syg["tender"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kvalitet-sygemeldte", "pris", "forloeb-sygemeldte"]);
    assert_eq!(syg["award"]["bids"][4]["status"], "not-awarded");
    let akt = lot(&f, "aktivitetsparate");
    assert_eq!(akt["bids"].as_array().unwrap().len(), 8);
    assert_eq!(statuses(&akt)[6], ("hverdagsliv".into(), "awarded".into()));
    assert_eq!(statuses(&akt)[7], ("i-job".into(), "not-awarded".into()));
    let hjerne = lot(&f, "hjerneskade");
    assert_eq!(
        ranked(&hjerne),
        pairs(&[
            ("center-for-afklaring", "7.85"),
            ("godt-i-gang", "7.6"),
            ("fremdrift", "7.05")
        ])
    );
    assert_eq!(hjerne["award"]["bids"][0]["share"], "50");
}

#[test]
fn a_lot_limit_moves_the_award_to_the_next_bids() {
    let f = with_lot_limit();
    // Round 1: arbejdsbroen, beskaeftigelseshuset, dialogcentret win sygemeldte and
    // aktivitetsparate; center-for-afklaring sygemeldte and hjerneskade; godt-i-gang
    // aktivitetsparate and hjerneskade. In lot order each keeps its first lot: the first
    // three and center-for-afklaring keep sygemeldte, godt-i-gang keeps aktivitetsparate.
    // Round 2: fremdrift now wins aktivitetsparate and hjerneskade: it keeps
    // aktivitetsparate. Round 3: nobody is left for hjerneskade.
    let syg = lot(&f, "sygemeldte");
    assert!(statuses(&syg)[..4].iter().all(|(_, s)| s == "awarded"));
    let akt = lot(&f, "aktivitetsparate");
    let awarded: Vec<String> = akt["award"]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "awarded")
        .map(|b| format!("{}@{}", b["bid"].as_str().unwrap(), b["places"][0]))
        .collect();
    assert_eq!(
        awarded,
        [
            "fremdrift@1",
            "egen-vej@2",
            "godt-i-gang@3",
            "hverdagsliv@4",
            "i-job@5"
        ]
    );
    assert_eq!(akt["award"]["unfilled"], serde_json::json!([6, 7]));
    let passed: Vec<&str> = akt["award"]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "lot-limit")
        .map(|b| b["bid"].as_str().unwrap())
        .collect();
    assert_eq!(
        passed,
        ["arbejdsbroen", "dialogcentret", "beskaeftigelseshuset"]
    );
    let hjerne = lot(&f, "hjerneskade");
    assert_eq!(hjerne["award"]["unfilled"], serde_json::json!([1, 2]));

    // By the bidders' own priority instead: center-for-afklaring lists hjerneskade first,
    // so it keeps hjerneskade and is passed over in sygemeldte, where egen-vej moves up.
    f.replace(
        "tender.toml",
        "keep = \"lot-order\"",
        "keep = \"bidder-priority\"",
    );
    let syg = lot(&f, "sygemeldte");
    let awarded: Vec<&str> = syg["award"]["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "awarded")
        .map(|b| b["bid"].as_str().unwrap())
        .collect();
    assert_eq!(
        awarded,
        [
            "arbejdsbroen",
            "beskaeftigelseshuset",
            "dialogcentret",
            "egen-vej"
        ]
    );
    let hjerne = lot(&f, "hjerneskade");
    assert_eq!(hjerne["award"]["bids"][0]["bid"], "center-for-afklaring");
    assert_eq!(hjerne["award"]["bids"][0]["status"], "awarded");
}

#[test]
fn lot_problems_are_reported() {
    let f = Fixture::copy_of(COPENHAGEN);
    // No lot named, a lot the tender lacks.
    assert!(
        stderr(&f.run("score", &[]).code(1))
            .contains("name the lot with --lot: sygemeldte, aktivitetsparate, hjerneskade")
    );
    assert!(stderr(&f.run("score", &["--lot", "4"]).code(1)).contains("the tender has no lot `4`"));
    // A bid without lots, a bid naming a lot twice, a criterion naming an unknown lot.
    f.replace("bids/i-job.toml", "lots = [\"aktivitetsparate\"]\n", "");
    f.replace(
        "bids/hverdagsliv.toml",
        "lots = [\"aktivitetsparate\"]",
        "lots = [\"aktivitetsparate\", \"aktivitetsparate\"]",
    );
    f.replace(
        "tender.toml",
        "lots = [\"hjerneskade\"]\nsource = \"Udbudsbetingelserne pkt. 10.1\"",
        "lots = [\"hjerneskader\"]\nsource = \"Udbudsbetingelserne pkt. 10.1\"",
    );
    let err = stderr(&f.run("score", &["--lot", "aktivitetsparate"]).code(1));
    for part in [
        "the tender has lots, and the bid does not say which it covers",
        "lot `aktivitetsparate` is named twice",
        "the tender has no lot `hjerneskader`",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
    // --lot on a tender without lots.
    let f = Fixture::reference();
    assert!(
        stderr(&f.run("score", &["--lot", "1"]).code(1))
            .contains("--lot 1 was given, and the tender has no lots")
    );
}

#[test]
fn check_looks_at_every_lot() {
    let f = Fixture::copy_of(COPENHAGEN);
    // hjerneskade's price line weighs 90 % under Pris; the other lots are fine, so scoring
    // them succeeds, but `check` without --lot looks at every lot and finds it.
    f.replace(
        "tender.toml",
        "max = 60000\nweight = 100",
        "max = 60000\nweight = 90",
    );
    f.run("score", &["-q", "--lot", "sygemeldte"]).success();
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(err.contains("error[E101]"), "{err}");
    assert!(err.contains("90 %"), "{err}");
    // Reported once, though the problem is seen while loading one lot only.
    assert_eq!(err.matches("error[E101]").count(), 1, "{err}");
    // With the weight back, every lot is checked and named.
    f.replace(
        "tender.toml",
        "max = 60000\nweight = 90",
        "max = 60000\nweight = 100",
    );
    let out = super::fixture::stdout(&f.run("check", &[]).success());
    for lot in ["sygemeldte", "aktivitetsparate", "hjerneskade"] {
        assert!(out.contains(&format!("lot {lot} in")), "{out}");
    }
}

#[test]
fn rescore_follows_each_lot() {
    let f = Fixture::copy_of(COPENHAGEN);
    // A rettelsesblad gives hjerneskade three suppliers instead of two: fremdrift (7.05,
    // rank 3) is awarded too; the other lots do not change.
    f.write(
        "rettelsesblade/01-tre-leverandoerer.toml",
        "number = 1\ndate = 2019-05-01\ntitle = \"Tre leverandører på delaftale 3\"\nreference = \"Rettelsesblad nr. 1\"\n\n[[changes]]\npath = \"lots.hjerneskade.award.suppliers\"\nvalue = 3\n",
    );
    let report = rescored(&f);
    assert_eq!(lots_rescored(&report), LOTS);
    // One tender folder, three lots.
    assert_eq!(report["summary"]["tenders"], 1);
    assert_eq!(
        report["summary"]["award_changed"],
        serde_json::json!(["kk-samlet-udbud-2019/hjerneskade"])
    );
    let step = &report["tenders"][2]["steps"][0];
    assert_eq!(
        step["awarded_after"],
        serde_json::json!(["center-for-afklaring", "godt-i-gang", "fremdrift"])
    );
    assert_eq!(report["tenders"][0]["steps"][0]["award_changed"], false);
    let csv = super::fixture::stdout(
        &f.run_path("rescore", "tender", &["-q", "-f", "csv"])
            .success(),
    );
    assert!(
        csv.contains("kk-samlet-udbud-2019/hjerneskade;0;1;"),
        "{csv}"
    );
}

/// `rescore` finds a tender's lots without parsing it where its text cannot declare any:
/// a key `lots` spelt with a unicode escape in a quoted key still declares them.
#[test]
fn rescore_finds_lots_declared_under_an_escaped_key() {
    let f = Fixture::copy_of(COPENHAGEN);
    let text = f
        .read("tender.toml")
        .replace("[[lots]]", "[[\"\\u006Cots\"]]")
        .replace("\nlots = [", "\n\"\\u006Cots\" = [")
        .replace("(no `lots`)", "(no lot named)");
    assert!(!text.contains("lots"), "{text}");
    f.write("tender.toml", &text);
    let report = rescored(&f);
    assert_eq!(lots_rescored(&report), LOTS);
}

#[test]
fn letters_per_lot_name_the_lot_and_a_bidder_the_lot_limit_passes_over() {
    // The lot limit of a_lot_limit_moves_the_award_to_the_next_bids: in aktivitetsparate
    // fremdrift, egen-vej, godt-i-gang, hverdagsliv and i-job are awarded places 1–5;
    // arbejdsbroen (ranked first) keeps sygemeldte and is passed over here.
    let f = with_lot_limit();
    let out = f.root.path().join("breve");
    f.run(
        "letters",
        &[
            "--lot",
            "aktivitetsparate",
            "-o",
            out.to_str().unwrap(),
            "--sent",
            "2019-12-02",
        ],
    )
    .success();
    // One folder may hold several lots' letters: the lot is in each file's name.
    let read = |bid: &str| {
        std::fs::read_to_string(out.join(format!("{bid}.aktivitetsparate.md"))).unwrap()
    };
    let arbejdsbroen = read("arbejdsbroen");
    assert!(
        arbejdsbroen.contains("- **Vedrørende:** ")
            && arbejdsbroen.contains(" – Delaftale 2: Forløb til aktivitetsparate kontanthjælpsmodtagere og ressourceforløbsborgere"),
        "{arbejdsbroen}"
    );
    assert!(arbejdsbroen.contains(
        "tildele „Delaftale 2: Forløb til aktivitetsparate kontanthjælpsmodtagere og ressourceforløbsborgere“ til Fremdrift A/S (plads 1), Egen Vej ApS (plads 2), Godt i Gang ApS (plads 3), Hverdagsliv ApS (plads 4) og I Job Igen ApS (plads 5). Der er ikke tilbud nok, der kan tildeles, til at besætte plads 6–7."
    ), "{arbejdsbroen}");
    assert!(arbejdsbroen.contains(
        "I tildeles ikke „Delaftale 2: Forløb til aktivitetsparate kontanthjælpsmodtagere og ressourceforløbsborgere“, selv om jeres tilbud er placeret som nr. 1, fordi I allerede er tildelt det højeste antal delaftaler, som én tilbudsgiver kan tildeles. (Udbudsbetingelserne pkt. 3.4)"
    ));
    assert!(
        read("fremdrift").contains("I tildeles „Delaftale 2: Forløb til aktivitetsparate kontanthjælpsmodtagere og ressourceforløbsborgere“ på plads 1.")
    );
    // In hjerneskade the limit passes over every ranked bid: nothing to announce.
    let err = stderr(
        &f.run(
            "letters",
            &[
                "--lot",
                "hjerneskade",
                "-o",
                out.to_str().unwrap(),
                "--sent",
                "2019-12-02",
            ],
        )
        .code(1),
    );
    assert!(err.contains("no bid is awarded"), "{err}");
    assert!(!out.join("godt-i-gang.hjerneskade.md").exists());
}

#[test]
fn a_bid_that_covers_no_lot_is_an_error() {
    let f = Fixture::copy_of(COPENHAGEN);
    f.replace(
        "bids/egen-vej.toml",
        "lots = [",
        "lots = []
x = [",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains("`lots = []` covers no lot, so the bid would be in no lot's ranking"),
        "{err}"
    );
}
