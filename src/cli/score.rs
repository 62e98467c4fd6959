//! `score`, `rejections` and `explain`: one version of one tender evaluated, rendered.

use crate::evaluate::{Evaluation, Ready, evaluate_once, load_view};
use crate::input::ModelSearch;
use crate::input::diag::nearest;
use crate::report::{explain, rejections, write_for};
use crate::scoring::rank::Ranked;

use super::args::{OutputArg, ReportArgs, TenderArgs, VersionArg};
use super::error::Error;
use super::output::{Protected, emit, emit_with};

pub(super) fn score(tender: &TenderArgs, report: ReportArgs) -> Result<Vec<u8>, Error> {
    let (evaluation, inputs) = evaluation_of(tender, &report.version)?;
    let layout = report.layout();
    let written = emit_with(report.output, &inputs, |out| {
        write_for(&evaluation, report.format, layout, out)
    });
    // A command is the whole run of its process (see `run`): the evaluation's memory goes
    // back with the process at once, sooner than by freeing every bid's score one by one
    // (100 000 bids: 0,1 s).
    std::mem::forget(evaluation);
    written
}

pub(super) fn rejections(tender: &TenderArgs, report: ReportArgs) -> Result<Vec<u8>, Error> {
    let (evaluation, inputs) = evaluation_of(tender, &report.version)?;
    let layout = report.layout();
    emit_with(report.output, &inputs, |out| {
        rejections::write_for(&evaluation, report.format, layout, out)
    })
}

pub(super) fn explain(
    tender: &TenderArgs,
    bid: &str,
    version: &VersionArg,
    language: Option<crate::domain::Language>,
    output: OutputArg,
) -> Result<Vec<u8>, Error> {
    let (evaluation, inputs) = evaluation_of(tender, version)?;
    let entry = find_bid(&evaluation, bid)?;
    // Control characters made visible first, so the width counts them; then, on a
    // terminal, fitted to its width (to a file or a pipe, a line per step).
    let mut text = crate::report::terminal_safe(explain::render_in(&evaluation, entry, language));
    if let Some(width) = terminal_width(&output) {
        text = crate::report::fit_to_width(&text, width);
    }
    emit(text.into_bytes(), output, &inputs)
}

/// Every round of a negotiated procedure, and what changed between them.
pub(super) fn rounds(tender: &TenderArgs, report: ReportArgs) -> Result<Vec<u8>, Error> {
    use crate::evaluate::rounds::{Choice, RoundsError, rounds};
    if report.format == crate::report::Format::Xlsx {
        return Err(Error::Unsupported(
            "--format xlsx is for score and rejections; rounds writes table, csv, json or md",
        ));
    }
    let search = ModelSearch {
        dir: tender.models.clone(),
    };
    let choice = Choice {
        lot: tender.lot.as_deref(),
        up_to: tender.round,
        version: report.version.as_of,
    };
    let (found, ready) = rounds(&tender.folder(), &search, &choice).map_err(|e| match e {
        RoundsError::Invalid(invalid) => Error::from(invalid),
        RoundsError::UnknownVersion { asked, latest } => Error::UnknownVersion { asked, latest },
    })?;
    if !tender.quiet {
        super::to_stderr(&ready.warnings().render_styled(super::colour()));
    }
    let protected = Protected::read(
        ready.paths().to_vec(),
        ready.identities(),
        vec![tender.folder()],
    );
    emit(
        crate::report::rounds::render_in(&found, report.format, report.layout()),
        report.output,
        &protected,
    )
}

/// A document of one version of a tender, rendered in the language asked for.
pub(super) fn document(
    tender: &TenderArgs,
    args: super::DocumentArgs,
    write: impl Fn(
        &Evaluation,
        Option<crate::domain::Language>,
        &mut dyn std::io::Write,
    ) -> std::io::Result<()>,
) -> Result<Vec<u8>, Error> {
    let (evaluation, inputs) = evaluation_of(tender, &args.version)?;
    let language = args.lang.map(super::LangArg::language);
    emit_with(args.output, &inputs, |out| {
        write(&evaluation, language, out)
    })
}

/// Letters announce an award decision: only on the tender in force, with one winner,
/// nothing left for review, and sent after the deadline.
fn award_decided(evaluation: &Evaluation, sent: jiff::civil::Date) -> Result<(), Error> {
    use crate::scoring::score::Status;
    if !evaluation.latest {
        return Err(Error::NoAward(format!(
            "version {} is not the tender in force; letters are written on the latest version (leave out --as-of)",
            evaluation.version
        )));
    }
    let t = &evaluation.tender;
    if t.round != t.final_round() {
        return Err(Error::NoAward(format!(
            "round {} is not the final round ({}): letters announce the award on the bids of the final round",
            t.round,
            t.final_round()
        )));
    }
    if let Some(award) = &evaluation.award {
        // The declared tie-break left bids tied for the last places: who is awarded is the
        // authority's decision, and no letter can announce it yet.
        let tied: Vec<&str> = award
            .bids
            .iter()
            .filter(|b| b.status == crate::scoring::award::AwardStatus::TiedAtBoundary)
            .map(|b| b.bidder.as_str())
            .collect();
        if !tied.is_empty() {
            return Err(Error::NoAward(format!(
                "bids are tied for the last places of the award ({}); the authority decides who is awarded before letters are written",
                tied.join(", ")
            )));
        }
        let awarded: Vec<_> = award.awarded().collect();
        if awarded.is_empty() {
            return Err(Error::NoAward(
                "no bid is awarded (every ranked bid is passed over by the lot limit, or none is ranked): there is no award to announce".into(),
            ));
        }
        // Tied awarded bids whose places carry different shares, or whose order in a
        // cascade decides who is asked first: the authority decides before anyone is told.
        let undecided: Vec<&str> = awarded
            .iter()
            .filter(|b| {
                b.share_undecided || (award.allocation == "cascade" && b.places.0 != b.places.1)
            })
            .map(|b| b.bidder.as_str())
            .collect();
        if !undecided.is_empty() {
            return Err(Error::NoAward(format!(
                "bids awarded together share places whose allocation (or order in the cascade) differs ({}); the authority decides it before letters are written",
                undecided.join(", ")
            )));
        }
    }
    let review: Vec<&str> = evaluation
        .ranking
        .iter()
        .filter(|r| r.score.status() == Status::Review)
        .map(|r| r.score.bidder.as_ref())
        .collect();
    if !review.is_empty() {
        return Err(Error::NoAward(format!(
            "bids await the authority's decision ({}); record it in decisions.toml first",
            review.join(", ")
        )));
    }
    let winners: Vec<&str> = evaluation
        .winners()
        .iter()
        .map(|r| r.score.bidder.as_ref())
        .collect();
    match winners.len() {
        0 => {
            return Err(Error::NoAward(
                "no bid is ranked: every bid was set aside, so there is no one to award the contract to".into(),
            ));
        }
        1 => {}
        // Bids sharing rank 1 are all awarded where the award has room for them (a tie
        // at the boundary is refused above).
        _ if evaluation.award.is_some() => {}
        _ => {
            return Err(Error::NoAward(format!(
                "rank 1 is shared ({}); declare a tie-break in the tender or decide the tie before writing letters",
                winners.join(", ")
            )));
        }
    }
    if crate::report::letters::standstill_end(evaluation.tender.standstill_days, sent).is_none() {
        return Err(Error::NoAward(format!(
            "--sent {sent}: the standstill period would end beyond the calendar"
        )));
    }
    // In a negotiated procedure, the deadline of the final round's bids.
    let (written, _) = t.deadline_of(t.round);
    let deadline = written
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .unwrap_or(t.deadline_date);
    if sent < deadline {
        return Err(Error::NoAward(format!(
            "--sent {sent} is before the submission deadline {deadline}"
        )));
    }
    Ok(())
}

pub(super) fn letters(
    tender: &TenderArgs,
    version: &VersionArg,
    dir: &std::path::Path,
    sent: jiff::civil::Date,
    language: Option<crate::domain::Language>,
) -> Result<Vec<u8>, Error> {
    let (evaluation, inputs) = evaluation_of(tender, version)?;
    award_decided(&evaluation, sent)?;
    if dir.as_os_str() == "-" {
        return Err(Error::Unsupported(
            "letters are files: give --output a folder, not -",
        ));
    }
    // Never a folder inside a tender folder (nor an input file), checked before it is made.
    super::output::refuse_protected(dir, &inputs)?;
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    // Each letter written as soon as it is made.
    let written = crate::report::letters::render_each(&evaluation, language, sent, |letter| {
        for (extension, text) in [("html", &letter.html), ("md", &letter.markdown)] {
            // One folder may hold the letters of several lots: the lot is in the name.
            let path = match evaluation.tender.current_lot() {
                Some(lot) => dir.join(format!("{}.{}.{extension}", letter.bid, lot.id)),
                None => dir.join(format!("{}.{extension}", letter.bid)),
            };
            super::output::write_report(&path, text.as_bytes(), &inputs)?;
        }
        Ok::<(), Error>(())
    })?;
    Ok(format!(
        "wrote {written} letter(s) to {} (HTML and Markdown)\n",
        dir.display()
    )
    .into_bytes())
}

/// The width of the terminal the report goes to: `COLUMNS` where set, else the terminal's
/// own; `None` when the report goes to a file or a pipe, which keep a stable layout.
pub(super) fn terminal_width(output: &OutputArg) -> Option<u16> {
    use std::io::IsTerminal;
    let to_stdout = output.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if !to_stdout || !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| w.0))
}

/// Loads a tender and finishes its checks.
pub(super) fn ready_tender(args: &TenderArgs) -> Result<Ready, Error> {
    let search = ModelSearch {
        dir: args.models.clone(),
    };
    let view = crate::input::View {
        lot: args.lot.as_deref(),
        round: args.round,
    };
    let tender = load_view(&args.folder(), &search, view)?;
    // Warnings go to standard error at once, whatever becomes of the report.
    if !args.quiet {
        super::to_stderr(&tender.warnings().render_styled(super::colour()));
    }
    Ok(tender)
}

/// The version asked for: the latest (the tender in force) unless `--as-of` names one.
pub(super) fn version_of<'a>(
    tender: &'a Ready,
    version: &VersionArg,
) -> Result<&'a crate::input::Version, Error> {
    match version.as_of {
        None => Ok(tender.latest()),
        Some(number) => tender.version(number).ok_or(Error::UnknownVersion {
            asked: number,
            latest: tender.latest().number,
        }),
    }
}

/// Loads a tender and evaluates the version asked for (the latest by default); also
/// returns what no report may overwrite: the files read and the tender folder.
fn evaluation_of(
    args: &TenderArgs,
    version: &VersionArg,
) -> Result<(Evaluation, Protected), Error> {
    let mut tender = ready_tender(args)?;
    // Taken, not copied: the tender is let go after this one evaluation.
    let released = tender.release();
    let protected = Protected::read(released.paths, &released.identities, vec![args.folder()]);
    let inputs = released.inputs;
    let number = version_of(&tender, version)?.number;
    // The tender is let go after this one evaluation: its bids are scored taken.
    let mut evaluation = evaluate_once(&mut tender, number).ok_or(Error::UnknownVersion {
        asked: number,
        latest: tender.latest().number,
    })?;
    evaluation.inputs = inputs;
    Ok((evaluation, protected))
}

/// The bid named on the command line: by id or file path, else by bidder name (ignoring
/// case).
pub(super) fn find_bid<'a>(evaluation: &'a Evaluation, name: &str) -> Result<&'a Ranked, Error> {
    let ranking = &evaluation.ranking;
    // By id, or by the bid's file path ("tender/bids/kompas.toml" names bid "kompas").
    let path = std::path::Path::new(name);
    let from_path = (path.extension().is_some_and(|x| x == "toml"))
        .then(|| path.file_stem())
        .flatten()
        .map(|stem| stem.to_string_lossy().into_owned());
    let id = from_path.as_deref().unwrap_or(name);
    if let Some(by_id) = ranking.iter().find(|r| r.score.bid.0 == id) {
        return Ok(by_id);
    }
    let by_name: Vec<&Ranked> = ranking
        .iter()
        .filter(|r| r.score.bidder.trim().to_lowercase() == name.trim().to_lowercase())
        .collect();
    if by_name.len() > 1 {
        let mut ids: Vec<String> = by_name.iter().map(|r| r.score.bid.0.clone()).collect();
        ids.sort();
        return Err(Error::AmbiguousBid {
            name: name.to_string(),
            ids,
        });
    }
    by_name.first().copied().ok_or_else(|| {
        let mut known: Vec<String> = ranking.iter().map(|r| r.score.bid.0.clone()).collect();
        known.sort();
        Error::UnknownBid {
            name: name.to_string(),
            suggestion: nearest(name, known.iter().map(String::as_str)).map(str::to_string),
            known,
        }
    })
}
