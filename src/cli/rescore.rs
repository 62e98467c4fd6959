//! `rescore`: every version of every tender under the paths, and what changed.

use std::path::PathBuf;

use crate::evaluate::rescore::{Rescored, TenderRescore, rescore_all};
use crate::input::ModelSearch;
use crate::input::discover::find_tenders;
use crate::report::{Format, Layout, batch};

use super::args::{OutputArg, folder_of};
use super::error::{Error, errors, render_invalid};
use super::output::{Protected, emit_with};
use super::progress::Progress;

/// Which tenders the report shows; the summary counts them all.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Only {
    /// Only where a winner, a rank or a value changed.
    pub changed: bool,
    /// Only where the winner changed.
    pub winner_changed: bool,
    /// No warnings on standard error.
    pub quiet: bool,
}

/// Re-scores every tender under the paths. A broken tender does not stop the batch: the
/// others are reported, the broken ones listed with their problems on standard error, and
/// the exit code (1) says some failed. The table and Markdown are laid out by `layout`.
pub(super) fn run(
    paths: &[PathBuf],
    models: Option<PathBuf>,
    format: Format,
    only: Only,
    (output, layout): (OutputArg, Layout),
) -> Result<Vec<u8>, Error> {
    if format == Format::Xlsx {
        return Err(Error::Unsupported(
            "--format xlsx is for score and rejections; rescore writes table, csv, json or md",
        ));
    }
    let paths: Vec<PathBuf> = paths.iter().map(|p| folder_of(p)).collect();
    let found = find_tenders(&paths).map_err(|missing| Error::Invalid {
        report: format!("error[E001]: {} is not a folder\n", missing.display()),
        count: 1,
    })?;
    if !found.unreadable.is_empty() {
        let report: String = found
            .unreadable
            .iter()
            .map(|(dir, why)| {
                format!(
                    "error[E001]: cannot read the folder {}: {why}\n",
                    dir.display()
                )
            })
            .collect();
        return Err(Error::Invalid {
            report,
            count: found.unreadable.len(),
        });
    }
    let dirs = found.tenders;
    let search = ModelSearch { dir: models };
    let machine_readable = matches!(format, Format::Json | Format::Csv);
    let progress = Progress::new(dirs.len(), machine_readable);
    let results = rescore_all(&dirs, &search, &|| progress.tick());
    progress.finish();
    let mut report = String::new();
    let mut failed = 0;
    let mut count = 0;
    let mut done = Vec::new();
    let mut protected = Protected::default();
    // The results keep the order of the folders.
    for (dir, result) in dirs.iter().zip(results) {
        match result {
            Ok(lots) => {
                protected.folders.push(dir.clone());
                for r in lots {
                    // The lots of one tender share its warnings: shown once.
                    if !only.quiet && done.last().is_none_or(|d: &TenderRescore| d.dir != r.dir) {
                        super::to_stderr(&r.warnings.to_string());
                    }
                    protected.files.extend(r.paths.iter().cloned());
                    done.push(r);
                }
            }
            Err(invalid) => {
                // A broken tender's files are inputs too: its folder, and every file read.
                protected.folders.push(dir.clone());
                protected
                    .files
                    .extend(invalid.sources.iter().map(|s| PathBuf::from(&s.path)));
                count += errors(&invalid);
                failed += 1;
                report.push_str(&render_invalid(&invalid));
            }
        }
    }
    let mut rescored = Rescored::new(done);
    rescored.summary.failed = failed;
    rescored.tenders.retain(|t| {
        let changed = t
            .steps
            .iter()
            .any(|s| !s.changes.bids.is_empty() || s.changes.winner_changed);
        (!only.changed || changed) && (!only.winner_changed || t.winner_changed())
    });
    let out = emit_with(output, &protected, |out| {
        batch::write_in(&rescored, format, layout, out)
    })?;
    if count > 0 {
        return Err(Error::Partial {
            stdout: out,
            report,
            count,
            failed,
        });
    }
    Ok(out)
}
