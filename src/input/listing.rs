//! Listing a folder of input files (`bids/`, `rettelsesblade/`, a models folder): the
//! `*.toml` files to read, in file-name order, and a diagnostic for every other entry, so
//! no file vanishes without a word.
//!
//! Contract: an entry that looks like an input under a wrong name or of the wrong kind
//! (`x.TOML`, `x.toml.txt`, a folder or FIFO named `x.toml`, a symbolic link to nothing) is
//! an error, E007; anything else is a warning, W001, and is not read. Hidden entries (a
//! name starting with `.`, such as `.gitkeep`) are passed over in silence.

use std::fs;
use std::path::{Path, PathBuf};

use super::diag::{Code, Diagnostic};

/// The files to read, and what was found beside them.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<PathBuf>,
    pub problems: Vec<Diagnostic>,
}

/// Lists `dir`; `what` names its files for messages ("bid", "rettelsesblad", "scoring
/// model"). A folder that does not exist holds no files.
pub fn list(dir: &Path, what: &str) -> Listing {
    let mut listing = Listing::default();
    if !dir.exists() {
        return listing;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            listing.problems.push(
                Diagnostic::for_path(Code::Unreadable, dir.display().to_string()).says(
                    format!("cannot list {}: {error}", dir.display()),
                    "check that the folder exists and is readable",
                ),
            );
            return listing;
        }
    };
    // The entry's type as the listing gives it, so a plain file costs no further look-up;
    // only links and other kinds are looked at again. Sorted by name, which within one
    // folder is the order of the paths, and cheaper to compare; names in a folder differ.
    let mut names: Vec<(std::ffi::OsString, bool)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let plain_file = e.file_type().is_ok_and(|t| t.is_file());
            Some((e.file_name(), plain_file))
        })
        .collect();
    names.sort_unstable();
    for (name, plain_file) in names {
        let path = dir.join(&name);
        match entry(&path, plain_file, what) {
            Entry::Read => listing.files.push(path),
            Entry::Hidden => {}
            Entry::Problem(problem) => listing.problems.push(problem),
        }
    }
    listing
}

/// What becomes of one entry of the folder.
enum Entry {
    Read,
    /// Passed over in silence.
    Hidden,
    /// Reported, and not read.
    Problem(Diagnostic),
}

/// `plain_file`: the listing says the entry is a regular file (not a link to one).
fn entry(path: &Path, plain_file: bool, what: &str) -> Entry {
    let exact = path.extension().is_some_and(|x| x == "toml");
    let name = path.file_name().unwrap_or_default();
    if name.as_encoded_bytes().starts_with(b".") {
        return Entry::Hidden;
    }
    if plain_file && exact {
        return Entry::Read;
    }
    let name = name.to_string_lossy();
    let shown = path.display().to_string();
    let looks_like = exact
        || path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
        || name.to_ascii_lowercase().contains(".toml");
    let metadata = fs::metadata(path);
    match metadata {
        Ok(m) if m.is_file() && exact => Entry::Read,
        Err(_) if path.symlink_metadata().is_ok() => {
            Entry::Problem(Diagnostic::for_path(Code::NotRead, &shown).says(
                format!("{shown} is a symbolic link to nothing, so no {what} is read from it"),
                format!("point the link at the {what} file, or remove it"),
            ))
        }
        Err(error) => Entry::Problem(Diagnostic::for_path(Code::Unreadable, &shown).says(
            format!("cannot read {shown}: {error}"),
            "check that the file exists and is readable",
        )),
        Ok(m) if looks_like && !m.is_file() => {
            Entry::Problem(Diagnostic::for_path(Code::NotRead, &shown).says(
                format!("{shown} is not a regular file, so no {what} is read from it"),
                format!("a {what} is one TOML file; put the file itself here"),
            ))
        }
        Ok(_) if looks_like => Entry::Problem(Diagnostic::for_path(Code::NotRead, &shown).says(
            format!("{shown} is not read: only files whose names end in .toml are"),
            format!("rename it to {}.toml if it is a {what}", stem(&name)),
        )),
        Ok(_) => Entry::Problem(Diagnostic::for_path(Code::Unlisted, &shown).warns(
            format!("{shown} is not read: only files whose names end in .toml are"),
            format!("move it out of the folder if it is not a {what}"),
        )),
    }
}

/// The name without its last `.toml`-like ending: `x.TOML` → `x`, `x.toml.txt` → `x`.
fn stem(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    match lower.find(".toml") {
        Some(at) => &name[..at],
        None => name,
    }
}
