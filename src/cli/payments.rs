//! `payments` and `index`: after the award, what the contract pays for a file of orders,
//! and the suppliers' prices year by year under the contract's indexation. Both work on
//! the tender in force (the latest version) and the prices its evaluation bound the
//! suppliers to.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::BidId;
use crate::domain::contract::{Contract, IndexSeries};
use crate::evaluate::{Evaluation, evaluate};
use crate::input::diag::{Code, Diagnostic, Report, Sources};
use crate::input::validate::{self, OrderRules};
use crate::payments::{Bound, Prices, Scope, settle};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, Status};

use super::args::TenderArgs;
use super::error::Error;
use super::output::{Protected, emit, emit_with};
use super::{ContractReportArgs, LangArg};
use crate::report::payments::{SettlementReport, write_settlement};

/// What `payments` is asked.
pub struct PaymentsArgs {
    pub orders: PathBuf,
    pub index: Option<PathBuf>,
    pub month: Option<(i16, i8)>,
    pub through: Option<jiff::civil::Date>,
    pub report: ContractReportArgs,
}

/// Reads `--month` as YYYY-MM.
pub(super) fn parse_month(text: &str) -> Result<(i16, i8), String> {
    let (year, month) = text
        .split_once('-')
        .ok_or("write the month as YYYY-MM, e.g. 2024-09")?;
    let year: i16 = year
        .parse()
        .ok()
        .filter(|y| (1900..=9999).contains(y))
        .ok_or("write the month as YYYY-MM, e.g. 2024-09")?;
    let month: i8 = month
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or("the month must be 01 to 12, e.g. 2024-09")?;
    Ok((year, month))
}

/// The evaluation of the tender in force, its contract, and a copy of its sources to add
/// the orders and index files to.
struct Context {
    evaluation: Evaluation,
    contract: Contract,
    sources: Sources,
    protected_files: Vec<PathBuf>,
    folder: PathBuf,
}

fn context(tender: &TenderArgs) -> Result<Context, Error> {
    // A problem in the tender stops the settlement, and says so.
    let ready = super::score::ready_tender(tender).map_err(|error| match error {
        Error::Invalid { report, count } => Error::NotSettled { report, count },
        other => other,
    })?;
    let evaluation = evaluate(&ready, ready.latest());
    let Some(contract) = evaluation.tender.contract.as_deref().cloned() else {
        return Err(Error::NoContract(evaluation.tender.id.clone()));
    };
    Ok(Context {
        sources: ready.sources().clone(),
        protected_files: ready.paths().to_vec(),
        folder: tender.folder(),
        evaluation,
        contract,
    })
}

/// The suppliers: those the contract names (each must be a ranked bid), or the single
/// winner of the evaluation.
fn suppliers(ctx: &Context, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<BidId>, Error> {
    let ranking = &ctx.evaluation.ranking;
    match &ctx.contract.suppliers {
        Some(named) => {
            let by_id = ranked_by_id(ranking);
            let mut ids = Vec::new();
            for (id, site) in named {
                let entry = by_id.get(id);
                let problem = match entry.map(|r| r.score.status()) {
                    Some(Status::Ranked) => {
                        ids.push(id.clone());
                        continue;
                    }
                    Some(Status::Rejected) => {
                        format!("bid `{id}` was rejected; the contract cannot be awarded to it")
                    }
                    Some(Status::Review) => {
                        format!("bid `{id}` awaits the authority's review; it is not ranked")
                    }
                    None => format!("the tender has no bid `{id}`"),
                };
                let mut known: Vec<&str> = ranking
                    .iter()
                    .filter(|r| r.rank.is_some())
                    .map(|r| r.score.bid.0.as_str())
                    .collect();
                known.sort();
                diagnostics.push(
                    Diagnostic::at(
                        Code::UnknownSupplier,
                        site.file,
                        site.span.clone(),
                        "contract.suppliers",
                    )
                    .says(
                        problem,
                        format!(
                            "name ranked bids by their ids; the ranked bids are {}",
                            known.join(", ")
                        ),
                    ),
                );
            }
            Ok(ids)
        }
        None => {
            let winners = ctx.evaluation.winners();
            let review = ranking.iter().any(|r| r.score.status() == Status::Review);
            match (winners.as_slice(), review) {
                ([winner], false) => Ok(vec![winner.score.bid.clone()]),
                _ => Err(Error::NoAward(
                    "the evaluation names no single winner (rank 1 is shared, no bid is ranked, or bids await review); name the suppliers in `[contract] suppliers = [\"bid-id\"]`".into(),
                )),
            }
        }
    }
}

/// Each bid of the ranking by its id, to look suppliers up in.
fn ranked_by_id(ranking: &[Ranked]) -> HashMap<&BidId, &Ranked> {
    ranking.iter().map(|r| (&r.score.bid, r)).collect()
}

/// The prices the evaluation bound each supplier to on each payable line.
fn prices(ctx: &Context, suppliers: &[BidId], series: Option<&IndexSeries>) -> Prices {
    let by_id = ranked_by_id(&ctx.evaluation.ranking);
    let mut bound = Vec::new();
    for supplier in suppliers {
        let Some(entry) = by_id.get(supplier) else {
            continue;
        };
        let Outcome::Scored { prices, .. } = &entry.score.outcome else {
            continue;
        };
        for payment in &ctx.contract.payment {
            if let Some(p) = prices.iter().find(|p| p.line == payment.line) {
                bound.push(Bound {
                    supplier: supplier.clone(),
                    bidder: entry.score.bidder.to_string(),
                    line: p.line.clone(),
                    submitted: p.submitted,
                    price: p.evaluated,
                    adjustments: p.adjustments.clone(),
                });
            }
        }
    }
    Prices::new(&ctx.contract, bound, series)
}

/// Reads a file into the sources, or reports why it cannot be read.
fn read_into(
    sources: &mut Sources,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    if path.is_dir() {
        diagnostics.push(
            Diagnostic::for_path(Code::Unreadable, path.display().to_string())
                .says(format!("{} is a folder", path.display()), "name a file"),
        );
        return None;
    }
    match crate::input::read_text(path) {
        // A byte-order mark (Excel writes one) is no character of the first line: without
        // it, columns count from the first real character.
        Ok(text) => {
            let text = match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_string(),
                None => text,
            };
            Some(sources.add(path.display().to_string(), text))
        }
        Err((message, help)) => {
            diagnostics.push(
                Diagnostic::for_path(Code::Unreadable, path.display().to_string())
                    .says(format!("cannot read {}: {message}", path.display()), help),
            );
            None
        }
    }
}

/// The index file, read and checked, where one is given.
fn index_series(
    ctx: &mut Context,
    path: Option<&Path>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<IndexSeries>, Error> {
    let Some(path) = path else {
        return Ok(None);
    };
    let Some(indexation) = &ctx.contract.indexation else {
        return Err(Error::Unsupported(
            "--index: the tender's contract has no `[contract.indexation]`, so no index applies",
        ));
    };
    let Some(file) = read_into(&mut ctx.sources, path, diagnostics) else {
        return Ok(None);
    };
    Ok(validate::index(
        &ctx.sources,
        file,
        &indexation.index,
        diagnostics,
    ))
}

/// Stops on any error; shows the warnings unless `quiet`.
fn finish(ctx: &Context, diagnostics: Vec<Diagnostic>, quiet: bool) -> Result<(), Error> {
    let count = diagnostics.iter().filter(|d| d.is_error()).count();
    let report = Report {
        sources: &ctx.sources,
        diagnostics: &diagnostics,
    }
    .render_styled(super::colour());
    if count > 0 {
        return Err(Error::NotSettled { report, count });
    }
    if !quiet {
        super::to_stderr(&report);
    }
    Ok(())
}

fn protected(ctx: &Context, extra: &[&Path]) -> Protected {
    let mut files = ctx.protected_files.clone();
    files.extend(extra.iter().map(|p| p.to_path_buf()));
    Protected::new(files, vec![ctx.folder.clone()])
}

pub(super) fn payments(tender: &TenderArgs, args: PaymentsArgs) -> Result<Vec<u8>, Error> {
    let ContractReportArgs {
        format,
        lang,
        output,
    } = args.report;
    let format = format.format();
    let mut ctx = context(tender)?;
    let mut diagnostics = Vec::new();
    let suppliers = suppliers(&ctx, &mut diagnostics)?;
    let errors_before = diagnostics.len();
    let series = index_series(&mut ctx, args.index.as_deref(), &mut diagnostics)?;
    // An index file with problems is reported as such, not again as missing prices.
    let index_failed = diagnostics[errors_before..]
        .iter()
        .any(Diagnostic::is_error);
    let prices = prices(&ctx, &suppliers, series.as_ref());
    let scope = Scope {
        month: args.month,
        through: args.through,
    };
    let csv = match args.orders.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => true,
        Some(e) if e.eq_ignore_ascii_case("toml") => false,
        _ => {
            return Err(Error::Unsupported(
                "the orders file must be CSV (.csv) or TOML (.toml)",
            ));
        }
    };
    let orders = read_into(&mut ctx.sources, &args.orders, &mut diagnostics).and_then(|file| {
        let rules = OrderRules {
            contract: &ctx.contract,
            suppliers: &suppliers,
            prices_unknown_from: prices.unknown_from().filter(|_| !index_failed),
            needed_until: scope.last_day(),
            tender_lines: ctx
                .evaluation
                .tender
                .criteria
                .iter()
                .filter(|c| matches!(c.kind, crate::domain::CriterionKind::Price(_)))
                .map(|c| c.id.0.to_string())
                .collect(),
        };
        validate::orders(&ctx.sources, file, csv, &rules, &mut diagnostics)
    });
    finish(&ctx, diagnostics, tender.quiet)?;
    let orders = orders.unwrap_or_default();
    let settlement = settle(&ctx.contract, &prices, &orders, scope);
    let language = lang.map_or(ctx.evaluation.tender.language, LangArg::language);
    let width = super::score::terminal_width(&output);
    let mut extra = vec![args.orders.as_path()];
    extra.extend(args.index.as_deref());
    let report = SettlementReport {
        tender: &ctx.evaluation.tender,
        contract: &ctx.contract,
        prices: &prices,
        settlement: &settlement,
    };
    emit_with(output, &protected(&ctx, &extra), |out| {
        write_settlement(&report, format, language, width, out)
    })
}

pub(super) fn index(
    tender: &TenderArgs,
    index: &Path,
    report: ContractReportArgs,
) -> Result<Vec<u8>, Error> {
    let ContractReportArgs {
        format,
        lang,
        output,
    } = report;
    let format = format.format();
    let mut ctx = context(tender)?;
    let Some(indexation) = ctx.contract.indexation.clone() else {
        return Err(Error::Unsupported(
            "the tender's contract has no `[contract.indexation]`: its prices are not indexed",
        ));
    };
    let mut diagnostics = Vec::new();
    let suppliers = suppliers(&ctx, &mut diagnostics)?;
    let series = index_series(&mut ctx, Some(index), &mut diagnostics)?;
    finish(&ctx, diagnostics, tender.quiet)?;
    let prices = prices(&ctx, &suppliers, series.as_ref());
    let language = lang.map_or(ctx.evaluation.tender.language, LangArg::language);
    let width = super::score::terminal_width(&output);
    let bytes = crate::report::payments::index(
        &ctx.evaluation.tender,
        &indexation,
        &prices,
        format,
        language,
        width,
    );
    emit(bytes, output, &protected(&ctx, &[index]))
}
