//! Finding tender folders: a folder holding `tender.toml` is a tender; any other folder is
//! searched below (hidden folders excepted).
//!
//! Contract: each real folder is visited once, whatever symbolic links lead to it, so a
//! link back up the tree never makes the walk endless and a tender reached by two paths is
//! scored once. Folders that cannot be read are reported, never skipped silently.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// The tender folders, sorted by path, each real folder once.
    pub tenders: Vec<PathBuf>,
    /// Folders that could not be read, with why.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// The tender folders under the given paths; `Err` names a path that is not a folder.
pub fn find_tenders(paths: &[PathBuf]) -> Result<Found, PathBuf> {
    let mut walk = Walk::default();
    for path in paths {
        if !path.is_dir() {
            return Err(path.clone());
        }
        walk.visit(path);
    }
    walk.found.tenders.sort();
    Ok(walk.found)
}

#[derive(Default)]
struct Walk {
    found: Found,
    /// The canonical path of every folder visited.
    visited: BTreeSet<PathBuf>,
}

impl Walk {
    fn visit(&mut self, dir: &Path) {
        let real = match dir.canonicalize() {
            Ok(real) => real,
            Err(error) => return self.unreadable(dir, &error),
        };
        if !self.visited.insert(real) {
            return;
        }
        if dir.join("tender.toml").is_file() {
            self.found.tenders.push(dir.to_path_buf());
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.unreadable(dir, &error),
        };
        let mut subdirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_dir()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        subdirs.sort();
        for sub in subdirs {
            self.visit(&sub);
        }
    }

    fn unreadable(&mut self, dir: &Path, error: &std::io::Error) {
        self.found
            .unreadable
            .push((dir.to_path_buf(), error.to_string()));
    }
}
