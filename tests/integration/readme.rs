//! The README documents what the program does: its problem codes are the program's.

use std::collections::BTreeSet;

use tenderscore::input::diag::Code;

use crate::fixture::repo;

#[test]
fn the_readme_lists_exactly_the_problem_codes_of_the_program() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    // Rows of the problem-code table: `| E101 | ... |` and `| W001 | ... |`.
    let documented: BTreeSet<String> = readme
        .lines()
        .filter(|line| line.starts_with("| E") || line.starts_with("| W"))
        .filter_map(|line| line[2..].split_once(" |"))
        .map(|(code, _)| code.to_string())
        .collect();
    let program: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(documented, program);
    assert_eq!(program.len(), Code::ALL.len(), "each code once");
}
