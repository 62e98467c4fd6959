//! The evaluation memo through the binary: one self-contained HTML document in the
//! tender's language, with every section, one SVG per chart and nothing loaded from
//! outside.

use assert_cmd::Command;
use scraper::{Html, Selector};

use crate::fixture::{Fixture, REFERENCE, repo, stdout};

fn memo(args: &[&str]) -> String {
    stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .arg("memo")
            .arg(REFERENCE)
            .args(args)
            .assert()
            .success(),
    )
}

fn select<'a>(document: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    document.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<Vec<_>>().join("")
}

/// The reference tender in force (version 2: Indsats 60 %, Samarbejde 40 %; spor1 max
/// 450). Kompas: 0.9 × (0.6 × 9 + 0.4 × 8) = 7.74, spor1 373 → 8 − 3 × 8 / 80 = 7.70,
/// spor2 1 300 → 0; total 7.74 + 0.05 × 7.70 + 0 = 8.125.
#[test]
fn the_memo_is_one_danish_html_document_with_every_section() {
    let html = memo(&[]);
    let document = Html::parse_document(&html);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    assert_eq!(
        select(&document, "html")[0].value().attr("lang"),
        Some("da")
    );
    let headings: Vec<String> = select(&document, "h2").iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "Evalueringsmodellen",
            "Resultat",
            "Justeringer af priser",
            "Ligestilling",
            "Tilbud, der ikke indgår i evalueringen",
            "Juridiske bemærkninger",
            "Ordregivers afgørelser",
            "Bemærkninger til tilbuddene",
            "Indstilling",
            "Datagrundlag",
            "Godkendelse"
        ]
    );
    // One chart of weighted points, one price → points chart per price line.
    assert_eq!(select(&document, "figure > svg").len(), 3);
    // Nothing loaded from outside: no scripts, links, images or imported styles.
    for css in ["script", "link", "img", "iframe", "[src]", "[href]"] {
        assert!(select(&document, css).is_empty(), "{css}");
    }
    assert!(!html.contains("url("), "no external resource in CSS");
    assert!(!html.contains("@import"));

    let ranking = select(&document, "table.ranking tr");
    let kompas: Vec<String> = ranking[1]
        .select(&Selector::parse("td").unwrap())
        .map(|td| text(&td))
        .collect();
    assert_eq!(kompas[0], "1");
    assert_eq!(kompas[1], "Kompas Beskæftigelse ApS");
    assert_eq!(kompas[4], "7,70 (0,385)", "model decimals kept");
    assert_eq!(kompas.last().unwrap(), "8,125");

    let all = text(&select(&document, "body")[0]);
    for expected in [
        "2. oktober 2023 kl. 12.00",
        "Rettelsesblad nr. 1 af 15. september 2023",
        "372,50 kr. → 373,00 kr., øre rundet til hele kroner",
        // Sen Levering: 12:07 against the deadline 12:00.
        "modtaget 2. oktober 2023 kl. 12.07, 7 minutter efter tilbudsfristen",
        "Lige Vilkår ApS og Ny Start ApS står lige med 6,825 og deler 5.-pladsen",
        "Afvist som ukonditionsmæssigt",
        "Prisgulv",
        // Kompas's quality description runs 2 400 characters past the limit.
        "Kompas Beskæftigelse ApS: løsningsbeskrivelsen fylder 50.400 anslag, 2.400 anslag mere end \
         grænsen på 48.000 anslag (20 sider à 2.400 anslag)",
        // The reference tender's points range 0–10 on quality, 0–8 on price.
        "reelle andel af spændet",
        // Uklar Erklæring awaits the authority's decision.
        "Der kan ikke indstilles en tildeling endnu",
        // The conformity rules and the length limit belong to the model's description.
        "Tilbud modtaget efter tilbudsfristen: tilbuddet afvises.",
        "højst 20 sider à 2.400 anslag",
    ] {
        assert!(all.contains(expected), "{expected} in {all}");
    }
    // Written for the reader who signs: no tool wording.
    for internal in ["seed", "toml:", "which is no precedence", "rule = "] {
        assert!(!all.contains(internal), "{internal} in {all}");
    }
    insta::assert_snapshot!("memo_da", html);
}

#[test]
fn the_memo_in_english_and_the_same_numbers() {
    let html = memo(&["--lang", "en"]);
    let document = Html::parse_document(&html);
    assert_eq!(
        select(&document, "html")[0].value().attr("lang"),
        Some("en")
    );
    let all = text(&select(&document, "body")[0]);
    for expected in [
        "2 October 2023 at 12:00",
        "DKK 372.50 → DKK 373.00",
        "7 minutes after the submission deadline",
        "Lige Vilkår ApS and Ny Start ApS are level at 6.825",
    ] {
        assert!(all.contains(expected), "{expected} in {all}");
    }
    insta::assert_snapshot!("memo_en", html);
}

/// A bidder's text is written as text, in the tables and in the charts alike.
#[test]
fn bidder_text_cannot_become_markup() {
    let f = Fixture::reference();
    f.replace(
        "bids/kompas.toml",
        "bidder = \"Kompas Beskæftigelse ApS\"",
        "bidder = \"<script>alert('x')</script> & Co\"",
    );
    let html = stdout(&f.run("memo", &[]).success());
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    let document = Html::parse_document(&html);
    assert!(select(&document, "script").is_empty());
}

/// One notice per bidder, HTML and Markdown. Hand-derived for Job & Trivsel (rank 2 of 7
/// in the version in force): Indsats 7 against the winner's 9 is the winner's advantage,
/// Samarbejde 8 = 8 is not mentioned, spor1 449 against 373 (the winner cheaper), spor2
/// 1 150 against 1 300 (the winner dearer); totals 6,965 against 8,125. Sent 1 November
/// 2023 with the default 10 days: 11 November is a Saturday, so the standstill period
/// ends at the end of Monday 13 November.
#[test]
fn letters_for_every_bidder_with_the_decision_and_the_standstill_period() {
    let f = Fixture::reference();
    // Until the unclear declaration is decided, no award can be announced.
    let refused = f
        .run_path(
            "letters",
            "tender",
            &["-o", "breve", "--sent", "2023-11-01"],
        )
        .code(1);
    assert!(
        crate::fixture::stderr(&refused)
            .contains("await the authority's decision (Uklar Erklæring ApS)")
    );
    f.write(
        "decisions.toml",
        "[[decisions]]\nbid = \"uklar-erklaering\"\nrule = \"unclear-declaration\"\n\
         decision = \"rejected\"\nby = \"Anna Jensen\"\ndate = 2023-10-05\n\
         reason = \"Begge rubrikker var afkrydset.\"\n",
    );
    let out = f
        .run_path(
            "letters",
            "tender",
            &["-o", "breve", "--sent", "2023-11-01"],
        )
        .success();
    assert!(stdout(&out).starts_with("wrote 13 letter(s)"));
    let read =
        |name: &str| std::fs::read_to_string(f.root.path().join("breve").join(name)).unwrap();
    for bid in std::fs::read_dir(f.path("bids")).unwrap() {
        let stem = bid
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let html = read(&format!("{stem}.html"));
        let document = Html::parse_document(&html);
        assert!(document.errors.is_empty(), "{stem}: {:?}", document.errors);
        assert!(select(&document, "script").is_empty());
        assert!(read(&format!("{stem}.md")).contains("udløber ved udgangen af 13. november 2023"));
    }
    let winner = read("kompas.md");
    assert!(
        winner.contains("har besluttet at tildele kontrakten til jer"),
        "{winner}"
    );
    let second = read("job-og-trivsel.md");
    for expected in [
        "tildele kontrakten til Kompas Beskæftigelse ApS",
        "placeret som nr. 2 af 7 vurderede tilbud",
        "| Indsats | 7 | 9 |",
        "flere point end jeres på Indsats (9 mod 7)",
        "lavere pris på prislinjen »Spor 1 dagspris« (373,00 kr. mod jeres 449,00 kr.)",
        // Where the loser did better is said apart, not as the winner's advantage.
        "Forhold, hvor jeres tilbud stod bedre:\n\n- Jeres tilbud har en lavere pris på prislinjen »Spor 2 timepris« (1.150,00 kr. mod det vindende tilbuds 1.300,00 kr.)",
        "Samlet har det vindende tilbud opnået 8,125 mod jeres 6,965",
    ] {
        assert!(second.contains(expected), "{expected} in {second}");
    }
    assert!(!second.contains("Samarbejde (8 mod 8)"), "{second}");
    let rejected = read("sen-levering.md");
    assert!(
        rejected.contains("7 minutter efter tilbudsfristen"),
        "{rejected}"
    );
    assert!(
        rejected.contains("Grundlag i udbudsmaterialet: Udbudsbetingelserne"),
        "{rejected}"
    );
    insta::assert_snapshot!("letter_da_second", second);
    // The authority's decision of 2023-10-05, dated in words; the evidence in words, in
    // Danish quotation marks, never the bid file or a backtick.
    let decided = read("uklar-erklaering.md");
    assert!(
        decided.contains("Ordregiver har den 5. oktober 2023 afvist tilbuddet (Anna Jensen)"),
        "{decided}"
    );
    assert!(!decided.contains("2023-10-05"), "{decided}");
    let found = read("arbejdsglaede.md");
    assert!(
        found.contains("Tilbuddet (Løsningsbeskrivelse s. 6, afsnit 2.3): „Opstart af forløb"),
        "{found}"
    );
    for machine in ['`', '"'] {
        assert!(!found.contains(machine), "{machine} in {found}");
    }
    assert!(!found.contains(".toml"), "{found}");

    // In English, and never into the tender folder.
    f.run_path(
        "letters",
        "tender",
        &["-o", "letters", "--sent", "2023-11-01", "--lang", "en"],
    )
    .success();
    let english = std::fs::read_to_string(f.root.path().join("letters/job-og-trivsel.md")).unwrap();
    assert!(
        english.contains("ends at the end of 13 November 2023"),
        "{english}"
    );
    insta::assert_snapshot!("letter_en_second", english);
    f.run_path(
        "letters",
        "tender",
        &["-o", "tender/breve", "--sent", "2023-11-01"],
    )
    .code(3);
    assert!(!f.path("breve").exists());
}

/// The model for the tender conditions, with worked tables a bidder can check by hand:
/// kk-minmax-8 on spor1 370–450 (version in force): 8 − (P − 370) × 8 / 80, so 390 → 6,00;
/// proportional-10 with the lowest price at the band's minimum 40 and prices at the band's
/// quarters in whole kroner (92.50 → 93 and 197.50 → 198, øre rounded up): 10 × 40 / P, so
/// 93 → 4,30 (4,3010…), 145 → 2,76 (2,7586…), 250 → 1,60.
#[test]
fn publish_writes_the_model_with_worked_tables() {
    let out = stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args(["publish", REFERENCE])
            .assert()
            .success(),
    );
    assert!(out.starts_with("# Evalueringsmodel: "), "{out}");
    assert!(out.contains("| 390,00 kr. | 6,00 |"), "{out}");
    assert!(
        out.contains("Spor 1 dagspris | Pris | 50 % | 5 % |"),
        "{out}"
    );
    let relative = stdout(
        &Command::cargo_bin("tenderscore")
            .unwrap()
            .current_dir(repo())
            .args([
                "publish",
                "tenders/proportional-rank-reversal",
                "--lang",
                "en",
            ])
            .assert()
            .success(),
    );
    for row in [
        "| DKK 93.00 | 232.5 % | 4.30 |",
        "| DKK 145.00 | 362.5 % | 2.76 |",
        "| DKK 250.00 | 625 % | 1.60 |",
    ] {
        assert!(relative.contains(row), "{row} in {relative}");
    }
    insta::assert_snapshot!("publish_da", out);
}

/// The workbook read back: points, weighted points and totals are formulas whose cached
/// values are the JSON report's. Kompas (version in force): spor1 373 on kk-minmax-8 over
/// 370–450 → 8 + (373 − 370) × (0 − 8) / (450 − 370) = 7.7, rounded half up: 7.70.
#[test]
fn the_workbook_recomputes_and_caches_the_exact_values() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let f = Fixture::reference();
    f.run_path("score", "tender", &["-f", "xlsx", "-o", "evaluation.xlsx"])
        .success();
    let json = crate::fixture::json(&f.run("score", &["-f", "json"]).success());
    let mut book: Xlsx<_> = open_workbook(f.root.path().join("evaluation.xlsx")).unwrap();
    let prices = book.worksheet_range("Priser").unwrap();
    let formulas = book.worksheet_formula("Priser").unwrap();
    // Row 2 is the first ranked bid, Kompas; column D its spor1 points.
    assert_eq!(
        prices.get_value((1, 0)),
        Some(&Data::String("Kompas Beskæftigelse ApS".into()))
    );
    assert_eq!(
        formulas.get_value((1, 3)).map(String::as_str),
        Some("ROUND(IF(C2<=370,8,IF(C2<=450,8+(C2-370)*(0-8)/(450-370),0)),2)")
    );
    let ranking = book.worksheet_range("Rangering").unwrap();
    let ranking_formulas = book.worksheet_formula("Rangering").unwrap();
    let header: Vec<String> = ranking
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let total_col = header.iter().position(|h| h == "Samlet vurdering").unwrap();
    for (i, bid) in json["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["status"] == "ranked")
        .enumerate()
    {
        let row = i + 1;
        let cached = ranking.get_value((row as u32, total_col as u32)).unwrap();
        let expected: f64 = bid["total"].as_str().unwrap().parse().unwrap();
        assert_eq!(cached, &Data::Float(expected), "{}", bid["bid"]);
        assert!(
            ranking_formulas
                .get_value((row as u32, total_col as u32))
                .is_some_and(|f| f.starts_with("SUM(")),
            "the total is a formula"
        );
    }
    let aside = book.worksheet_range("Ikke vurderet").unwrap();
    assert_eq!(aside.height(), 1 + 6, "a header and one row per finding");
}

/// No letters where the evaluation announces no single award: a shared rank 1, an
/// earlier version, a date before the deadline.
#[test]
fn letters_are_refused_without_a_single_winner_on_the_tender_in_force() {
    let f = Fixture::reference();
    f.write(
        "decisions.toml",
        "[[decisions]]\nbid = \"uklar-erklaering\"\nrule = \"unclear-declaration\"\n\
         decision = \"rejected\"\nby = \"A\"\ndate = 2023-10-05\nreason = \"r\"\n",
    );
    let refused =
        |args: &[&str]| crate::fixture::stderr(&f.run_path("letters", "tender", args).code(1));
    assert!(
        refused(&["-o", "l", "--sent", "2023-11-01", "--as-of", "0"])
            .contains("not the tender in force")
    );
    assert!(
        refused(&["-o", "l", "--sent", "2023-09-01"]).contains("before the submission deadline")
    );
    let twin = f
        .read("bids/kompas.toml")
        .replace("Kompas Beskæftigelse ApS", "Kompas Tvilling ApS")
        .replace("27654321", "27654399");
    f.write("bids/tvilling.toml", &twin);
    assert!(refused(&["-o", "l", "--sent", "2023-11-01"]).contains("rank 1 is shared"));
    assert!(!f.root.path().join("l").exists());
}

/// A bidder's name longer than Excel's 32 767 characters per cell is cut in the workbook
/// (which otherwise could not be written at all), not in the other reports.
#[test]
fn the_workbook_cuts_text_beyond_excels_cell_limit() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let f = Fixture::reference();
    let long = "J".repeat(40_000);
    f.replace(
        "bids/kompas.toml",
        "bidder = \"Kompas Beskæftigelse ApS\"",
        &format!("bidder = \"{long}\""),
    );
    f.run_path("score", "tender", &["-f", "xlsx", "-o", "x.xlsx"])
        .success();
    let mut book: Xlsx<_> = open_workbook(f.root.path().join("x.xlsx")).unwrap();
    let prices = book.worksheet_range("Priser").unwrap();
    let Some(Data::String(name)) = prices.get_value((1, 0)) else {
        panic!("a name in A2");
    };
    assert!(
        name.ends_with("… (40000 characters in all)"),
        "{}",
        &name[name.len() - 40..]
    );
    assert_eq!(name.chars().filter(|c| *c == 'J').count(), 32_000);
}

/// A standstill period under 10 days is allowed but warned of (W003); 0 is an error.
#[test]
fn a_short_standstill_period_is_a_warning() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "currency = \"DKK\"",
        "currency = \"DKK\"\nstandstill_days = 5",
    );
    let err = crate::fixture::stderr(&f.run("check", &["--strict"]).code(4));
    assert!(err.contains("warning[W003]"), "{err}");
    f.replace("tender.toml", "standstill_days = 5", "standstill_days = 0");
    let err = crate::fixture::stderr(&f.run("check", &[]).code(1));
    assert!(err.contains("standstill_days"), "{err}");
    assert!(!err.contains("W003"), "{err}");
}
