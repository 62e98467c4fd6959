//! The README documents what the program does: its problem codes are the program's.

use std::collections::BTreeSet;

use tenderscore::input::diag::Code;

use crate::fixture::repo;

#[test]
fn the_readme_lists_exactly_the_problem_codes_of_the_program() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    // Rows of the problem-code table: `| E101 | ... |`.
    let documented: BTreeSet<&str> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("| E"))
        .filter_map(|rest| rest.split_once(" |"))
        .map(|(digits, _)| digits)
        .collect();
    let documented: BTreeSet<String> = documented.iter().map(|d| format!("E{d}")).collect();
    let program: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(documented, program);
    assert_eq!(program.len(), Code::ALL.len(), "each code once");
}
