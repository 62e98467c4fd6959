//! Loading: reads a tender folder (its `tender.toml`, its scoring model and every
//! `bids/*.toml`), parses and validates them, and hashes each input.
//!
//! Contract: the only module of the pipeline that reads files, and it never writes one.
//! Bid files are read in file-name order so output never depends on the order a file
//! system lists them. Every problem of every file is collected; the result is either a
//! fully valid tender with its bids, or all the diagnostics of the run.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diag::{Code, Diagnostic, FileId, Sources};
use crate::domain::{Bid, BidId, Tender};
use crate::raw::{self, RawBid, RawModel, RawTender};
use crate::validate::{self, ModelSite};

/// The folder of named scoring models looked for beside a tender's ancestors.
pub const MODELS_DIR: &str = "scoring-models";

/// An input file of the evaluation, identified by its content.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InputFile {
    /// `tender`, `model` or `bid`.
    pub role: &'static str,
    /// The path relative to the tender folder (the model: its file name).
    pub file: String,
    pub sha256: String,
}

/// A tender folder that loaded without a single problem.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub tender: Tender,
    /// In bid-file-name order.
    pub bids: Vec<Bid>,
    pub inputs: Vec<InputFile>,
    /// Every file read, with its real path, so the caller can refuse to overwrite one.
    pub paths: Vec<PathBuf>,
}

/// A tender folder with problems: every diagnostic, and the files to show them in.
#[derive(Debug)]
pub struct Invalid {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where to look for scoring models.
#[derive(Clone, Debug, Default)]
pub struct ModelSearch {
    /// A folder given on the command line; when absent, the nearest `scoring-models`
    /// folder in the tender folder or any folder above it.
    pub dir: Option<PathBuf>,
}

struct Reader {
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
    inputs: Vec<InputFile>,
    paths: Vec<PathBuf>,
}

impl Reader {
    fn read(&mut self, path: &Path, role: &'static str, label: String) -> Option<FileId> {
        match fs::read_to_string(path) {
            Ok(text) => {
                self.inputs.push(InputFile {
                    role,
                    file: label,
                    sha256: sha256_hex(text.as_bytes()),
                });
                self.paths.push(path.to_path_buf());
                Some(self.sources.add(path.display().to_string(), text))
            }
            Err(error) => {
                self.diagnostics.push(
                    Diagnostic::for_path(Code::Unreadable, path.display().to_string()).says(
                        format!("cannot read {}: {error}", path.display()),
                        "check that the file exists, is readable and is UTF-8 text",
                    ),
                );
                None
            }
        }
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self, file: FileId) -> Option<T> {
        raw::parse(&self.sources, file)
            .map_err(|d| self.diagnostics.push(d))
            .ok()
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Loads and validates a tender folder.
pub fn load(tender_dir: &Path, models: &ModelSearch) -> Result<Loaded, Invalid> {
    let mut reader = Reader {
        sources: Sources::default(),
        diagnostics: Vec::new(),
        inputs: Vec::new(),
        paths: Vec::new(),
    };
    let tender_file = reader.read(
        &tender_dir.join("tender.toml"),
        "tender",
        "tender.toml".into(),
    );
    let raw_tender: Option<RawTender> = tender_file.and_then(|f| reader.parse(f));

    let mut model_parts: Option<(FileId, RawModel)> = None;
    if let (Some(raw_tender), Some(tender_file)) = (&raw_tender, tender_file) {
        let name = &raw_tender.prices.model;
        match find_model(tender_dir, models, name.get_ref()) {
            Ok(path) => {
                if let Some(file) = reader.read(&path, "model", format!("{}.toml", name.get_ref()))
                {
                    model_parts = reader.parse::<RawModel>(file).map(|m| (file, m));
                }
            }
            Err(looked_in) => {
                let available = available_models(&looked_in);
                reader.diagnostics.push(
                    Diagnostic::at(Code::UnknownModel, tender_file, name.span(), "prices.model")
                        .says(
                            format!("scoring model `{}` does not exist", name.get_ref()),
                            format!(
                                "name a model in {} (available: {}), or pass --models DIR",
                                looked_in
                                    .iter()
                                    .map(|p| p.display().to_string())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                                if available.is_empty() {
                                    "none".to_string()
                                } else {
                                    available.join(", ")
                                }
                            ),
                        ),
                );
            }
        }
    }

    let mut bid_files: Vec<(BidId, FileId)> = Vec::new();
    for path in bid_paths(tender_dir, &mut reader) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(file) = reader.read(&path, "bid", format!("bids/{stem}.toml")) {
            bid_files.push((BidId(stem), file));
        }
    }
    let raw_bids: Vec<(BidId, FileId, Option<RawBid>)> = bid_files
        .into_iter()
        .map(|(id, file)| (id, file, reader.parse(file)))
        .collect();

    let mut diagnostics = std::mem::take(&mut reader.diagnostics);
    let model = model_parts
        .as_ref()
        .and_then(|(file, raw)| validate::model(&reader.sources, *file, raw, &mut diagnostics));
    let tender = match (&raw_tender, tender_file, model, &model_parts) {
        (Some(raw), Some(file), Some(model), Some((model_file, raw_model))) => validate::tender(
            &reader.sources,
            file,
            raw,
            model,
            ModelSite {
                file: *model_file,
                raw: raw_model,
            },
            &mut diagnostics,
        ),
        _ => None,
    };
    let mut bids = Vec::new();
    if let Some(tender) = &tender {
        for (id, file, raw) in &raw_bids {
            if let Some(raw) = raw
                && let Some(bid) = validate::bid(
                    &reader.sources,
                    *file,
                    id.clone(),
                    raw,
                    tender,
                    &mut diagnostics,
                )
            {
                bids.push(bid);
            }
        }
    }
    match tender {
        Some(tender) if diagnostics.is_empty() => Ok(Loaded {
            tender,
            bids,
            inputs: reader.inputs,
            paths: reader.paths,
        }),
        _ => Err(Invalid {
            sources: reader.sources,
            diagnostics,
        }),
    }
}

/// The `*.toml` files in `bids/`, sorted by file name; no folder means no bids.
fn bid_paths(tender_dir: &Path, reader: &mut Reader) -> Vec<PathBuf> {
    let dir = tender_dir.join("bids");
    if !dir.exists() {
        return Vec::new();
    }
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) => {
            reader.diagnostics.push(
                Diagnostic::for_path(Code::Unreadable, dir.display().to_string()).says(
                    format!("cannot list {}: {error}", dir.display()),
                    "check that the bids folder is readable",
                ),
            );
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

/// The file of the named model, or the folders that were searched.
fn find_model(
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

/// The `scoring-models` folders in the tender folder and above it, nearest first. Relative
/// paths stay relative so that messages read as the user typed them.
fn model_dirs(tender_dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = tender_dir
        .ancestors()
        .map(|a| a.join(MODELS_DIR))
        .filter(|d| d.is_dir())
        .collect();
    if dirs.is_empty()
        && let Ok(absolute) = tender_dir.canonicalize()
    {
        dirs = absolute
            .ancestors()
            .map(|a| a.join(MODELS_DIR))
            .filter(|d| d.is_dir())
            .collect();
    }
    dirs.truncate(1);
    dirs
}

/// The names of the models in the given folders, sorted.
pub fn available_models(dirs: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = dirs
        .iter()
        .filter_map(|d| fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names.dedup();
    names
}
