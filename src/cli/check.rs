//! `check`: validate a tender in every version, and list every problem or say there is none.

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
    for flag in &tender.flags {
        out.push_str(&format!("legal check: {}\n", flag.message));
    }
    Ok(out.into_bytes())
}
