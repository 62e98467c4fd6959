//! Where a report goes: standard output, or a file that is never an input file.

use std::path::{Path, PathBuf};

use super::args::OutputArg;
use super::error::Error;

/// A report goes to standard output, or to `--output` (never over an input file).
pub(super) fn emit(
    bytes: Vec<u8>,
    output: OutputArg,
    inputs: &[PathBuf],
) -> Result<Vec<u8>, Error> {
    match output.output {
        None => Ok(bytes),
        Some(path) => {
            write_report(&path, &bytes, inputs)?;
            Ok(Vec::new())
        }
    }
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
/// Every file of a tender folder, which `--output` must not overwrite.
pub(super) fn input_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![dir.join("tender.toml")];
    for sub in ["bids", crate::input::load::RETTELSESBLADE_DIR] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    files
}
