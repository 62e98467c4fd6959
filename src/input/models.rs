//! Where scoring models are found: a folder given on the command line, or the nearest
//! `scoring-models` folder in or above the tender folder; and every model of a folder,
//! validated, for the `models` command.

use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::ScoringModel;

use super::library;
use super::load::{Invalid, ModelSearch, Reader, file_stem};
use super::raw::RawModel;
use super::validate;

/// The folder of named scoring models looked for beside a tender's ancestors.
pub const MODELS_DIR: &str = "scoring-models";

/// Where a named model was found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ModelFile {
    /// A file in a models folder.
    Path(PathBuf),
    /// The built-in library: the model's name and text.
    BuiltIn(&'static str, &'static str),
}

impl ModelFile {
    /// Where the model came from, as a report names it.
    pub fn label(&self) -> String {
        match self {
            ModelFile::Path(path) => path.display().to_string(),
            ModelFile::BuiltIn(name, _) => format!("{name} (built-in library)"),
        }
    }
}

/// The named model, looked up in order: the folder given (`--models` or
/// `TENDERSCORE_MODELS`), the nearest `scoring-models` folder in or above the tender
/// folder, then the built-in library. `Err` gives the folders searched.
pub(super) fn find_model(
    tender_dir: &Path,
    models: &ModelSearch,
    name: &str,
) -> Result<ModelFile, Vec<PathBuf>> {
    let mut candidates: Vec<PathBuf> = models.dir.iter().cloned().collect();
    candidates.extend(model_dirs(tender_dir));
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    for dir in &candidates {
        let path = dir.join(format!("{name}.toml"));
        if valid_name && path.is_file() {
            return Ok(ModelFile::Path(path));
        }
    }
    if let Some((known, text)) = library::BUILT_IN.iter().find(|(known, _)| *known == name) {
        return Ok(ModelFile::BuiltIn(known, text));
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

/// The names of the models in the given folders and the built-in library, sorted.
pub fn available_models(dirs: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = dirs
        .iter()
        .filter_map(|d| fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| file_stem(&p))
        .chain(library::BUILT_IN.iter().map(|(name, _)| name.to_string()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Every scoring model of a folder (if any) and of the built-in library, validated, sorted
/// by name; a model in the folder takes the place of a built-in one of the same name.
pub fn load_models(dir: Option<&Path>) -> Result<Vec<ScoringModel>, Invalid> {
    let mut reader = Reader::new();
    let mut files = Vec::new();
    if let Some(dir) = dir {
        for path in reader.list(dir, "scoring model") {
            if let Some(file) = reader.read(&path, "model", format!("{}.toml", file_stem(&path))) {
                files.push((file_stem(&path), file));
            }
        }
    }
    for (name, text) in library::BUILT_IN {
        if !files.iter().any(|(known, _)| known == name) {
            files.push((name.to_string(), reader.add_built_in(name, text)));
        }
    }
    files.sort();
    let mut models = Vec::new();
    for (_, file) in files {
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
/// nearest `scoring-models` folder in or above the current folder; none is fine, the
/// built-in library is always there.
pub fn models_dir(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(dir) => Some(dir.to_path_buf()),
        None => model_dirs(Path::new(".")).into_iter().next(),
    }
}
