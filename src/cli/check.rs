//! `check`: validate a tender in every version, and list every problem or say there is none.

use crate::report::effective_weights_note;
use crate::scoring::tree::effective_weights;

use super::args::TenderArgs;
use super::error::Error;
use super::score::ready_tender;

/// Checks a tender; the legal check's flags go to standard error like warnings. With
/// `strict`, warnings or flags are an error (exit code 4), for scripts.
pub(super) fn run(args: &TenderArgs, strict: bool) -> Result<Vec<u8>, Error> {
    let tender = ready_tender(args)?;
    let latest = tender.latest();
    let warnings = tender.warnings().diagnostics.len();
    let found = match (warnings, args.quiet) {
        (0, _) => "no problems found".to_string(),
        // -q printed none of them: say there are some, not that they stand above.
        (_, true) => format!("no errors found, {warnings} warning(s) not shown (-q)"),
        (_, false) => format!("no errors found, {warnings} warning(s) above"),
    };
    let mut out = format!(
        "ok: tender {} in {} version(s) with scoring model {} and {} bid(s): {found}\n",
        latest.tender.id,
        tender.versions().len(),
        latest.tender.model.name,
        latest.bids.len()
    );
    let weights = effective_weights(&latest.tender);
    if let Some(note) = effective_weights_note(&latest.tender, &weights) {
        out.push_str(&format!("note: {note}\n"));
    }
    for flag in tender.flags.iter().filter(|_| !args.quiet) {
        super::to_stderr(&format!("legal check: {}\n", flag.message));
    }
    let flagged = warnings + tender.flags.len();
    if strict && flagged > 0 {
        return Err(Error::Strict {
            report: out,
            count: flagged,
        });
    }
    Ok(out.into_bytes())
}
