//! The arguments shared by several commands.

use std::path::PathBuf;

use clap::Args;
use rust_decimal::Decimal;

use crate::report::Format;

/// Reads a band written as MIN-MAX, e.g. 370-430.
pub(super) fn parse_band(text: &str) -> Result<(Decimal, Decimal), String> {
    let (min, max) = text
        .split_once('-')
        .ok_or("write the band as MIN-MAX, e.g. 370-430")?;
    let min: Decimal = min
        .trim()
        .parse()
        .map_err(|_| format!("`{min}` is not a number"))?;
    let max: Decimal = max
        .trim()
        .parse()
        .map_err(|_| format!("`{max}` is not a number"))?;
    if min <= Decimal::ZERO || min >= max {
        return Err("the band's minimum must be above 0 and below its maximum".into());
    }
    Ok((min, max))
}

#[derive(Debug, Args)]
pub struct VersionArg {
    /// Score version N: 0 is the tender as published, N is after rettelsesblad N
    /// [default: the latest version].
    #[arg(long, value_name = "N")]
    pub as_of: Option<u32>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub version: VersionArg,
    /// The report format.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: Format,
    /// The language of the table, Markdown and workbook (CSV and JSON are the same in
    /// every language) [default: the tender's `language`, else Danish].
    #[arg(long, value_enum)]
    pub lang: Option<super::LangArg>,
    #[command(flatten)]
    pub output: OutputArg,
}

impl ReportArgs {
    /// The layout of a report for people: the terminal's width, and the language asked for.
    pub(super) fn layout(&self) -> crate::report::Layout {
        crate::report::Layout {
            width: super::score::terminal_width(&self.output),
            language: self.lang.map(super::LangArg::language),
        }
    }
}

#[derive(Debug, Args)]
pub struct OutputArg {
    /// Write to this file instead of standard output (`-`: standard output; never over an
    /// input file).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl TenderArgs {
    /// The tender folder, also when the tender's `tender.toml` was named.
    pub fn folder(&self) -> PathBuf {
        folder_of(&self.dir)
    }
}

/// A tender folder, or the folder of a `tender.toml` named instead.
pub(super) fn folder_of(path: &std::path::Path) -> PathBuf {
    if path.is_file() && path.file_name().is_some_and(|n| n == "tender.toml") {
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    } else {
        path.to_path_buf()
    }
}

#[derive(Debug, Args)]
pub struct TenderArgs {
    /// The tender folder (tender.toml and bids/*.toml), or its tender.toml.
    #[arg(value_name = "TENDER_DIR")]
    pub dir: PathBuf,
    /// The folder of scoring models (searched first; then the nearest scoring-models folder in or above
    /// the tender folder, then the built-in library).
    #[arg(long, value_name = "DIR", env = "TENDERSCORE_MODELS")]
    pub models: Option<PathBuf>,
    /// Print no warnings or legal flags on standard error (errors are always printed).
    #[arg(short, long)]
    pub quiet: bool,
    /// In a tender split into lots: the lot to evaluate (its criteria, bids and award).
    #[arg(long, value_name = "LOT")]
    pub lot: Option<String>,
    /// In a negotiated procedure: the round whose bids to score (1: the initial bids; each
    /// bidder's latest bid up to that round) [default: the latest round with bids].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub round: Option<u32>,
}
