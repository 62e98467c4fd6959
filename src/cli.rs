//! The command line: parses arguments, runs a command, and says what to print and which
//! exit code to end with.
//!
//! Contract: [`run`] returns the bytes for standard output, or an [`Error`] whose
//! [`Error::exit_code`] is one of the documented exit codes. It writes a file only for
//! `--output`, and never over an input file.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use rust_decimal::Decimal;

use crate::diag::{Report, nearest};
use crate::load::{Invalid, Loaded, ModelSearch, load};
use crate::rank::Ranked;
use crate::report::{Evaluation, Format, batch, evaluate, explain, rejections, render};
use crate::rescore;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: the input has problems (every one is listed on standard error).
pub const EXIT_INVALID_INPUT: u8 = 1;
/// Exit code: the command line is wrong (unknown option, missing argument, a bid that
/// does not exist).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: the report could not be written (or would have overwritten an input file).
pub const EXIT_OUTPUT: u8 = 3;

#[derive(Debug, Parser)]
#[command(
    name = "tenderscore",
    version,
    about = "Scores the bids of a public tender exactly and explains every point"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score every bid of a tender and print the ranked evaluation.
    Score {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Validate the tender, its scoring model and every bid; list every problem found.
    Check {
        #[command(flatten)]
        tender: TenderArgs,
    },
    /// For legal review: every bid set aside, with rule, decision, evidence and clause.
    Rejections {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Score every version of every tender under the paths and show what changed.
    Rescore {
        /// Tender folders, or folders of tender folders (searched below).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The folder of scoring models [default: the nearest scoring-models folder in or
        /// above each tender folder].
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
        /// The report format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        #[command(flatten)]
        output: OutputArg,
    },
    /// List the scoring models, or show one with its formula and a table of points.
    Models {
        #[command(subcommand)]
        show: Option<ModelsCommand>,
        /// The folder of scoring models [default: the nearest scoring-models folder in or
        /// above the current folder].
        #[arg(long, value_name = "DIR", global = true)]
        models: Option<PathBuf>,
    },
    /// Write a batch of synthetic tenders (for benchmarks) into a new, empty folder.
    Generate {
        /// The folder to create; it must not exist or be empty.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        #[arg(long, default_value_t = 1000)]
        tenders: usize,
        #[arg(long, default_value_t = 20)]
        bids: usize,
        #[arg(long, default_value_t = 3)]
        rettelsesblade: usize,
    },
    /// Every step from one bid's input to its total and rank, or why it was set aside.
    Explain {
        #[command(flatten)]
        tender: TenderArgs,
        /// The bid: its id (the file name without .toml) or the bidder's name.
        #[arg(value_name = "BID")]
        bid: String,
        #[command(flatten)]
        version: VersionArg,
        #[command(flatten)]
        output: OutputArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// A model's parameters, formula, legal notes and a table of price → points.
    Show {
        /// The model's name (its file name without .toml).
        name: String,
        /// The example band to tabulate, as MIN-MAX.
        #[arg(long, default_value = "370-430", value_parser = parse_band)]
        band: (Decimal, Decimal),
        /// The target price for target-relative anchors [default: the middle of the band].
        #[arg(long)]
        target: Option<Decimal>,
    },
}

/// Reads a band written as MIN-MAX, e.g. 370-430.
fn parse_band(text: &str) -> Result<(Decimal, Decimal), String> {
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
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct OutputArg {
    /// Write to this file instead of standard output (never over an input file).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TenderArgs {
    /// The tender folder: tender.toml and bids/*.toml.
    #[arg(value_name = "TENDER_DIR")]
    pub dir: PathBuf,
    /// The folder of scoring models [default: the nearest scoring-models folder in or above
    /// the tender folder].
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
}

/// Why a command did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{report}{count} problem(s) found; nothing was scored")]
    Invalid { report: String, count: usize },
    #[error("refusing to write {}: it is an input file of this evaluation", .0.display())]
    WouldOverwriteInput(PathBuf),
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
    #[error("there is no version {asked}: the versions are 0 (as published) to {latest}")]
    UnknownVersion { asked: u32, latest: u32 },
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
            count: invalid.diagnostics.len(),
        }
    }
}

/// Every diagnostic of an invalid input, as text.
fn render_invalid(invalid: &Invalid) -> String {
    Report {
        sources: &invalid.sources,
        diagnostics: &invalid.diagnostics,
    }
    .render()
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid { .. } => EXIT_INVALID_INPUT,
            Error::WouldOverwriteInput(_) | Error::Write { .. } => EXIT_OUTPUT,
            Error::UnknownBid { .. }
            | Error::UnknownVersion { .. }
            | Error::UnknownModel { .. } => EXIT_USAGE,
        }
    }
}

/// Runs one command; returns what to print on standard output.
pub fn run(cli: Cli) -> Result<Vec<u8>, Error> {
    match cli.command {
        Command::Check { tender } => {
            let loaded = load_tender(&tender)?;
            let latest = loaded.latest();
            let mut out = format!(
                "ok: tender {} in {} version(s) with scoring model {} and {} bid(s): no problems found\n",
                latest.tender.id,
                loaded.versions.len(),
                latest.tender.model.name,
                latest.bids.len()
            );
            for flag in &loaded.flags {
                out.push_str(&format!("legal check: {}\n", flag.message));
            }
            Ok(out.into_bytes())
        }
        Command::Score { tender, report } => {
            let (evaluation, inputs) = evaluation_of(&tender, &report.version)?;
            emit(render(&evaluation, report.format), report.output, &inputs)
        }
        Command::Rejections { tender, report } => {
            let (evaluation, inputs) = evaluation_of(&tender, &report.version)?;
            emit(
                rejections::render(&evaluation, report.format),
                report.output,
                &inputs,
            )
        }
        Command::Rescore {
            paths,
            models,
            format,
            output,
        } => {
            let dirs = rescore::find_tenders(&paths).map_err(|missing| Error::Invalid {
                report: format!("error[E001]: {} is not a folder\n", missing.display()),
                count: 1,
            })?;
            let search = ModelSearch { dir: models };
            let machine_readable = matches!(format, Format::Json | Format::Csv);
            let progress = Progress::new(dirs.len(), machine_readable);
            let results = rescore::rescore_all(&dirs, &search, &|| progress.tick());
            progress.finish();
            let mut report = String::new();
            let mut count = 0;
            let mut done = Vec::new();
            let mut inputs = Vec::new();
            // The results keep the order of the folders.
            for (dir, result) in dirs.iter().zip(results) {
                match result {
                    Ok(r) => {
                        inputs.extend(input_files(dir));
                        done.push(r);
                    }
                    Err(invalid) => {
                        count += invalid.diagnostics.len();
                        report.push_str(&render_invalid(&invalid));
                    }
                }
            }
            if count > 0 {
                return Err(Error::Invalid { report, count });
            }
            emit(batch::render(&done, format), output, &inputs)
        }
        Command::Models { show, models } => {
            let Some(dir) = crate::load::models_dir(models.as_deref()) else {
                return Err(Error::Invalid {
                    report:
                        "error[E001]: no scoring-models folder here or above; pass --models DIR\n"
                            .into(),
                    count: 1,
                });
            };
            let all = crate::load::load_models(&dir).map_err(Error::from)?;
            match show {
                None => Ok(crate::report::models::list(&all).into_bytes()),
                Some(ModelsCommand::Show { name, band, target }) => {
                    let model =
                        all.iter()
                            .find(|m| m.name == name)
                            .ok_or_else(|| Error::UnknownModel {
                                suggestion: nearest(&name, all.iter().map(|m| m.name.as_str()))
                                    .map(str::to_string),
                                known: all.iter().map(|m| m.name.clone()).collect(),
                                name: name.clone(),
                            })?;
                    let band = crate::report::models::Band {
                        min: crate::units::Money(band.0),
                        max: crate::units::Money(band.1),
                        target: crate::units::Money(
                            target.unwrap_or((band.0 + band.1) / Decimal::TWO),
                        ),
                    };
                    Ok(crate::report::models::show(model, band).into_bytes())
                }
            }
        }
        Command::Generate {
            dir,
            tenders,
            bids,
            rettelsesblade,
        } => {
            let batch = crate::synthetic::Batch {
                tenders,
                bids,
                rettelsesblade,
            };
            crate::synthetic::write(&dir, batch).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            Ok(format!(
                "wrote {tenders} tender(s) with {bids} bid(s) and {rettelsesblade} rettelsesblade each to {}\n",
                dir.display()
            )
            .into_bytes())
        }
        Command::Explain {
            tender,
            bid,
            version,
            output,
        } => {
            let (evaluation, inputs) = evaluation_of(&tender, &version)?;
            let entry = find_bid(&evaluation, &bid)?;
            emit(
                explain::render(&evaluation, entry).into_bytes(),
                output,
                &inputs,
            )
        }
    }
}

/// Loads a tender and evaluates the version asked for (the latest by default); also
/// returns the input files, which no report may overwrite.
fn evaluation_of(
    tender: &TenderArgs,
    version: &VersionArg,
) -> Result<(Evaluation, Vec<PathBuf>), Error> {
    let loaded = load_tender(tender)?;
    let chosen = match version.as_of {
        None => loaded.latest(),
        Some(number) => loaded.version(number).ok_or(Error::UnknownVersion {
            asked: number,
            latest: loaded.latest().number,
        })?,
    };
    Ok((evaluate(&loaded, chosen), loaded.paths.clone()))
}

/// Every file of a tender folder, which `--output` must not overwrite.
fn input_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![dir.join("tender.toml")];
    for sub in ["bids", crate::load::RETTELSESBLADE_DIR] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    files
}

/// A progress bar on standard error for batches that take more than a second; hidden when
/// standard error is not a terminal or the output is machine-readable.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    wanted: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(total: usize, machine_readable: bool) -> Progress {
        use std::io::IsTerminal;
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(u64::try_from(total).unwrap_or(u64::MAX)),
            indicatif::ProgressDrawTarget::hidden(),
        );
        Progress {
            bar,
            started: std::time::Instant::now(),
            wanted: !machine_readable && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        use std::sync::atomic::Ordering;
        if self.wanted
            && self.started.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A report goes to standard output, or to `--output` (never over an input file).
fn emit(bytes: Vec<u8>, output: OutputArg, inputs: &[PathBuf]) -> Result<Vec<u8>, Error> {
    match output.output {
        None => Ok(bytes),
        Some(path) => {
            write_report(&path, &bytes, inputs)?;
            Ok(Vec::new())
        }
    }
}

/// The bid named on the command line: by id, else by bidder name (ignoring case).
fn find_bid<'a>(evaluation: &'a Evaluation, name: &str) -> Result<&'a Ranked, Error> {
    let ranking = &evaluation.ranking;
    let found = ranking.iter().find(|r| r.score.bid.0 == name).or_else(|| {
        ranking
            .iter()
            .find(|r| r.score.bidder.to_lowercase() == name.to_lowercase())
    });
    found.ok_or_else(|| {
        let mut known: Vec<String> = ranking.iter().map(|r| r.score.bid.0.clone()).collect();
        known.sort();
        Error::UnknownBid {
            name: name.to_string(),
            suggestion: nearest(name, known.iter().map(String::as_str)).map(str::to_string),
            known,
        }
    })
}

fn load_tender(args: &TenderArgs) -> Result<Loaded, Error> {
    let search = ModelSearch {
        dir: args.models.clone(),
    };
    load(&args.dir, &search).map_err(Error::from)
}

/// Writes a report, refusing any path that is one of the evaluation's input files.
fn write_report(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), Error> {
    let target = real_path(path);
    if inputs.iter().any(|input| real_path(input) == target) {
        return Err(Error::WouldOverwriteInput(path.to_path_buf()));
    }
    std::fs::write(path, bytes).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// The canonical form of a path that may not exist yet: its folder canonicalized.
fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}
