//! Finding tender folders: a folder holding `tender.toml` is a tender; any other folder is
//! searched below.

use std::path::{Path, PathBuf};

/// The tender folders under the given paths: a folder holding `tender.toml` is a tender;
/// any other folder is searched (not below a tender). Sorted by path, without repeats.
pub fn find_tenders(paths: &[PathBuf]) -> Result<Vec<PathBuf>, PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if !path.is_dir() {
            return Err(path.clone());
        }
        collect(path, &mut found);
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    if dir.join("tender.toml").is_file() {
        found.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
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
        collect(&sub, found);
    }
}
