//! Frameworks with several suppliers, minimum requirements and fractional length limits,
//! through the binary, on copies of the Odense example tender.
//!
//! The Odense tender: Løsningsbeskrivelse 50 %, Samarbejdsmodel og Læring 20 %, Pris 30 %
//! shared equally by two price lines (15 % each). Price points 10 × (max − P) / (max − min),
//! rounded half up to 2 decimals; tvaerfagligt 9 000–14 000, mentor 4 000–7 000.
//!
//! Totals = 0.5 × løsning + 0.2 × samarbejde + 0.15 × (tvaerfagligt + mentor points):
//! - vej-til-job: 9 500 → 10 × 4 500 / 5 000 = 9.00; 6 500 → 10 × 500 / 3 000 = 1.666… → 1.67;
//!   4.5 + 1.4 + 0.15 × 10.67 = 4.5 + 1.4 + 1.6005 = 7.5005
//! - fynsk-jobpartner: 11 000 → 6.00; 5 000 → 6.666… → 6.67; 4 + 1.4 + 1.9005 = 7.3005
//! - mentorforum: 12 500 → 3.00; 4 500 → 8.333… → 8.33; 3.5 + 1.8 + 1.6995 = 6.9995
//! - trivselshuset: 13 500 → 1.00; 6 800 → 0.666… → 0.67; 3 + 1.2 + 0.2505 = 4.4505
//! - borgerkraft: rejected, requirement `tolkebistand` not met (10 000 → 8.00, 5 500 → 5.00,
//!   4 + 1.6 + 1.95 = 7.55 — it would have ranked first).

use serde_json::Value;

use super::fixture::{Fixture, json, stderr, stdout};

const ODENSE: &str = "tenders/odense-ressourceforloeb";

/// The Odense tender without its negotiation round: the initial bids are the final ones
/// (`rounds/2/` and the `[[rounds]]` table are left out). The rounds are tested in
/// `rounds.rs`.
fn odense() -> Fixture {
    let f = Fixture::copy_of(ODENSE);
    std::fs::remove_dir_all(f.path("rounds")).expect("remove rounds/");
    f.replace(
        "tender.toml",
        "[[rounds]]\nname = \"Endeligt tilbud\"\ndeadline = 2025-04-07T12:00:00+02:00\nsource = \"Udbudsbetingelserne pkt. 5.4\"\n",
        "",
    );
    assert!(!f.read("tender.toml").contains("[[rounds]]"));
    f
}

fn score(f: &Fixture) -> Value {
    json(&f.run("score", &["-q", "-f", "json"]).success())
}

/// (bid, status, places, share, volume) of each ranked bid in the award.
fn award(report: &Value) -> Vec<(String, String, [u64; 2], Value, Value)> {
    report["award"]["bids"]
        .as_array()
        .expect("an award")
        .iter()
        .map(|b| {
            (
                b["bid"].as_str().unwrap().to_string(),
                b["status"].as_str().unwrap().to_string(),
                [
                    b["places"][0].as_u64().unwrap(),
                    b["places"][1].as_u64().unwrap(),
                ],
                b["share"].clone(),
                b["volume"].clone(),
            )
        })
        .collect()
}

fn row(
    bid: &str,
    status: &str,
    places: [u64; 2],
    share: Option<&str>,
    volume: Option<&str>,
) -> (String, String, [u64; 2], Value, Value) {
    let text = |v: Option<&str>| v.map_or(Value::Null, Value::from);
    (bid.into(), status.into(), places, text(share), text(volume))
}

/// Gives mentorforum fynsk-jobpartner's prices and points, so the two tie at 7.3005.
fn tie_mentorforum_with_fynsk(f: &Fixture) {
    f.replace(
        "bids/mentorforum.toml",
        "tvaerfagligt = 12500",
        "tvaerfagligt = 11000",
    );
    f.replace("bids/mentorforum.toml", "mentor = 4500", "mentor = 5000");
    f.replace("bids/mentorforum.toml", "loesning = 7", "loesning = 8");
    f.replace("bids/mentorforum.toml", "samarbejde = 9", "samarbejde = 7");
}

#[test]
fn two_suppliers_share_220_citizens_equally() {
    let f = odense();
    let report = score(&f);
    let totals: Vec<(&str, &str)> = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| Some((b["bid"].as_str()?, b["total"].as_str()?)))
        .collect();
    assert_eq!(
        totals,
        [
            ("vej-til-job", "7.5005"),
            ("fynsk-jobpartner", "7.3005"),
            ("mentorforum", "6.9995"),
            ("trivselshuset", "4.4505"),
        ]
    );
    // 220 ÷ 2 = 110 each, 100 ÷ 2 = 50 %.
    assert_eq!(
        award(&report),
        [
            row("vej-til-job", "awarded", [1, 1], Some("50"), Some("110")),
            row(
                "fynsk-jobpartner",
                "awarded",
                [2, 2],
                Some("50"),
                Some("110")
            ),
            row("mentorforum", "not-awarded", [3, 3], None, None),
            row("trivselshuset", "not-awarded", [4, 4], None, None),
        ]
    );
    assert_eq!(report["award"]["unfilled"], serde_json::json!([]));
    let text = stdout(&f.run("score", &["-q", "--lang", "en"]).success());
    assert!(
        text.contains(
            "Award (Udbudsbetingelserne pkt. 2.2): 2 suppliers in equal shares of 220 borgere."
        ) && text.contains("Awarded, place 2: Fynsk Jobpartner ApS: 110 borgere (50 %)"),
        "{text}"
    );
}

/// The Odense tender as a cascade, mentorforum and fynsk-jobpartner tied for place 2.
fn cascade_with_a_tie_for_place_2() -> Fixture {
    let f = odense();
    f.replace(
        "tender.toml",
        "allocation = \"equal\"\nvolume = 220\n",
        "allocation = \"cascade\"\n",
    );
    tie_mentorforum_with_fynsk(&f);
    f
}

#[test]
fn a_cascade_with_a_tie_at_the_boundary_leaves_the_place_undecided() {
    let f = cascade_with_a_tie_for_place_2();
    let report = score(&f);
    // Vej til Job takes place 1; fynsk and mentorforum share rank 2 (7.3005 each, no
    // tie-break declared) for the one place left: neither is awarded it.
    assert_eq!(
        award(&report),
        [
            row("vej-til-job", "awarded", [1, 1], None, None),
            row("fynsk-jobpartner", "tied-at-boundary", [2, 3], None, None),
            row("mentorforum", "tied-at-boundary", [2, 3], None, None),
            row("trivselshuset", "not-awarded", [4, 4], None, None),
        ]
    );
    assert_eq!(report["award"]["undecided"], serde_json::json!([2]));
    let text = stdout(&f.run("score", &["-q", "--lang", "en"]).success());
    assert!(
        text.contains(
            "Tied at the award boundary for place 2: Fynsk Jobpartner ApS, Odense Mentorforum I/S."
        ),
        "{text}"
    );
    // The memo recommends place 1 and leaves place 2 to the authority.
    let memo = f.root.path().join("notat.html");
    f.run("memo", &["-q", "-o", memo.to_str().unwrap()])
        .success();
    let html = std::fs::read_to_string(&memo).unwrap();
    assert!(
        html.contains("Evalueringen indstiller, at rammeaftalen tildeles Vej til Job A&#x2f;S (plads 1). Tilbuddene fra Fynsk Jobpartner ApS, Odense Mentorforum I&#x2f;S står lige på plads 2 ved grænsen for antallet af leverandører."),
        "{html}"
    );

    // With three places both fit: they share places 2–3.
    f.replace("tender.toml", "suppliers = 2", "suppliers = 3");
    let report = score(&f);
    assert_eq!(
        award(&report)[1..3],
        [
            row("fynsk-jobpartner", "awarded", [2, 3], None, None),
            row("mentorforum", "awarded", [2, 3], None, None),
        ]
    );
    assert_eq!(report["award"]["undecided"], serde_json::json!([]));
}

#[test]
fn declared_shares_a_tie_on_places_with_different_shares_and_places_left_unfilled() {
    let f = odense();
    f.replace(
        "tender.toml",
        "suppliers = 2\nallocation = \"equal\"",
        "suppliers = 3\nallocation = \"shares\"\nshares = [50, 30, 20]",
    );
    tie_mentorforum_with_fynsk(&f);
    let report = score(&f);
    // Place 1: 220 × 50 % = 110. Places 2 and 3 carry 30 % (66) and 20 % (44): the two tied
    // bids are both awarded, but which gets which share is the authority's to decide.
    assert_eq!(
        award(&report)[..3],
        [
            row("vej-til-job", "awarded", [1, 1], Some("50"), Some("110")),
            row("fynsk-jobpartner", "awarded", [2, 3], None, None),
            row("mentorforum", "awarded", [2, 3], None, None),
        ]
    );
    assert_eq!(report["award"]["bids"][1]["share_undecided"], true);

    // Six places and four ranked bids: places 5 and 6 are not filled.
    let f = odense();
    f.replace(
        "tender.toml",
        "suppliers = 2\nallocation = \"equal\"\nvolume = 220",
        "suppliers = 6\nallocation = \"cascade\"",
    );
    let report = score(&f);
    assert_eq!(report["award"]["unfilled"], serde_json::json!([5, 6]));
    assert!(stdout(&f.run("score", &["-q", "--lang", "en"]).success()).contains(
        "Not filled: places 5–6 — no ranked bid is left to fill them (fewer bids are ranked, or the lot limit passes bids over)."
    ),);
}

#[test]
fn a_volume_that_does_not_share_into_whole_units_needs_a_remainder_rule() {
    let f = odense();
    f.replace("tender.toml", "volume = 220", "volume = 221");
    let err = stderr(&f.run("check", &[]).code(1));
    // 221 ÷ 2 = 110.5.
    assert!(
        err.contains("error[E006]")
            && err.contains("a volume of 221 does not share into whole units: 50 % of it is 110.5"),
        "{err}"
    );
    // By rank: 110 each, and the one unit left over to place 1.
    f.replace(
        "tender.toml",
        "volume = 221",
        "volume = 221\nremainder = \"by-rank\"",
    );
    let report = score(&f);
    assert_eq!(report["award"]["bids"][0]["volume"], "111");
    assert_eq!(report["award"]["bids"][1]["volume"], "110");

    for (from, to, says) in [
        (
            "allocation = \"equal\"",
            "allocation = \"shares\"\nshares = [60, 30]",
            "sum to 90 %",
        ),
        (
            "allocation = \"equal\"",
            "allocation = \"shares\"\nshares = [50, 30, 20]",
            "3 shares for 2 suppliers",
        ),
        (
            "allocation = \"equal\"",
            "allocation = \"shares\"",
            "allocation \"shares\" without `shares`",
        ),
        (
            "allocation = \"equal\"",
            "allocation = \"equal\"\nshares = [50, 50]",
            "`shares` is given",
        ),
        ("suppliers = 2", "suppliers = 0", "at least 1"),
        (
            "allocation = \"equal\"",
            "allocation = \"lige\"",
            "`award.allocation` cannot be \"lige\"",
        ),
    ] {
        let f = odense();
        f.replace("tender.toml", from, to);
        let err = stderr(&f.run("check", &[]).code(1));
        assert!(err.contains(says), "{to}: {err}");
    }
}

#[test]
fn a_requirement_not_met_rejects_the_bid_with_its_clause_and_evidence() {
    let f = odense();
    let report = json(&f.run("rejections", &["-q", "-f", "json"]).success());
    let text = report.to_string();
    assert!(text.contains("requirement-not-met"), "{text}");
    // In the Markdown report, where no line is wrapped inside a phrase.
    let rejected = stdout(
        &f.run("rejections", &["-q", "--lang", "en", "-f", "md"])
            .success(),
    );
    for part in [
        "Borgerkraft ApS",
        "Minimum requirement not met",
        "Kravspecifikation pkt.",
        "The bid (Prisbilag s. 2):",
        "“Tolkebistand faktureres",
    ] {
        assert!(rejected.contains(part), "{part}: {rejected}");
    }
    // The bid file and its line are the machine's: in the JSON, not in the table.
    assert!(
        text.contains(r#""file":"bids/borgerkraft.toml","line":17"#),
        "{text}"
    );
    assert!(!rejected.contains("bids/"), "{rejected}");
    // The requirement by its text, not the engine's id in Markdown backticks.
    assert!(
        rejected
            .contains("The bid does not meet the minimum requirement: “Tolkebistand til borgere"),
        "{rejected}"
    );
    assert!(!rejected.contains("tolkebistand"), "{rejected}");
    assert!(!rejected.contains('`'), "{rejected}");
    // The bid's own words, whole, in the JSON report.
    assert!(
        text.contains(r#"Prisbilag s. 2: \"Tolkebistand faktureres særskilt efter medgået tid.\""#),
        "{text}"
    );
}

#[test]
fn requirements_corrected_or_reviewed_and_their_input_errors() {
    // "correct": read as met and ranked, with a warning: 7.55 ranks first.
    let f = odense();
    f.replace("tender.toml", "unmet = \"reject\"", "unmet = \"correct\"");
    let report = score(&f);
    assert_eq!(report["bids"][0]["bid"], "borgerkraft");
    assert_eq!(report["bids"][0]["total"], "7.55");
    assert!(
        report["bids"][0]["warnings"]
            .to_string()
            .contains("requirement-not-met")
    );
    // In Danish, in the table's notes and the memo alike: the requirement, the evaluators'
    // note and the rule, in words.
    let danish = "Borgerkraft ApS: tilbuddet opfylder ikke mindstekravet «Tolkebistand";
    let table = stdout(&f.run("score", &[]).success());
    assert!(table.contains(danish), "{table}");
    assert!(
        table.contains(
            "(Tilbuddet (Prisbilag s. 2): „Tolkebistand faktureres særskilt efter medgået tid.“). \
             Efter udbudsmaterialets regel læses tilbuddet, som om det opfylder kravet, og \
             tilbudsgiver er bundet af kravet."
        ),
        "{table}"
    );
    assert!(!table.contains("requirement"), "{table}");
    let memo = stdout(&f.run("memo", &["-o", "-"]).success());
    assert!(memo.contains(danish), "{memo}");

    // "review": set aside until decided; accepted in decisions.toml, it is ranked.
    let f = odense();
    f.replace("tender.toml", "unmet = \"reject\"", "unmet = \"review\"");
    let report = score(&f);
    let borgerkraft = report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bid"] == "borgerkraft")
        .unwrap();
    assert_eq!(borgerkraft["status"], "review");
    f.write(
        "decisions.toml",
        "[[decisions]]\nbid = \"borgerkraft\"\nrule = \"requirement-not-met\"\ndecision = \"accepted\"\nby = \"Jurist\"\ndate = 2025-03-10\nreason = \"Tolkebistand er bekræftet indeholdt i prisen.\"\n",
    );
    assert_eq!(score(&f)["bids"][0]["bid"], "borgerkraft");

    // A bid without an assessment, one of a requirement the tender lacks, one not met
    // without evidence: every problem in one run.
    let f = odense();
    f.replace(
        "bids/vej-til-job.toml",
        "tolkebistand = { met = true, evidence = \"Prisbilag s. 1\" }\n",
        "",
    );
    f.replace(
        "bids/fynsk-jobpartner.toml",
        "gruppeforloeb = {",
        "gruppe-forloeb = {",
    );
    f.replace(
        "bids/mentorforum.toml",
        "tolkebistand = { met = true, evidence = \"Prisbilag s. 2\" }",
        "tolkebistand = { met = false }",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    for part in [
        "error[E209]: bid has no assessment of requirement `tolkebistand`",
        "error[E208]: the tender has no requirement `gruppe-forloeb`",
        "requirement `tolkebistand` is not met, and no evidence is given",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
    let f = odense();
    f.replace(
        "tender.toml",
        "id = \"gruppeforloeb\"",
        "id = \"tolkebistand\"",
    );
    assert!(
        stderr(&f.run("check", &[]).code(1))
            .contains("error[E102]: requirement id `tolkebistand` is used twice")
    );
}

#[test]
fn a_length_limit_in_fractional_pages() {
    // 23.5 pages × 2 400 = 56 400 characters: 56 400 is within, 56 401 one beyond.
    let f = odense();
    f.replace(
        "bids/vej-til-job.toml",
        "quality_characters = 55_000",
        "quality_characters = 56_400",
    );
    assert!(
        !score(&f)["bids"][0]["warnings"]
            .to_string()
            .contains("length-limit")
    );
    f.replace(
        "bids/vej-til-job.toml",
        "quality_characters = 56_400",
        "quality_characters = 56_401",
    );
    let warnings = score(&f)["bids"][0]["warnings"].to_string();
    assert!(
        warnings.contains(
            "56401 characters, 1 beyond its limit of 56400 (23.5 pages × 2400 characters)"
        ),
        "{warnings}"
    );
    // In words in the reports people read: 23,5 pages, figures grouped as the language does.
    let table = stdout(&f.run("score", &[]).success());
    assert!(
        table.contains(
            "Vej til Job A/S: løsningsbeskrivelsen fylder 56.401 anslag, 1 anslag mere end \
             grænsen på 56.400 anslag (23,5 sider à 2.400 anslag)"
        ),
        "{table}"
    );
    let table = stdout(&f.run("score", &["--lang", "en"]).success());
    assert!(
        table.contains(
            "Vej til Job A/S: the solution description runs to 56,401 characters, 1 beyond \
             its limit of 56,400 characters (23.5 pages of 2,400 characters)"
        ),
        "{table}"
    );
    f.replace("tender.toml", "pages = 23.5", "pages = 23.125");
    assert!(stderr(&f.run("check", &[]).code(1)).contains("is too precise: at most 2 decimals"));
}

#[test]
fn rescore_reports_a_change_of_the_awarded_set_and_the_shares() {
    let f = odense();
    // Three suppliers instead of two, and 222 citizens: 74 each.
    f.write(
        "rettelsesblade/01-tre-leverandoerer.toml",
        "number = 1\ndate = 2025-02-01\ntitle = \"Tre leverandører\"\nreference = \"Rettelsesblad nr. 1\"\n\n[[changes]]\npath = \"award.suppliers\"\nvalue = 3\n\n[[changes]]\npath = \"award.volume\"\nvalue = 222\n",
    );
    let report = json(&f.run_path("rescore", "tender", &["-f", "json"]).success());
    let step = &report["tenders"][0]["steps"][0];
    assert_eq!(step["award_changed"], true);
    assert_eq!(step["winner_changed"], false);
    assert_eq!(
        step["awarded_before"],
        serde_json::json!(["vej-til-job", "fynsk-jobpartner"])
    );
    assert_eq!(
        step["awarded_after"],
        serde_json::json!(["vej-til-job", "fynsk-jobpartner", "mentorforum"])
    );
    let text = stdout(&f.run_path("rescore", "tender", &["--lang", "en"]).success());
    assert!(
        text.contains("AWARD CHANGED from Vej til Job A/S and Fynsk Jobpartner ApS to Vej til Job A/S, Fynsk Jobpartner ApS and Odense Mentorforum I/S"),
        "{text}"
    );
    let changes = step["bids"].to_string();
    // 110 → 74 for the two awarded before; mentorforum from not awarded to 74.
    assert!(
        changes.contains(r#"{"field":"volume","before":"110","after":"74"}"#)
            && changes.contains(r#"{"field":"award","before":"not-awarded","after":"awarded"}"#),
        "{changes}"
    );
}

#[test]
fn letters_announce_the_award_to_several_suppliers() {
    // Round 2 (the final round): mentorforum 7.5995 takes place 1, vej-til-job 7.5005
    // place 2, 220 ÷ 2 = 110 citizens each (50 %). Fynsk Jobpartner (7.3995, rank 3) is
    // measured against the lowest-placed bid awarded, Vej til Job: løsning 8 against 9,
    // tværfagligt 11 000 against 9 500, mentor 4 800 against 6 500 (fynsk's round-2
    // price, 10 × 2 200 / 3 000 = 7.333… → 7.33).
    let f = Fixture::copy_of(ODENSE);
    let out = f.root.path().join("breve");
    let letters = |args: &[&str]| {
        let mut all = vec!["-o", out.to_str().unwrap(), "--sent", "2025-04-10"];
        all.extend(args);
        f.run("letters", &all)
    };
    letters(&[]).success();
    let read = |bid: &str| std::fs::read_to_string(out.join(format!("{bid}.md"))).unwrap();
    let decision = "Odense Kommune har besluttet at tildele rammeaftalen til Odense Mentorforum I/S (plads 1, 110 borgere svarende til 50 %) og Vej til Job A/S (plads 2, 110 borgere svarende til 50 %).";
    for bid in [
        "mentorforum",
        "vej-til-job",
        "fynsk-jobpartner",
        "trivselshuset",
        "borgerkraft",
    ] {
        assert!(read(bid).contains(decision), "{bid}: {}", read(bid));
    }
    assert!(read("mentorforum").contains("I tildeles rammeaftalen på plads 1."));
    assert!(read("vej-til-job").contains("I tildeles rammeaftalen på plads 2."));
    let fynsk = read("fynsk-jobpartner");
    assert!(
        !fynsk.contains("blandt de tilbud, der tildeles ("),
        "{fynsk}"
    );
    assert!(fynsk.contains("Jeres tilbud er placeret som nr. 3 af 4 vurderede tilbud."));
    assert!(
        fynsk
            .contains("point for Vej til Job A/S, det lavest placerede af de tilbud, der tildeles")
    );
    assert!(fynsk.contains("| Tværfagligt forløb, pris pr. måned | 11.000,00 kr. → 6,00 point | 9.500,00 kr. → 9,00 point |"), "{fynsk}");
    assert!(
        fynsk.contains("| Samlet vurdering | 7,3995 | 7,5005 |"),
        "{fynsk}"
    );
    assert!(fynsk.contains("Jeres tilbud har en lavere pris på prislinjen »Individuelt mentorforløb, pris pr. måned« (4.800,00 kr. mod det lavest placerede tildelte tilbuds 6.500,00 kr.)."));
    assert!(
        read("borgerkraft").contains("tolkebistand")
            || read("borgerkraft").contains("Tolkebistand")
    );
    // The initial bids are not awarded: no letters on round 1.
    std::fs::remove_dir_all(&out).unwrap();
    let err = stderr(&letters(&["--round", "1"]).code(1));
    assert!(err.contains("round 1 is not the final round (2)"), "{err}");
    assert!(!out.exists());
}

#[test]
fn letters_wait_for_the_authority_when_a_tie_leaves_a_place_undecided() {
    // The cascade of a_cascade_with_a_tie_at_the_boundary_leaves_the_place_undecided:
    // fynsk and mentorforum tie at 7.3005 for place 2.
    let f = cascade_with_a_tie_for_place_2();
    let out = f.root.path().join("breve");
    let err = stderr(
        &f.run(
            "letters",
            &["-o", out.to_str().unwrap(), "--sent", "2025-03-10"],
        )
        .code(1),
    );
    assert!(
        err.contains("bids are tied for the last places of the award (Fynsk Jobpartner ApS, Odense Mentorforum I/S)"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_length_limit_on_one_criterion() {
    // The seed gives "Samarbejdsmodel og Læring" 1 page of the 23.5: 1 × 2 400 = 2 400
    // characters. Trivselshuset writes 2 600 on it: 2 600 − 2 400 = 200 beyond. A warning,
    // no change of points: its total stays 3 + 1.2 + 0.2505 = 4.4505.
    let f = odense();
    let report = score(&f);
    let trivsel = super::fixture::bid(&report, "trivselshuset");
    assert_eq!(trivsel["total"], "4.4505");
    let warnings = trivsel["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["rule"], "length-limit");
    assert_eq!(warnings[0]["criterion"], "samarbejde");
    assert!(
        warnings[0]["message"].as_str().unwrap().contains(
            "the description of `samarbejde` has 2600 characters, 200 beyond its limit of 2400 (1 page × 2400 characters)"
        ),
        "{warnings:?}"
    );
    // The memo states the limit in the model and the warning by name, in Danish.
    let memo = stdout(&f.run("memo", &["-o", "-"]).success());
    assert!(memo.contains(
        "Beskrivelsen til „Samarbejdsmodel og Læring“ må fylde højst 1 side à 2.400 anslag"
    ));
    assert!(memo.contains(
        "Trivselshuset Fyn ApS: beskrivelsen til „Samarbejdsmodel og Læring“ fylder 2.600 anslag, \
         200 anslag mere end grænsen på 2.400 anslag (1 side à 2.400 anslag); det, der ligger ud \
         over grænsen, er ikke læst og indgår ikke i vurderingen. (Udbudsbetingelserne pkt. 6.3)"
    ));
    // Exactly at the limit: no warning.
    f.replace(
        "bids/trivselshuset.toml",
        "samarbejde = 2_600",
        "samarbejde = 2_400",
    );
    let report = score(&f);
    assert_eq!(
        super::fixture::bid(&report, "trivselshuset")["warnings"],
        serde_json::json!([])
    );
    // A count for a price line, or a limit on one, is refused.
    f.replace(
        "bids/trivselshuset.toml",
        "samarbejde = 2_400",
        "samarbejde = 2_400\nmentor = 10",
    );
    f.replace(
        "tender.toml",
        "unit = \"måned\"\nmin = 4000",
        "unit = \"måned\"\nlength_limit = { pages = 1, characters_per_page = 2400 }\nmin = 4000",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(
        err.contains("`mentor` is a price line (or holds only price lines), so it has no description to limit"),
        "{err}"
    );
    f.replace(
        "tender.toml",
        "length_limit = { pages = 1, characters_per_page = 2400 }\nmin = 4000",
        "min = 4000",
    );
    let err = stderr(&f.run("check", &[]).code(1));
    assert!(err.contains("criterion_characters.mentor"), "{err}");
}
