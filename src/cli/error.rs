//! Why a command did not succeed, and the exit code each reason ends with.

use std::path::PathBuf;

use crate::input::Invalid;
use crate::input::diag::Report;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: the input has problems (every one is listed on standard error).
pub const EXIT_INVALID_INPUT: u8 = 1;
/// Exit code: the command line is wrong (unknown option, missing argument, a bid that
/// does not exist).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: the report could not be written (or would have overwritten an input file).
pub const EXIT_OUTPUT: u8 = 3;
/// Exit code: `check --strict` found warnings or legal flags (and no error).
pub const EXIT_STRICT: u8 = 4;

/// Why a command did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{report}{count} problem(s) found; nothing was scored")]
    Invalid { report: String, count: usize },
    #[error(
        "{report}{failed} tender(s) could not be scored ({count} problem(s)); the others are reported"
    )]
    Partial {
        /// The report of the tenders that were scored, for standard output.
        stdout: Vec<u8>,
        report: String,
        count: usize,
        failed: usize,
    },
    #[error("{report}check --strict: {count} warning(s) or legal flag(s) above")]
    Strict { report: String, count: usize },
    #[error("refusing to write {}: it is an input file of this evaluation; write the report elsewhere", .0.display())]
    WouldOverwriteInput(PathBuf),
    #[error("refusing to write into {}: it is not empty; name a new folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("error: {0}")]
    Unsupported(&'static str),
    #[error("{report}{count} problem(s) found; nothing was settled")]
    NotSettled { report: String, count: usize },
    #[error(
        "error: tender `{0}` has no `[contract]` section: add the contract period, the weekdays and how each price line is paid (README, \"Payments and indexation\")"
    )]
    NoContract(String),
    /// The evaluation does not decide an award: no letters can be sent.
    #[error("error: no notice of an award decision can be written: {0}")]
    NoAward(String),
    #[error("refusing to write {}: it lies inside a tender folder, whose files are all inputs; write the report elsewhere", .0.display())]
    InsideTenderFolder(PathBuf),
    #[error("error: cannot write to standard output: {0}")]
    Stdout(std::io::Error),
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no scoring model `{name}`{}; the models are: {}",
        .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default(), .known.join(", "))]
    UnknownModel {
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    #[error("error: the scenario cannot be applied:\n{}", .0.iter().map(|p| format!("  - {p}\n")).collect::<String>())]
    Scenario(Vec<String>),
    #[error(
        "error: {bidder} ({bid}) is not ranked ({status}), so nothing can be compared; `tenderscore rejections` shows why, and a finding under review can be tried as decided with --accept {bid}:RULE"
    )]
    NotRanked {
        bidder: String,
        bid: String,
        status: &'static str,
    },
    #[error("error: cannot simulate: {0}")]
    Simulate(String),
    #[error("there is no version {asked}: the versions are 0 (as published) to {latest}")]
    UnknownVersion { asked: u32, latest: u32 },
    #[error("the bidder name `{name}` fits more than one bid: {}; name the bid by its id", .ids.join(", "))]
    AmbiguousBid { name: String, ids: Vec<String> },
    #[error("no bid `{name}` in this tender{}; the bids are: {}",
        .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default(), .known.join(", "))]
    UnknownBid {
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
}

impl From<Invalid> for Error {
    fn from(invalid: Invalid) -> Error {
        Error::Invalid {
            report: render_invalid(&invalid),
            count: errors(&invalid),
        }
    }
}

/// Every diagnostic of an invalid input, as text.
pub(super) fn render_invalid(invalid: &Invalid) -> String {
    Report {
        sources: &invalid.sources,
        diagnostics: &invalid.diagnostics,
    }
    .render_styled(super::colour())
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid { .. }
            | Error::Partial { .. }
            | Error::NoAward(_)
            | Error::NotSettled { .. }
            | Error::NoContract(_) => EXIT_INVALID_INPUT,
            Error::Strict { .. } => EXIT_STRICT,
            Error::WouldOverwriteInput(_)
            | Error::InsideTenderFolder(_)
            | Error::NotEmpty(_)
            | Error::Stdout(_)
            | Error::Write { .. } => EXIT_OUTPUT,
            Error::UnknownBid { .. }
            | Error::AmbiguousBid { .. }
            | Error::UnknownVersion { .. }
            | Error::UnknownModel { .. }
            | Error::Scenario(_)
            | Error::Simulate(_)
            | Error::NotRanked { .. }
            | Error::Unsupported(_) => EXIT_USAGE,
        }
    }
}

/// The number of errors among an invalid input's diagnostics (warnings are not counted).
pub(super) fn errors(invalid: &Invalid) -> usize {
    invalid.diagnostics.iter().filter(|d| d.is_error()).count()
}
