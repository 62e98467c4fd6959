//! Where a report goes: standard output (no `--output`, or `--output -`), or a file that
//! is never an input of the run and never inside a tender folder.
//!
//! A file is written whole or not at all: the report goes to a temporary file in the
//! target's folder, is flushed to disk and then renamed over the target, so a run killed
//! half-way, or two runs writing the same file, never leave a partial or mixed report.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::OutputArg;
use super::error::Error;

/// What a report may never overwrite: every file the run read (tender, bids,
/// rettelsesblade, scoring models) and every tender folder.
#[derive(Debug, Default)]
pub(super) struct Protected {
    pub files: Vec<PathBuf>,
    pub folders: Vec<PathBuf>,
    /// The inputs' device and inode numbers, gathered once on first use, so checking many
    /// outputs (a letter per bidder) costs one look-up each, not one per input.
    identities: std::sync::OnceLock<std::collections::HashSet<(u64, u64)>>,
}

impl Protected {
    pub fn new(files: Vec<PathBuf>, folders: Vec<PathBuf>) -> Protected {
        Protected {
            files,
            folders,
            identities: std::sync::OnceLock::new(),
        }
    }

    /// [`Protected::new`] with the inputs' identities as they were read (all of them, or
    /// none is taken): no input is looked at again.
    pub fn read(
        files: Vec<PathBuf>,
        identities: &[crate::input::FileIdentity],
        folders: Vec<PathBuf>,
    ) -> Protected {
        let protected = Protected::new(files, folders);
        if identities.len() == protected.files.len() {
            let _ = protected
                .identities
                .set(identities.iter().copied().collect());
        }
        protected
    }

    /// Whether `path` is one of the inputs, by any path or link.
    fn holds(&self, path: &Path) -> bool {
        // A file that does not exist yet is no input.
        let Ok(target) = std::fs::metadata(path) else {
            return false;
        };
        // Every input is a regular file (a listing reads nothing else), so a device or a
        // pipe (`-o /dev/null`) is none, and the inputs need not be looked at.
        if !target.is_file() {
            return false;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let identities = self.identities.get_or_init(|| {
                self.files
                    .iter()
                    .filter_map(|f| std::fs::metadata(f).ok())
                    .map(|m| (m.dev(), m.ino()))
                    .collect()
            });
            identities.contains(&(target.dev(), target.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = target;
            self.files
                .iter()
                .any(|input| same_file::is_same_file(input, path).unwrap_or(false))
        }
    }
}

/// A report goes to standard output (the bytes returned), or to the `--output` file.
pub(super) fn emit(
    bytes: Vec<u8>,
    output: OutputArg,
    protected: &Protected,
) -> Result<Vec<u8>, Error> {
    match output.output {
        None => Ok(bytes),
        Some(path) if path.as_os_str() == "-" => Ok(bytes),
        Some(path) => {
            write_report(&path, &bytes, protected)?;
            Ok(Vec::new())
        }
    }
}

/// A report written as it is produced, without holding it whole in memory: to standard
/// output (no `--output`, or `-`), or to the `--output` file, atomically.
pub(super) fn emit_with(
    output: OutputArg,
    protected: &Protected,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, Error> {
    match output.output {
        Some(path) if path.as_os_str() != "-" => {
            write_report_with(&path, protected, write)?;
        }
        _ => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(Error::Stdout)?;
        }
    }
    Ok(Vec::new())
}

/// Refuses a target that is an input of the run — by any path, through a symbolic or a hard
/// link (the same device and inode) — or that lies inside a tender folder.
pub(super) fn refuse_protected(path: &Path, protected: &Protected) -> Result<(), Error> {
    if protected.holds(path) {
        return Err(Error::WouldOverwriteInput(path.to_path_buf()));
    }
    let target = real_path(path);
    // Inside the tender evaluated, or inside any other tender folder (one that holds a
    // tender.toml), whose files are some run's inputs.
    let inside = protected
        .folders
        .iter()
        .filter_map(|folder| folder.canonicalize().ok())
        .any(|folder| target.starts_with(folder))
        || target
            .ancestors()
            .any(|folder| folder.join("tender.toml").is_file());
    if inside {
        return Err(Error::InsideTenderFolder(path.to_path_buf()));
    }
    Ok(())
}

/// Writes a report atomically: a temporary file beside the target, flushed, renamed over
/// it. A target that is a symbolic link is written where the link points.
pub(super) fn write_report(path: &Path, bytes: &[u8], protected: &Protected) -> Result<(), Error> {
    write_report_with(path, protected, |w| w.write_all(bytes))
}

/// Writes a report atomically as it is produced: see [`write_report`].
fn write_report_with(
    path: &Path,
    protected: &Protected,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    refuse_protected(path, protected)?;
    let target = real_path(path);
    let error = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // A device or a pipe (/dev/null, a FIFO) is written into, never replaced: renaming a
    // file over it would destroy it.
    if std::fs::metadata(&target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(error)?;
        let mut buffered = std::io::BufWriter::new(&mut file);
        return write(&mut buffered)
            .and_then(|()| buffered.flush())
            .map_err(error);
    }
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".tenderscore-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(error)?;
    {
        let mut buffered = std::io::BufWriter::new(file.as_file_mut());
        write(&mut buffered)
            .and_then(|()| buffered.flush())
            .map_err(error)?;
    }
    keep_permissions(file.as_file(), &target).map_err(error)?;
    file.as_file().sync_all().map_err(error)?;
    file.persist(&target).map_err(|e| error(e.error))?;
    Ok(())
}

/// The report keeps the permissions of the file it replaces; a new one gets read-write
/// for its owner and read for others, as files usually are (the temporary file is made
/// owner-only).
fn keep_permissions(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    match std::fs::metadata(target) {
        Ok(existing) => file.set_permissions(existing.permissions()),
        Err(_) => readable_by_others(file),
    }
}

#[cfg(unix)]
fn readable_by_others(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_others(_file: &std::fs::File) -> std::io::Result<()> {
    // Elsewhere a temporary file is not made owner-only.
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The identities taken while the inputs were read are the ones checked: given the
    /// identity of `other` for the one input `read`, `other` counts as the input and
    /// `read`'s own path does not (it is looked at no more); with identities missing for
    /// some input, every input is looked at again.
    #[cfg(unix)]
    #[test]
    fn identities_taken_at_read_time_are_the_ones_checked() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let read = dir.path().join("read.toml");
        let other = dir.path().join("other.toml");
        std::fs::write(&read, "a").unwrap();
        std::fs::write(&other, "b").unwrap();
        let meta = std::fs::metadata(&other).unwrap();
        let given = Protected::read(vec![read.clone()], &[(meta.dev(), meta.ino())], vec![]);
        assert!(given.holds(&other));
        assert!(!given.holds(&read));
        let looked_up = Protected::read(vec![read.clone()], &[], vec![]);
        assert!(looked_up.holds(&read));
        assert!(!looked_up.holds(&other));
    }
}
