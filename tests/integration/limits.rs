//! Numbers at the edges: each is checked against a documented limit at validation, so a
//! value that would overflow or divide by zero later is an error with its line and limit,
//! never a panic (exit 101) and never a silently wrong result.

use crate::fixture::{Fixture, stderr};

/// Runs `check` (exit 1) and `score` (exit 1, not a panic) and returns the problems.
fn problems(f: &Fixture) -> String {
    f.run("score", &[]).code(1);
    stderr(&f.run("check", &[]).code(1))
}

fn assert_says(messages: &str, fragments: &[&str]) {
    for fragment in fragments {
        assert!(
            messages.contains(fragment),
            "{fragment:?} missing:\n{messages}"
        );
    }
}

#[test]
fn a_volume_of_1_8e26_is_too_large_not_a_panic() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[prices]\n",
        "[prices]\nvolumes = { spor1 = 1.8e26, spor2 = 6.5 }\n",
    );
    assert_says(
        &problems(&f),
        &[
            "error[E006]: `prices.volumes.spor1` = 180000000000000000000000000 is too large: at most 1000000000",
        ],
    );
}

#[test]
fn a_band_maximum_of_1e30_cannot_be_held_exactly() {
    let f = Fixture::reference();
    f.replace("tender.toml", "max = 430", "max = 1e30");
    assert_says(
        &problems(&f),
        &[
            "`criteria[spor1].max` = 1e30 cannot be held exactly: it is too large or has too many digits",
        ],
    );
    // Within Decimal's range, the field's own limit says how large it may be.
    f.replace("tender.toml", "max = 1e30", "max = 7.9e28");
    assert_says(
        &problems(&f),
        &[
            "`criteria[spor1].max` = 79000000000000000000000000000 is too large: at most 1000000000000",
        ],
    );
}

#[test]
fn a_band_maximum_above_10_to_the_12_is_too_large() {
    let f = Fixture::reference();
    f.replace("tender.toml", "max = 430", "max = 2_000_000_000_000");
    assert_says(
        &problems(&f),
        &["`criteria[spor1].max` = 2000000000000 is too large: at most 1000000000000"],
    );
}

#[test]
fn anchor_points_of_10_to_the_20_are_too_large() {
    let f = Fixture::reference();
    let model = f.root.path().join("scoring-models/kk-minmax-8.toml");
    let text = std::fs::read_to_string(&model).unwrap();
    std::fs::write(&model, text.replace("points = 8", "points = 1e20")).unwrap();
    assert_says(
        &problems(&f),
        &["`anchors[0].points` = 100000000000000000000 is too large: at most 1000000"],
    );
    // Written as a 21-digit whole number, TOML cannot even read it: say so, not "malformed".
    std::fs::write(
        &model,
        text.replace("points = 8", "points = 100000000000000000000"),
    )
    .unwrap();
    assert_says(
        &problems(&f),
        &[
            "error[E006]: this whole number is too large to read: TOML whole numbers have at most 19 digits",
        ],
    );
}

#[test]
fn a_slope_of_1e_minus_28_is_too_precise_not_a_division_by_zero() {
    let f = Fixture::reference();
    let model = f.root.path().join("scoring-models/relative-lowest-75.toml");
    let text = std::fs::read_to_string(&model).unwrap();
    std::fs::write(&model, text.replace("slope = 75", "slope = 1e-28")).unwrap();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"relative-lowest-75\"",
    );
    assert_says(
        &problems(&f),
        &["`slope` = ", "is too precise: at most 10 decimals"],
    );
}

#[test]
fn a_weight_off_by_4e_minus_27_is_too_precise() {
    // 90 + 10.000000000000000000000000004 passed the 100 % check within 28 digits.
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "weight = 10\n",
        "weight = 10.000000000000000000000000004\n",
    );
    assert_says(&problems(&f), &["is too precise: at most 10 decimals"]);
}

#[test]
fn a_minimum_quality_on_a_scale_ending_at_0_is_reported_not_a_division_by_zero() {
    let f = Fixture::reference();
    f.replace("tender.toml", "min = 0\nmax = 10\n", "min = -10\nmax = 0\n");
    f.add_to_tender("[quality]\nmin_total = 50");
    assert_says(
        &problems(&f),
        &["a minimum quality in % of the maximum needs every quality scale to reach above 0"],
    );
}

#[test]
fn a_length_limit_that_would_wrap_is_too_large() {
    let f = Fixture::reference();
    let text = f.read("tender.toml");
    assert!(text.contains("characters_per_page = 2400"), "{text}");
    f.replace(
        "tender.toml",
        "characters_per_page = 2400",
        "characters_per_page = 4611686018427387904",
    );
    assert_says(
        &problems(&f),
        &["is too large: at most 1000000000000 characters in all"],
    );
}

#[test]
fn a_slope_below_1_percent_is_refused() {
    let f = Fixture::reference();
    let model = f.root.path().join("scoring-models/relative-lowest-75.toml");
    let text = std::fs::read_to_string(&model).unwrap();
    std::fs::write(&model, text.replace("slope = 75", "slope = 0.5")).unwrap();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"relative-lowest-75\"",
    );
    assert_says(&problems(&f), &["`slope` must be at least 1 %, found 0.5"]);
}

/// Without a floor, a price far above a tiny lowest price has points beyond exact
/// arithmetic (they overflowed): such a model needs price lines from 1 up.
#[test]
fn a_model_without_a_floor_needs_prices_of_at_least_1() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "model = \"kk-minmax-8\"",
        "model = \"relative-lowest-75\"",
    );
    f.replace("tender.toml", "min = 370", "min = 0");
    assert_says(
        &problems(&f),
        &[
            "model relative-lowest-75 has no floor, so price line `spor1` needs a minimum price of at least 1, found 0",
            "choose a model with floor = \"zero\"",
        ],
    );
}

/// Shares are products of the weights on a path; with many decimals they lost exactness
/// without a note. Kvalitet 89.99 % (0.8999: 4 decimals), Indsats 65 % (0.65: 2), under it
/// b at 0.0000000001 % (0.000000000001: 12) and under b, b1 at 99.9999999999 % (12): b1's
/// share needs 4 + 2 + 12 + 12 = 30 decimals, more than the 28 a decimal holds.
#[test]
fn weights_whose_share_would_lose_exactness_are_refused() {
    let f = Fixture::reference();
    let (large, small) = ("99.9999999999", "0.0000000001");
    let parts = format!(
        "weight = 65\n\n\
         [[criteria]]\nid = \"a\"\nparent = \"indsats\"\nweight = {large}\n\n\
         [[criteria]]\nid = \"b\"\nparent = \"indsats\"\nweight = {small}\n\n\
         [[criteria]]\nid = \"b1\"\nparent = \"b\"\nweight = {large}\n\n\
         [[criteria]]\nid = \"b2\"\nparent = \"b\"\nweight = {small}\n"
    );
    let text = f
        .read("tender.toml")
        .replace("weight = 90 ", "weight = 89.99 ")
        .replace("weight = 10\n", "weight = 10.01\n")
        .replace("weight = 65\n", &parts);
    f.write("tender.toml", &text);
    assert_says(
        &problems(&f),
        &["the share of `b1` in the total would need 30 decimals, more than the 28"],
    );
}

/// Lines combined by volume give an evaluation price that is itself a price: within the
/// same limit, or a percent surcharge on it overflowed.
#[test]
fn an_evaluation_price_beyond_the_money_limit_is_refused() {
    let f = Fixture::reference();
    f.replace(
        "tender.toml",
        "[prices]\n",
        "[prices]\nvolumes = { spor1 = 1000000000, spor2 = 1 }\n",
    );
    f.replace("tender.toml", "max = 430", "max = 999999999999");
    assert_says(
        &problems(&f),
        &["the lines combined by prices.volumes give evaluation prices up to"],
    );
}

/// A minimum quality on criteria of their own scale 0–10, mapped onto a tender scale that
/// ends at 0, divided by zero.
#[test]
fn a_minimum_quality_mapped_onto_a_scale_ending_at_0_is_reported() {
    let f = Fixture::reference();
    f.replace("tender.toml", "min = 0\nmax = 10\n", "min = -10\nmax = 0\n");
    f.replace(
        "tender.toml",
        "id = \"indsats\"\nname = \"Indsats\"\n",
        "id = \"indsats\"\nname = \"Indsats\"\nscale = { min = 0, max = 10 }\n",
    );
    f.replace(
        "tender.toml",
        "id = \"samarbejde\"\nname = \"Samarbejde\"\n",
        "id = \"samarbejde\"\nname = \"Samarbejde\"\nscale = { min = 0, max = 10 }\n",
    );
    f.add_to_tender("[quality]\nmin_total = 50");
    assert_says(
        &problems(&f),
        &["a minimum quality in % of the maximum needs every quality scale to reach above 0"],
    );
}

/// A bid file that claims a terabyte (sparse: no disk used) is refused after its first
/// 256 MB + 1 byte, with the file named; before, the reader tried to hold it all and the
/// system killed the process.
#[cfg(unix)]
#[test]
fn a_file_of_a_terabyte_is_refused_not_read_whole() {
    let f = Fixture::reference();
    let file = std::fs::File::create(f.path("bids/enorm.toml")).unwrap();
    file.set_len(1 << 40).unwrap();
    let out = stderr(&f.run("check", &[]).code(1));
    assert_says(
        &out,
        &[
            "bids/enorm.toml: it is larger than 256 MB",
            "help: an input file holds",
        ],
    );
}
