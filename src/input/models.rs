//! Where scoring models are found: a folder given on the command line, or the nearest
//! `scoring-models` folder in or above the tender folder; and every model of a folder,
//! validated, for the `models` command.

use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::ScoringModel;

use super::load::{Invalid, ModelSearch, Reader, file_stem};
use super::raw::RawModel;
use super::validate;

/// The folder of named scoring models looked for beside a tender's ancestors.
pub const MODELS_DIR: &str = "scoring-models";

/// The file of the named model, or the folders that were searched.
pub(super) fn find_model(
    tender_dir: &Path,
    models: &ModelSearch,
    name: &str,
) -> Result<PathBuf, Vec<PathBuf>> {
    let candidates: Vec<PathBuf> = match &models.dir {
        Some(dir) => vec![dir.clone()],
        None => model_dirs(tender_dir),
    };
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    for dir in &candidates {
        let path = dir.join(format!("{name}.toml"));
        if valid_name && path.is_file() {
            return Ok(path);
        }
    }
    Err(candidates)
}

/// The nearest `scoring-models` folder in the tender folder or above it. Relative paths
/// stay relative so that messages read as the user typed them.
fn model_dirs(tender_dir: &Path) -> Vec<PathBuf> {
    let nearest = |dir: &Path| {
        dir.ancestors()
            .map(|a| a.join(MODELS_DIR))
            .find(|d| d.is_dir())
    };
    nearest(tender_dir)
        .or_else(|| {
            tender_dir
                .canonicalize()
                .ok()
                .and_then(|absolute| nearest(&absolute))
        })
        .into_iter()
        .collect()
}

/// The names of the models in the given folders, sorted.
pub fn available_models(dirs: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = dirs
        .iter()
        .filter_map(|d| fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| file_stem(&p))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Every scoring model in a folder, validated, sorted by file name.
pub fn load_models(dir: &Path) -> Result<Vec<ScoringModel>, Invalid> {
    let mut reader = Reader::new();
    let mut models = Vec::new();
    for path in reader.list(dir, "scoring model") {
        let Some(file) = reader.read(&path, "model", format!("{}.toml", file_stem(&path))) else {
            continue;
        };
        let Some(raw) = reader.parse::<RawModel>(file) else {
            continue;
        };
        let mut found = Vec::new();
        if let Some(model) = validate::model(&reader.sources, file, &raw, &mut found) {
            models.push(model);
        }
        reader.diagnostics.extend(found);
    }
    if reader.diagnostics.is_empty() {
        Ok(models)
    } else {
        Err(reader.into_invalid())
    }
}

/// The scoring-models folder for commands not tied to a tender: the one given, or the
/// nearest `scoring-models` folder in or above the current folder.
pub fn models_dir(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(dir) => Some(dir.to_path_buf()),
        None => model_dirs(Path::new(".")).into_iter().next(),
    }
}
