//! Full-output snapshots of the diagnostics for bad input: each `tests/bad-input/<case>.toml`
//! runs `tenderscore check tender` in `<case>.in/` and compares the whole standard output
//! and standard error with `<case>.stdout` and `<case>.stderr`, so any change in wording
//! shows up in review. `tests/bad-input/README.md` says how to add a case and re-bless.

const CASES: &str = "tests/bad-input";

#[test]
fn bad_input_diagnostics_match_their_snapshots() {
    // trycmd compares only the streams that have a file, and `TRYCMD=overwrite` fills in
    // only files that exist: a case without its `.stderr` would pass while checking
    // nothing. So every case must have both files (empty ones for a new case).
    let mut cases = 0;
    for entry in std::fs::read_dir(CASES).expect("tests/bad-input") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            cases += 1;
            for stream in ["stdout", "stderr"] {
                let expected = path.with_extension(stream);
                assert!(
                    expected.is_file(),
                    "{} is missing: create it (empty), then run `TRYCMD=overwrite cargo test`",
                    expected.display()
                );
            }
            // Without its own models the tool would look above `<case>.in/` and find the
            // repository's `scoring-models/`, so a case would change with them.
            let models = path.with_extension("in").join("scoring-models");
            assert!(models.is_dir(), "{} is missing", models.display());
        }
    }
    assert!(cases > 0, "no cases in {CASES}");

    trycmd::TestCases::new().case(format!("{CASES}/*.toml"));
}
