//! `check`: validate a tender in every version, and list every problem or say there is none.
//! A tender split into lots is checked lot by lot, and a negotiated procedure round by
//! round, so a problem in a lot or a round no other command has looked at yet is found.

use crate::evaluate::{Ready, load_view};
use crate::input::{Invalid, ModelSearch, View, lot_ids};
use crate::report::effective_weights_note;
use crate::scoring::tree::effective_weights;

use super::args::TenderArgs;
use super::error::Error;

/// Checks a tender; the legal check's flags go to standard error like warnings. With
/// `strict`, warnings or flags are an error (exit code 4), for scripts.
pub(super) fn run(args: &TenderArgs, strict: bool) -> Result<Vec<u8>, Error> {
    let checked = load_every_view(args)?;
    let mut out = String::new();
    let mut flagged = 0;
    let mut shown: Vec<String> = Vec::new();
    for (lot, tender) in &checked {
        let rendered = tender.warnings().render_styled(super::colour());
        if !args.quiet && !shown.contains(&rendered) {
            super::to_stderr(&rendered);
            shown.push(rendered);
        }
        out.push_str(&summary(args, lot.as_deref(), tender));
        for flag in tender.flags.iter().filter(|_| !args.quiet) {
            super::to_stderr(&format!("legal check: {}\n", flag.message));
        }
        flagged += tender.warnings().diagnostics.len() + tender.flags.len();
    }
    if strict && flagged > 0 {
        return Err(Error::Strict {
            report: out,
            count: flagged,
        });
    }
    Ok(out.into_bytes())
}

/// The `ok` line (and any note) of one lot, or of a tender without lots.
fn summary(args: &TenderArgs, lot: Option<&str>, tender: &Ready) -> String {
    let latest = tender.latest();
    let warnings = tender.warnings().diagnostics.len();
    let found = match (warnings, args.quiet) {
        (0, _) => "no problems found".to_string(),
        // -q printed none of them: say there are some, not that they stand above.
        (_, true) => format!("no errors found, {warnings} warning(s) not shown (-q)"),
        (_, false) => format!("no errors found, {warnings} warning(s) above"),
    };
    let t = &latest.tender;
    let mut out = format!(
        "ok: tender {}{}{} in {} version(s) with scoring model {} and {} bid(s): {found}\n",
        t.id,
        lot.map_or(String::new(), |l| format!(", lot {l}")),
        if t.rounds.is_empty() {
            String::new()
        } else {
            format!(", rounds 1 to {} of {},", t.round, t.final_round())
        },
        tender.versions().len(),
        t.model.name,
        latest.bids.len()
    );
    let weights = effective_weights(t);
    if let Some(note) = effective_weights_note(t, &weights) {
        out.push_str(&format!("note: {note}\n"));
    }
    out
}

/// Loads every lot (or the one named) and every round up to the latest with bids (or up
/// to the one named): the tender as each is scored. Every problem of every load is
/// collected, each once, before stopping.
fn load_every_view(args: &TenderArgs) -> Result<Vec<(Option<String>, Ready)>, Error> {
    let folder = args.folder();
    let search = ModelSearch {
        dir: args.models.clone(),
    };
    let lots: Vec<Option<String>> = match &args.lot {
        Some(lot) => vec![Some(lot.clone())],
        None => {
            let ids = lot_ids(&folder);
            if ids.is_empty() {
                vec![None]
            } else {
                ids.into_iter().map(Some).collect()
            }
        }
    };
    let mut problems: Option<Invalid> = None;
    let mut add = |invalid: Invalid| match &mut problems {
        Some(all) => all.absorb(invalid),
        None => problems = Some(invalid),
    };
    let mut checked = Vec::new();
    for lot in lots {
        let view = |round| View {
            lot: lot.as_deref(),
            round,
        };
        match load_view(&folder, &search, view(args.round)) {
            Ok(ready) => {
                // The earlier rounds: the bids a revised bid replaced are checked too.
                for round in 1..ready.latest().tender.round {
                    if let Err(invalid) = load_view(&folder, &search, view(Some(round))) {
                        add(invalid);
                    }
                }
                checked.push((lot.clone(), ready));
            }
            Err(invalid) => add(invalid),
        }
    }
    match problems {
        Some(invalid) => Err(invalid.into()),
        None => Ok(checked),
    }
}
