//! `check`: validate a tender in every version, and list every problem or say there is none.

use crate::report::effective_weights_note;
use crate::scoring::tree::effective_weights;

use super::args::TenderArgs;
use super::error::Error;
use super::score::ready_tender;

pub(super) fn run(args: &TenderArgs) -> Result<Vec<u8>, Error> {
    let tender = ready_tender(args)?;
    let latest = tender.latest();
    let warnings = tender.warnings().diagnostics.len();
    let found = if warnings == 0 {
        "no problems found".to_string()
    } else {
        format!("no errors found, {warnings} warning(s) above")
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
    for flag in &tender.flags {
        out.push_str(&format!("legal check: {}\n", flag.message));
    }
    Ok(out.into_bytes())
}
