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
