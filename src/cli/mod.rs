//! The command line: parses arguments, runs a command, and says what to print and which
//! exit code to end with.
//!
//! Contract: [`run`] returns the bytes for standard output, or an [`Error`] whose
//! [`Error::exit_code`] is one of the documented exit codes. Arguments are parsed here and
//! resolved in one small module per command; a file is written only for `--output`, and
//! never over an input file.

mod args;
mod check;
mod error;
mod generate;
mod init;
mod models;
mod output;
mod payments;
mod progress;
mod rescore;
mod score;
mod whatif;

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};
use rust_decimal::Decimal;

use crate::report::Format;

pub use args::{OutputArg, ReportArgs, TenderArgs, VersionArg};
pub use error::{EXIT_INVALID_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, Error};

use args::parse_band;

#[derive(Debug, Parser)]
#[command(
    name = "tenderscore",
    version,
    about = "Scores the bids of a public tender exactly and explains every point"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Colour in the problems printed on standard error: auto (on a terminal, unless
    /// NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    pub color: ColorChoice,
}

/// When problems are printed in colour.
/// What a document command takes beside the tender: the version, the language and where
/// to write it.
#[derive(Debug, clap::Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub version: VersionArg,
    /// The language of the document [default: the tender's `language`, else Danish].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub output: OutputArg,
}

/// How a contract report (`payments`, `index`) is written.
#[derive(Debug, clap::Args)]
pub struct ContractReportArgs {
    /// The report format.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: ContractFormat,
    /// The language of the report [default: the tender's `language`, else Danish].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub output: OutputArg,
}

/// The formats of a contract report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ContractFormat {
    /// A terminal table with the arithmetic of every amount, and the rules.
    Table,
    /// Semicolon-separated, decimal comma, UTF-8 with BOM: opens in Danish Excel.
    Csv,
    /// Every amount an exact decimal string (README, "Payments and indexation").
    Json,
    /// The table as Markdown.
    Md,
}

impl ContractFormat {
    pub(crate) fn format(self) -> Format {
        match self {
            ContractFormat::Table => Format::Table,
            ContractFormat::Csv => Format::Csv,
            ContractFormat::Json => Format::Json,
            ContractFormat::Md => Format::Md,
        }
    }
}

/// How a `whatif` or `simulate` report is written.
#[derive(Debug, clap::Args)]
pub struct WhatifReportArgs {
    /// The report format.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: WhatifFormat,
    /// The language of the report [default: the tender's `language`, else Danish].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub output: OutputArg,
}

/// The formats of a `whatif` report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum WhatifFormat {
    /// Terminal text with tables.
    Text,
    /// Markdown.
    Md,
    /// Every value an exact decimal string (README, "What if").
    Json,
}

/// The language of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Danish.
    Da,
    /// English.
    En,
}

impl LangArg {
    pub(crate) fn language(self) -> crate::domain::Language {
        match self {
            LangArg::Da => crate::domain::Language::Da,
            LangArg::En => crate::domain::Language::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Whether problems are printed in colour in this run (set once, at its start).
static COLOUR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes to standard error; a closed standard error (a pipe whose reader has gone) loses
/// the text but never stops the run.
pub fn to_stderr(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Whether this run prints its problems in colour.
fn colour() -> bool {
    COLOUR.load(std::sync::atomic::Ordering::Relaxed)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score every bid of a tender and print the ranked evaluation.
    #[command(
        after_help = "Examples:\n  tenderscore score my-tender\n  tenderscore score my-tender -f csv -o evaluation.csv\n  tenderscore score my-tender --as-of 0   # the tender as published"
    )]
    Score {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Validate the tender, its scoring model and every bid; list every problem found.
    #[command(
        after_help = "Examples:\n  tenderscore check my-tender\n  tenderscore check my-tender --strict   # exit 4 on warnings or legal flags"
    )]
    Check {
        #[command(flatten)]
        tender: TenderArgs,
        /// Exit with code 4 when there are warnings or legal flags (for scripts).
        #[arg(long)]
        strict: bool,
    },
    /// For legal review: every bid set aside, with rule, decision, evidence and clause.
    #[command(
        after_help = "Examples:\n  tenderscore rejections my-tender\n  tenderscore rejections my-tender -f md -o rejections.md"
    )]
    Rejections {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// In a negotiated procedure: score every round and show what changed from one to the next.
    #[command(
        after_help = "Examples:\n  tenderscore rounds my-tender\n  tenderscore rounds my-tender --round 2 -f json   # rounds 1 and 2 only"
    )]
    Rounds {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Score every version of every tender under the paths and show what changed.
    #[command(
        after_help = "Examples:\n  tenderscore rescore tenders/\n  tenderscore rescore tenders/ --winner-changed -f json -o changes.json"
    )]
    Rescore {
        /// Tender folders, or folders of tender folders (searched below).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// The folder of scoring models (searched first; then the nearest scoring-models folder in or
        /// above each tender folder, then the built-in library).
        #[arg(long, value_name = "DIR", env = "TENDERSCORE_MODELS")]
        models: Option<PathBuf>,
        /// The report format.
        #[arg(short, long, value_enum, default_value = "table")]
        format: Format,
        /// Print no warnings on standard error (errors are always printed).
        #[arg(short, long)]
        quiet: bool,
        /// Report only the tenders where something changed (the summary counts all).
        #[arg(long)]
        changed: bool,
        /// Report only the tenders whose winner changed (the summary counts all).
        #[arg(long)]
        winner_changed: bool,
        /// The language of the table and Markdown (CSV and JSON are the same in every
        /// language) [default: the language the tenders share, else Danish].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[command(flatten)]
        output: OutputArg,
    },
    /// List the scoring models, or show one with its formula and a table of points.
    #[command(
        after_help = "Examples:\n  tenderscore models\n  tenderscore models show proportional-10 --band 370-430"
    )]
    Models {
        #[command(subcommand)]
        show: Option<ModelsCommand>,
        /// The folder of scoring models (shown with the built-in library; default: the nearest
        /// scoring-models folder in or above the current folder).
        #[arg(long, value_name = "DIR", global = true, env = "TENDERSCORE_MODELS")]
        models: Option<PathBuf>,
    },
    /// Write a batch of synthetic tenders (for benchmarks) into a new, empty folder.
    #[command(after_help = "Example:\n  tenderscore generate batch --tenders 100 --bids 20")]
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
    /// A new tender folder that passes `check` at once, or (`--bid`) a new bid file.
    #[command(
        after_help = "Examples:\n  tenderscore init my-tender --model proportional-10\n  tenderscore init --bid my-tender \"Bygherre ApS\""
    )]
    Init {
        /// The folder to create (it must not exist or be empty); with --bid, the tender
        /// folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// With --bid: the bidder's name.
        #[arg(value_name = "NAME", requires = "bid")]
        name: Option<String>,
        /// Add a bid file to the tender at DIR, listing every price line and criterion.
        #[arg(long, requires = "name")]
        bid: bool,
        /// The model written into tender.toml, from `tenderscore models`.
        #[arg(
            long,
            value_name = "NAME",
            default_value = "kk-minmax-8",
            conflicts_with = "bid"
        )]
        model: String,
    },
    /// Shell completions: `tenderscore completions bash > /etc/bash_completion.d/tenderscore`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page: `tenderscore man > tenderscore.1`.
    Man,
    /// The evaluation memo (evalueringsnotat): one self-contained HTML document to print
    /// or save as PDF, in the tender's language.
    #[command(
        after_help = "Examples:\n  tenderscore memo my-tender -o evalueringsnotat.html\n  tenderscore memo my-tender --lang en -o memo.html"
    )]
    Memo {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        document: DocumentArgs,
    },
    /// The evaluation model as text for the tender conditions (Markdown), with a table of
    /// prices → points per price line, in the tender's language.
    #[command(
        after_help = "Examples:\n  tenderscore publish my-tender -o evalueringsmodel.md\n  tenderscore publish my-tender --lang en"
    )]
    Publish {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        document: DocumentArgs,
    },
    /// The notice of the award decision to every bidder (underretning), as HTML and
    /// Markdown, one of each per bid, in the tender's language.
    #[command(
        after_help = "Examples:\n  tenderscore letters my-tender -o breve --sent 2023-11-01\n  tenderscore letters my-tender -o letters --sent 2023-11-01 --lang en"
    )]
    Letters {
        #[command(flatten)]
        tender: TenderArgs,
        #[command(flatten)]
        version: VersionArg,
        /// The folder to write the letters to (created if missing): <bid>.html and <bid>.md.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// The day the letters are sent (YYYY-MM-DD); the standstill period runs from the
        /// day after.
        #[arg(long, value_name = "DATE")]
        sent: jiff::civil::Date,
        /// The language of the letters [default: the tender's `language`, else Danish].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// What the contract pays for a file of orders (CSV or TOML), month by month and
    /// supplier by supplier, at the prices in force, with each order's arithmetic.
    #[command(
        after_help = "Examples:\n  tenderscore payments my-tender ordrer.csv --month 2024-09\n  tenderscore payments my-tender ordrer.csv --index indeks.toml -f csv -o afregning.csv\n  tenderscore payments my-tender ordrer.toml --through 2024-09-30 -f json"
    )]
    Payments {
        #[command(flatten)]
        tender: TenderArgs,
        /// The orders: a CSV file (a header row: id, supplier, line, ordered, start, end,
        /// and optionally citizen, hours, stopped, completed_days, cancelled) or a TOML file
        /// of [[orders]].
        #[arg(value_name = "ORDERS")]
        orders: PathBuf,
        /// The index file (TOML) the contract's price indexation needs.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Only this month's payments (YYYY-MM).
        #[arg(long, value_name = "YYYY-MM", value_parser = payments::parse_month)]
        month: Option<(i16, i8)>,
        /// The day of the settlement: no day after it is paid (YYYY-MM-DD) [default: each
        /// order's end, or the day it was stopped].
        #[arg(long, value_name = "DATE")]
        through: Option<jiff::civil::Date>,
        #[command(flatten)]
        report: ContractReportArgs,
    },
    /// The suppliers' prices year by year under the contract's price indexation, with
    /// each adjustment's arithmetic.
    #[command(
        after_help = "Examples:\n  tenderscore index my-tender indeks.toml\n  tenderscore index my-tender indeks.toml -f csv -o priser.csv"
    )]
    Index {
        #[command(flatten)]
        tender: TenderArgs,
        /// The index file (TOML): `index = \"<name>\"` and `[values]` per period
        /// (2024K3 = 104.3).
        #[arg(value_name = "INDEX")]
        index: PathBuf,
        #[command(flatten)]
        report: ContractReportArgs,
    },
    /// What if: the price at which each ranked bid would stand level with the bid above
    /// it and with the winner, the quality points it would need, the weights within which
    /// the winner stays, and what each criterion decided; or, with --set, --weight,
    /// --accept or --reject, the ranking under that scenario beside the real one.
    #[command(
        after_help = "Examples:\n  tenderscore whatif my-tender\n  tenderscore whatif my-tender job-og-trivsel\n  tenderscore whatif my-tender --set job-og-trivsel.price.spor1=400 --weight indsats=50\n  tenderscore whatif my-tender --accept uklar-erklaering:unclear-declaration\n\nNothing is written but the report: a scenario changes no file."
    )]
    Whatif {
        #[command(flatten)]
        tender: TenderArgs,
        /// Only this bid: its id (the file name without .toml) or the bidder's name (not
        /// with a scenario, which shows every bid).
        #[arg(value_name = "BID", conflicts_with_all = ["set", "weight", "accept", "reject"])]
        bid: Option<String>,
        #[command(flatten)]
        version: VersionArg,
        /// A scenario: a bid's price on a line (BID.price.LINE=PRICE) or its points on a
        /// quality criterion (BID.points.CRITERION=POINTS). Repeatable.
        #[arg(long, value_name = "BID.KIND.NAME=VALUE", value_parser = whatif::parse_set)]
        set: Vec<whatif::EditArg>,
        /// A scenario: a criterion's weight in percent among its siblings, which share the
        /// rest in proportion (CRITERION=PERCENT). Repeatable.
        #[arg(long, value_name = "CRITERION=PERCENT", value_parser = whatif::parse_weight)]
        weight: Vec<whatif::EditArg>,
        /// A scenario: the authority accepts a finding set aside for review (BID:RULE).
        #[arg(long, value_name = "BID:RULE", value_parser = whatif::parse_finding)]
        accept: Vec<(crate::domain::BidId, crate::domain::RuleId)>,
        /// A scenario: the authority rejects a finding set aside for review (BID:RULE).
        #[arg(long, value_name = "BID:RULE", value_parser = whatif::parse_finding)]
        reject: Vec<(crate::domain::BidId, crate::domain::RuleId)>,
        #[command(flatten)]
        report: WhatifReportArgs,
    },
    /// For tender designers: random bids under the tender's rules, each run scored
    /// exactly: how often price changed the winner, the effective weight of price, rank
    /// reversals under a relative model, and a table of price → points.
    #[command(
        after_help = "Examples:\n  tenderscore simulate my-tender\n  tenderscore simulate my-tender --bids 6 --runs 10000 --seed 42 -f json"
    )]
    Simulate {
        #[command(flatten)]
        tender: TenderArgs,
        /// Bids per run.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
        bids: u64,
        /// Runs.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        runs: u64,
        /// The seed: the same seed gives the same result.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How far outside the band prices are drawn, in % of the band's width.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=1000))]
        spread: u32,
        /// The prices drawn on a price line without a band or target, as MIN-MAX.
        #[arg(long, value_name = "MIN-MAX", value_parser = parse_band)]
        prices: Option<(Decimal, Decimal)>,
        #[command(flatten)]
        report: WhatifReportArgs,
    },
    /// Every step from one bid's input to its total and rank, or why it was set aside.
    #[command(
        after_help = "Examples:\n  tenderscore explain my-tender kompas\n  tenderscore explain my-tender \"Kompas Beskæftigelse ApS\" --as-of 0\n  tenderscore explain my-tender kompas --lang en"
    )]
    Explain {
        #[command(flatten)]
        tender: TenderArgs,
        /// The bid: its id (the file name without .toml) or the bidder's name.
        #[arg(value_name = "BID")]
        bid: String,
        #[command(flatten)]
        version: VersionArg,
        /// The language of the explanation [default: the tender's `language`, else Danish].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
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

/// Runs one command; returns what to print on standard output. Made for a process that
/// runs one command and ends: `score` leaves the memory of its evaluation to the end of
/// the process rather than free it bid by bid.
pub fn run(cli: Cli) -> Result<Vec<u8>, Error> {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let wanted = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stderr().is_terminal(),
    };
    COLOUR.store(wanted, std::sync::atomic::Ordering::Relaxed);
    match cli.command {
        Command::Check { tender, strict } => check::run(&tender, strict),
        Command::Score { tender, report } => score::score(&tender, report),
        Command::Rejections { tender, report } => score::rejections(&tender, report),
        Command::Rounds { tender, report } => score::rounds(&tender, report),
        Command::Publish { tender, document } => {
            score::document(&tender, document, |evaluation, language, out| {
                out.write_all(crate::report::memo::publish(&evaluation.tender, language).as_bytes())
            })
        }
        Command::Letters {
            tender,
            version,
            output,
            sent,
            lang,
        } => score::letters(
            &tender,
            &version,
            &output,
            sent,
            lang.map(LangArg::language),
        ),
        Command::Memo { tender, document } => {
            score::document(&tender, document, crate::report::memo::write)
        }
        Command::Explain {
            tender,
            bid,
            version,
            lang,
            output,
        } => score::explain(&tender, &bid, &version, lang.map(LangArg::language), output),
        Command::Rescore {
            paths,
            models,
            format,
            changed,
            winner_changed,
            quiet,
            lang,
            output,
        } => {
            let only = rescore::Only {
                changed,
                winner_changed,
                quiet,
            };
            let layout = crate::report::Layout {
                width: score::terminal_width(&output),
                language: lang.map(LangArg::language),
            };
            rescore::run(&paths, models, format, only, (output, layout))
        }
        Command::Whatif {
            tender,
            bid,
            version,
            set,
            weight,
            accept,
            reject,
            report,
        } => {
            let decide = |(bid, rule), accepted| crate::whatif::scenario::Edit::Decide {
                bid,
                rule,
                accepted,
            };
            let edits = set
                .into_iter()
                .chain(weight)
                .map(|e| e.0)
                .chain(accept.into_iter().map(|f| decide(f, true)))
                .chain(reject.into_iter().map(|f| decide(f, false)))
                .collect();
            whatif::run(
                &tender,
                whatif::WhatifArgs {
                    bid,
                    version,
                    edits,
                    report,
                },
            )
        }
        Command::Simulate {
            tender,
            bids,
            runs,
            seed,
            spread,
            prices,
            report,
        } => whatif::simulate(
            &tender,
            crate::whatif::simulate::Settings {
                bids: usize::try_from(bids).unwrap_or(usize::MAX),
                runs: usize::try_from(runs).unwrap_or(usize::MAX),
                seed,
                spread,
                range: prices.map(|(from, to)| {
                    (
                        crate::values::Money::new(from),
                        crate::values::Money::new(to),
                    )
                }),
            },
            report,
        ),
        Command::Models { show, models } => models::run(show, models),
        Command::Payments {
            tender,
            orders,
            index,
            month,
            through,
            report,
        } => payments::payments(
            &tender,
            payments::PaymentsArgs {
                orders,
                index,
                month,
                through,
                report,
            },
        ),
        Command::Index {
            tender,
            index,
            report,
        } => payments::index(&tender, &index, report),
        Command::Generate {
            dir,
            tenders,
            bids,
            rettelsesblade,
        } => generate::run(&dir, tenders, bids, rettelsesblade),
        Command::Init {
            dir,
            name: Some(name),
            bid: true,
            ..
        } => init::bid(&dir, &name),
        Command::Init { dir, model, .. } => init::tender(&dir, &model),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tenderscore", &mut out);
            Ok(out)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|source| Error::Write {
                    path: PathBuf::from("the manual page"),
                    source,
                })?;
            Ok(out)
        }
    }
}
