//! Every kind of bad input gets exit code 1 and a message that names the file, the line
//! and column, the field and the fix; all problems of a run are listed together.

use crate::fixture::{Fixture, line_of, stderr};

/// Runs `check` and `score` on the broken fixture; both must fail with exit code 1 and
/// print the same problems. Returns the messages.
fn problems(fixture: &Fixture) -> String {
    let check = stderr(&fixture.run("check", &[]).code(1));
    let score = fixture.run("score", &[]).code(1);
    assert!(
        score.get_output().stdout.is_empty(),
        "no report from invalid input"
    );
    assert_eq!(
        stderr(&score),
        check,
        "score and check report the same problems"
    );
    check
}

/// Asserts that the messages hold a problem with this code at this line of this file.
fn assert_problem(messages: &str, code: &str, file: &str, line: usize, fragments: &[&str]) {
    let header = format!("error[{code}]");
    let location = format!("tender/{file}:{line}:");
    let found = messages
        .split("error[")
        .skip(1)
        .map(|block| format!("error[{block}"))
        .find(|block| block.starts_with(&header) && block.contains(&location));
    let block = found.unwrap_or_else(|| panic!("no {code} at {location} in:\n{messages}"));
    for fragment in fragments {
        assert!(
            block.contains(fragment),
            "{fragment:?} missing from:\n{block}"
        );
    }
    assert!(block.contains("help: "), "no fix given:\n{block}");
}

#[test]
fn malformed_toml() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = ");
    let text = f.read("bids/kompas.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E002",
        "bids/kompas.toml",
        line_of(&text, "indsats = "),
        &["malformed TOML"],
    );
}

#[test]
fn unknown_field_suggests_the_near_name() {
    let f = Fixture::reference();
    f.replace("tender.toml", "weight = 65", "wieght = 65");
    let text = f.read("tender.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "wieght"),
        &[
            "unknown field `wieght`",
            "field: wieght",
            "did you mean `weight`?",
        ],
    );
}

#[test]
fn unknown_field_in_a_bid() {
    let f = Fixture::reference();
    f.replace("bids/ny-start.toml", "cvr = ", "cvrnr = ");
    let text = f.read("bids/ny-start.toml");
    assert_problem(
        &problems(&f),
        "E003",
        "bids/ny-start.toml",
        line_of(&text, "cvrnr"),
        &["did you mean `cvr`?"],
    );
}

#[test]
fn a_flat_list_of_weights_sums_to_110() {
    let f = Fixture::reference();
    // Indsats 65, Samarbejde 35 and Pris 10 side by side, as a flat list: drop the
    // Kvalitet table and every `parent = "kvalitet"`.
    let text = f.read("tender.toml");
    let start = text.find("[[criteria]]\nid = \"kvalitet\"").unwrap();
    let end = start + 1 + text[start + 1..].find("[[criteria]]").unwrap();
    let text = format!("{}{}", &text[..start], &text[end..]).replace("parent = \"kvalitet\"\n", "");
    f.write("tender.toml", &text);
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E101",
        "tender.toml",
        line_of(&text, "weight = 65"),
        &[
            "the weights of the criteria at the top level (indsats, samarbejde, pris) sum to 65 + 35 + 10 = 110 %, not 100 %",
            "field: criteria[indsats].weight",
        ],
    );
}

#[test]
fn a_criterion_id_used_twice() {
    let f = Fixture::reference();
    f.replace("tender.toml", "id = \"samarbejde\"", "id = \"indsats\"");
    let text = f.read("tender.toml");
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"indsats\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert_problem(
        &problems(&f),
        "E102",
        "tender.toml",
        line,
        &["criterion id `indsats` is used twice"],
    );
}

#[test]
fn a_parent_that_does_not_exist() {
    let f = Fixture::reference();
    f.replace("tender.toml", "parent = \"pris\"", "parent = \"priis\"");
    let text = f.read("tender.toml");
    assert_problem(
        &problems(&f),
        "E103",
        "tender.toml",
        line_of(&text, "priis"),
        &[
            "parent `priis` is not a criterion of this tender",
            "did you mean \"pris\"?",
        ],
    );
}

#[test]
fn a_minimum_above_the_maximum() {
    let f = Fixture::reference();
    f.replace("tender.toml", "min = 370", "min = 480");
    let text = f.read("tender.toml");
    assert_problem(
        &problems(&f),
        "E104",
        "tender.toml",
        line_of(&text, "max = 430"),
        &[
            "price line `spor1`: the minimum price (480) is not below the maximum price (430)",
            "field: criteria[spor1].max",
        ],
    );
}

#[test]
fn a_scoring_model_that_does_not_exist() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"kk-minmax-9\"",
    );
    let text = f.read("tender.toml");
    assert_problem(
        &problems(&f),
        "E105",
        "tender.toml",
        line_of(&text, "kk-minmax-9"),
        &[
            "scoring model `kk-minmax-9` does not exist",
            "available: kk-minmax-8",
        ],
    );
}

#[test]
fn a_bid_that_prices_an_unknown_line() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "spor2 = 1350", "spor3 = 1350");
    let text = f.read("bids/kompas.toml");
    assert_problem(
        &problems(&f),
        "E201",
        "bids/kompas.toml",
        line_of(&text, "spor3"),
        &[
            "the tender has no price line `spor3`",
            "field: prices.spor3",
            "did you mean `spor1`?",
        ],
    );
}

#[test]
fn a_bid_that_scores_an_unknown_criterion() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "samarbejde = 8", "samarbejd = 8");
    let text = f.read("bids/kompas.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E202",
        "bids/kompas.toml",
        line_of(&text, "samarbejd ="),
        &[
            "the tender has no quality criterion `samarbejd`",
            "did you mean `samarbejde`?",
        ],
    );
    // And the real criterion now has no points.
    assert_problem(
        &messages,
        "E205",
        "bids/kompas.toml",
        line_of(&text, "bidder"),
        &["no points for quality criterion `samarbejde`"],
    );
}

#[test]
fn points_outside_the_scale() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    let text = f.read("bids/kompas.toml");
    assert_problem(
        &problems(&f),
        "E203",
        "bids/kompas.toml",
        line_of(&text, "indsats = 11"),
        &[
            "11 points is outside the scale 0–10",
            "field: points.indsats",
        ],
    );
}

#[test]
fn a_negative_price() {
    let f = Fixture::reference();
    f.replace("bids/ny-start.toml", "spor1 = 385", "spor1 = -385");
    let text = f.read("bids/ny-start.toml");
    assert_problem(
        &problems(&f),
        "E204",
        "bids/ny-start.toml",
        line_of(&text, "-385"),
        &["price -385 is negative", "field: prices.spor1"],
    );
}

#[test]
fn a_price_that_is_not_a_number() {
    let f = Fixture::reference();
    f.replace("bids/ny-start.toml", "spor1 = 385", "spor1 = \"385,50\"");
    let text = f.read("bids/ny-start.toml");
    assert_problem(
        &problems(&f),
        "E005",
        "bids/ny-start.toml",
        line_of(&text, "385,50"),
        &[
            "`prices.spor1` must be a number",
            "write the number without quotes and with a decimal point: 385.50",
        ],
    );
}

#[test]
fn a_model_whose_points_rise_with_the_price() {
    let f = Fixture::reference();
    let model = f.root.path().join("scoring-models/kk-minmax-8.toml");
    let text = std::fs::read_to_string(&model)
        .unwrap()
        .replace("points = 0", "points = 9");
    std::fs::write(&model, &text).unwrap();
    let messages = problems(&f);
    assert!(messages.contains("error[E106]"), "{messages}");
    assert!(
        messages.contains("scoring-models/kk-minmax-8.toml:"),
        "{messages}"
    );
    assert!(
        messages.contains("a lower price would earn fewer points"),
        "{messages}"
    );
}

#[test]
fn a_missing_tender_file() {
    let f = Fixture::reference();
    f.remove("tender.toml");
    let messages = problems(&f);
    assert!(
        messages.contains("error[E001]: cannot read tender/tender.toml"),
        "{messages}"
    );
}

#[test]
fn every_problem_of_a_run_is_listed_together() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    f.replace("bids/ny-start.toml", "spor1 = 385", "spor1 = -385");
    f.replace(
        "bids/vejen-frem.toml",
        "reservation = \"no\"",
        "reservation = \"måske\"",
    );
    f.replace(
        "bids/job-og-trivsel.toml",
        "cvr = \"31245678\"",
        "cvr = \"3124567\"",
    );
    let messages = problems(&f);
    for code in ["E203", "E204", "E006"] {
        assert!(
            messages.contains(&format!("error[{code}]")),
            "{code} in {messages}"
        );
    }
    assert!(
        messages.contains("CVR number \"3124567\" is not 8 digits"),
        "{messages}"
    );
    assert!(
        messages.ends_with("4 problem(s) found; nothing was scored\n"),
        "{messages}"
    );

    let t = Fixture::reference();
    t.replace("tender.toml", "min = 370", "min = 480");
    t.replace("tender.toml", "parent = \"pris\"", "parent = \"priis\"");
    t.replace("tender.toml", "rule = \"raise\"", "rule = \"rase\"");
    let messages = problems(&t);
    for code in ["E104", "E103", "E006"] {
        assert!(
            messages.contains(&format!("error[{code}]")),
            "{code} in {messages}"
        );
    }
    assert!(messages.contains("did you mean \"raise\"?"), "{messages}");
}

#[test]
fn a_broken_tender_does_not_hide_what_is_wrong_in_a_bid() {
    let f = Fixture::reference();
    // The tender: a flat 110 % at the top level (kvalitet 90 + pris 30).
    f.replace(
        "tender.toml",
        "weight = 10\nsource = \"Bilag B pkt. 1.1\"",
        "weight = 30\nsource = \"Bilag B pkt. 1.1\"",
    );
    // A bid: a negative price and a CVR number of 7 digits, problems of its own.
    f.replace("bids/ny-start.toml", "spor1 = 385", "spor1 = -385");
    f.replace(
        "bids/job-og-trivsel.toml",
        "cvr = \"31245678\"",
        "cvr = \"3124567\"",
    );
    let messages = problems(&f);
    assert!(
        messages.contains("sum to 90 + 30 = 120 %, not 100 %"),
        "{messages}"
    );
    let text = f.read("bids/ny-start.toml");
    assert_problem(
        &messages,
        "E204",
        "bids/ny-start.toml",
        line_of(&text, "-385"),
        &["price -385 is negative"],
    );
    assert!(
        messages.contains("CVR number \"3124567\" is not 8 digits"),
        "{messages}"
    );
    assert!(
        messages.ends_with("3 problem(s) found; nothing was scored\n"),
        "{messages}"
    );
}

#[test]
fn every_unknown_field_of_a_file_is_listed_and_the_rest_still_checked() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "id = \"samarbejde\"\nname = \"Samarbejde\"",
        "id = \"samarbejde\"\nnavn = \"Samarbejde\"",
    );
    // An unknown key first in an inline table, and another in the middle of one.
    f.replace(
        "tender.toml",
        "below_min = { rule = \"raise\",",
        "below_min = { rul = 1, rule = \"raise\",",
    );
    f.replace(
        "tender.toml",
        "above_max = { rule = \"lower\",",
        "above_max = { rule = \"lower\", sorce = \"x\",",
    );
    // And a problem of another kind further down, which is still found.
    f.replace("tender.toml", "min = 370", "min = 480");
    let text = f.read("tender.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "navn"),
        &[
            "unknown field `navn`",
            "the fields allowed here are: id, name,",
        ],
    );
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "rul = 1"),
        &["unknown field `rul`", "did you mean `rule`?"],
    );
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "sorce"),
        &["unknown field `sorce`", "did you mean `source`?"],
    );
    assert_problem(
        &messages,
        "E104",
        "tender.toml",
        line_of(&text, "max = 430"),
        &["the minimum price (480) is not below the maximum price (430)"],
    );
    assert!(
        messages.ends_with("4 problem(s) found; nothing was scored\n"),
        "{messages}"
    );
    assert!(
        !messages.contains("malformed TOML"),
        "blanking never breaks the syntax: {messages}"
    );
}

#[test]
fn a_misspelt_required_field_is_reported_with_what_it_leaves_missing() {
    let f = Fixture::reference();
    f.replace("tender.toml", "weight = 65", "wieght = 65");
    let text = f.read("tender.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "wieght"),
        &["did you mean `weight`?"],
    );
    // Set aside, the misspelt field leaves the criterion without its weight.
    assert!(
        messages.contains("error[E004]: criterion `indsats` has no weight"),
        "{messages}"
    );
}

#[test]
fn unknown_fields_and_other_problems_of_a_bid_come_together() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "cvr = ", "cvrnr = \"1\"\ncvr = ");
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    f.replace(
        "bids/kompas.toml",
        "reservation = \"no\"",
        "reservation = \"no\"\nforbehold = \"nej\"",
    );
    let text = f.read("bids/kompas.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E003",
        "bids/kompas.toml",
        line_of(&text, "cvrnr"),
        &["did you mean `cvr`?"],
    );
    assert_problem(
        &messages,
        "E003",
        "bids/kompas.toml",
        line_of(&text, "forbehold"),
        &["unknown field `forbehold`"],
    );
    assert_problem(
        &messages,
        "E203",
        "bids/kompas.toml",
        line_of(&text, "indsats = 11"),
        &["11 points is outside the scale 0–10"],
    );
}

#[test]
fn an_unknown_table_is_reported_once() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[conformity]\n",
        "[konformitet]\nx = 1\n\n[conformity]\n",
    );
    let text = f.read("tender.toml");
    let messages = problems(&f);
    assert_problem(
        &messages,
        "E003",
        "tender.toml",
        line_of(&text, "[konformitet]"),
        &["unknown field `konformitet`"],
    );
    assert!(
        messages.ends_with("1 problem(s) found; nothing was scored\n"),
        "{messages}"
    );
}

/// Files in `bids/` that were not read vanished without a word: a wrong extension, a
/// second extension, a link to nothing, a FIFO, a sub-folder, a note.
#[cfg(unix)]
#[test]
fn entries_of_the_bids_folder_that_are_not_read_are_reported() {
    let f = Fixture::reference();
    let kompas = f.read("bids/kompas.toml");
    f.write("bids/x.TOML", &kompas);
    f.write("bids/y.toml.txt", &kompas);
    std::os::unix::fs::symlink(f.path("bids/gone.toml"), f.path("bids/z.toml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(f.path("bids/f.toml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let messages = problems(&f);
    for (file, says) in [
        (
            "x.TOML",
            "is not read: only files whose names end in .toml are",
        ),
        (
            "y.toml.txt",
            "is not read: only files whose names end in .toml are",
        ),
        ("z.toml", "is a symbolic link to nothing"),
        ("f.toml", "is not a regular file"),
    ] {
        assert!(
            messages.contains(&format!("error[E007]: tender/bids/{file} {says}")),
            "{file}:\n{messages}"
        );
    }
    assert!(
        messages.contains("rename it to x.toml if it is a bid"),
        "{messages}"
    );
    assert!(messages.contains("4 problem(s) found"), "{messages}");
}

/// Anything else in `bids/` is a warning: shown on every run, and the run goes on.
#[test]
fn other_entries_of_the_bids_folder_are_warnings() {
    let f = Fixture::reference();
    f.write("bids/notes.txt", "evaluators' notes");
    f.write("bids/old/kompas.toml", &f.read("bids/kompas.toml"));
    let check = f.run("check", &[]).success();
    let warnings = stderr(&check);
    assert!(
        warnings.contains("warning[W001]: tender/bids/notes.txt is not read"),
        "{warnings}"
    );
    assert!(
        warnings.contains("warning[W001]: tender/bids/old is not read"),
        "{warnings}"
    );
    assert!(
        crate::fixture::stdout(&check).contains("13 bid(s): no errors found, 2 warning(s) above"),
        "{}",
        crate::fixture::stdout(&check)
    );
    let score = f.run("score", &[]).success();
    assert!(stderr(&score).contains("warning[W001]"));
}

/// A file saved as Latin-1 (not UTF-8) got no line; now the byte offset and line are named.
#[test]
fn a_bid_that_is_not_utf8_names_the_byte_and_line() {
    let f = Fixture::reference();
    // "Café" in Latin-1 on line 2: é is the single byte 0xE9, right after the 21 bytes of
    // "# a bid\n" (8) and "bidder = \"Caf" (13).
    let head = "# a bid\nbidder = \"Caf";
    let mut bytes = head.as_bytes().to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"\n");
    std::fs::write(f.path("bids/latin1.toml"), &bytes).unwrap();
    let messages = problems(&f);
    let expected = format!(
        "error[E001]: cannot read tender/bids/latin1.toml: it is not UTF-8 text: the byte at offset {} (line 2) is not valid UTF-8",
        21
    );
    assert_eq!(head.len(), 21);
    assert!(messages.contains(&expected), "{messages}");
    assert!(messages.contains("save the file as UTF-8"), "{messages}");
}

/// A 100 kB value was repeated whole in its message (300 kB of standard error); the
/// message now quotes its start and its length, and the file's line is shown once.
#[test]
fn a_huge_value_is_quoted_shortened() {
    let f = Fixture::reference();
    let huge = "x".repeat(100_000);
    f.replace(
        "bids/kompas.toml",
        "reservation = \"no\"",
        &format!("reservation = \"{huge}\""),
    );
    let messages = problems(&f);
    assert!(
        messages.contains("`reservation` cannot be \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100000 characters)\""),
        "{}",
        &messages[..300.min(messages.len())]
    );
    // The source line itself (100 002 characters) once, and little more.
    assert!(messages.len() < 120_000, "{} bytes", messages.len());
}
