//! Loading: reads a tender folder (its `tender.toml`, its scoring model, every
//! `bids/*.toml` and every `rettelsesblade/*.toml`), builds every version of the tender,
//! validates each, and hashes each input.
//!
//! Contract: the only module of the pipeline that reads files, and it never writes one.
//! Files are read in file-name order, and rettelsesblade apply in the order of their
//! numbers, so output never depends on the order a file system lists them. Version 0 is
//! the tender as published; version N is the tender and its model after rettelsesblade
//! 1..N, each change set in the TOML document and the result validated exactly like the
//! original. Every problem of every file and version is collected; the result is either
//! every version valid, or all the diagnostics of the run.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::domain::{Bid, BidId, Rettelsesblad, ReviewDecision, Tender};
use crate::input::diag::{Code, Diagnostic, FileId, Location, Sources};
use crate::input::diag::{nearest, shorten};
use crate::input::listing;
use crate::input::models::{ModelFile, available_models, find_model};
use crate::input::patch;
use crate::input::raw::{self, RawBid, RawDecisions, RawModel, RawRettelsesblad, RawTender};
use crate::input::validate::{self, ModelSite};

/// The folder of a tender's rettelsesblade.
pub const RETTELSESBLADE_DIR: &str = "rettelsesblade";

/// The folder of the bids of the negotiation rounds: `rounds/2/`, `rounds/3/`, ...; the
/// initial bids are in `bids/`.
pub const ROUNDS_DIR: &str = "rounds";

/// What of a tender folder to load.
#[derive(Clone, Copy, Debug, Default)]
pub struct View<'a> {
    /// In a tender split into lots: the lot (its criteria, its bids, its award).
    pub lot: Option<&'a str>,
    /// The negotiation round whose bids are scored: each bidder's bid of that round, or its
    /// latest before it. `None`: the latest round that has a folder of bids.
    pub round: Option<u32>,
}

/// A bid file read and parsed: the bid id (its file name), the round it belongs to.
struct BidFile {
    id: BidId,
    file: FileId,
    round: u32,
    /// Boxed, so a tender's list of bid files stays small (a raw bid is over 400 bytes):
    /// each is let go on its own once the last version has validated it.
    raw: Option<Box<RawBid>>,
    /// The bids of earlier rounds this one replaced, oldest first.
    earlier: Vec<crate::domain::EarlierBid>,
}

/// What validating one bid found: its problems, and the points it lacks.
struct BidFindings {
    problems: Vec<Diagnostic>,
    missing: Vec<Diagnostic>,
}

/// An input file of the evaluation, identified by its content.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InputFile {
    /// `tender`, `model`, `bid` or `rettelsesblad`.
    pub role: &'static str,
    /// The path relative to the tender folder (a model: its file name).
    pub file: String,
    pub sha256: String,
}

/// Quality points a bid lacks. Whether that is a problem depends on whether the bid's
/// quality is read, which only the scoring rules can tell (a bid set aside unread needs no
/// points); `evaluate::load` asks them and reports each one that is.
#[derive(Clone, Debug)]
pub struct MissingPoints {
    /// The version of the tender the bid was checked against.
    pub tender: Tender,
    /// The bid as far as it is valid.
    pub bid: Bid,
    /// One diagnostic per quality criterion without points.
    pub diagnostics: Vec<Diagnostic>,
}

/// One version of a tender with its bids, validated.
#[derive(Clone, Debug)]
pub struct Version {
    /// 0 for the tender as published, N after rettelsesblad N.
    pub number: u32,
    /// The rettelsesblade applied, in number order; empty for version 0.
    pub applied: Vec<Rettelsesblad>,
    pub tender: Tender,
    /// In bid-file-name order.
    pub bids: Vec<Bid>,
}

/// A tender folder that loaded without a single problem, in every version.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// Version 0 first; never empty.
    pub versions: Vec<Version>,
    pub inputs: Vec<InputFile>,
    /// Every file read and every amended document, to show a later problem in.
    pub sources: Sources,
    /// Quality points missing from bids, in any version, to be judged by the scoring rules.
    pub missing_points: Vec<MissingPoints>,
    /// What is shown but does not stop the run (an entry of `bids/` that is not read).
    pub warnings: Vec<Diagnostic>,
    /// Every file read, with its real path, so the caller can refuse to overwrite one.
    pub paths: Vec<PathBuf>,
    /// The device and inode of every file read, taken while it was open (on Unix; empty
    /// elsewhere), so an output can be checked against them without opening any again.
    pub identities: Vec<FileIdentity>,
}

/// A file's device and inode number: the same for every path or hard link to it.
pub type FileIdentity = (u64, u64);

impl Loaded {
    /// The version after every rettelsesblade: the tender in force.
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a loaded tender has version 0")
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.versions.iter().find(|v| v.number == number)
    }
}

/// A tender folder with problems: every diagnostic (warnings too), and the files to show
/// them in.
#[derive(Debug)]
pub struct Invalid {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// Quality points missing from bids, to be judged by the scoring rules and listed with
    /// the other problems.
    pub missing_points: Vec<MissingPoints>,
}

impl Invalid {
    /// Adds the problems of another load of the same folder (another lot, another round),
    /// each file and each problem once: a problem of the tender shows once, not once per
    /// lot. Files are matched by path and text, problems by place, code and message.
    pub fn absorb(&mut self, other: Invalid) {
        let mut known: std::collections::HashMap<(String, String), FileId> = self
            .sources
            .iter()
            .enumerate()
            .map(|(id, f)| ((f.path.clone(), f.text.clone()), id))
            .collect();
        let mut ids = Vec::new();
        for f in other.sources.iter() {
            let key = (f.path.clone(), f.text.clone());
            let id = *known
                .entry(key)
                .or_insert_with(|| self.sources.add(f.path.clone(), f.text.clone()));
            ids.push(id);
        }
        let mut seen: BTreeSet<(String, &'static str, String)> = self
            .diagnostics
            .iter()
            .map(|d| place_key(&self.sources, d))
            .collect();
        for mut diagnostic in other.diagnostics {
            if let Location::Span { file, .. } = &mut diagnostic.location {
                *file = ids[*file];
            }
            if seen.insert(place_key(&self.sources, &diagnostic)) {
                self.diagnostics.push(diagnostic);
            }
        }
        self.missing_points.extend(other.missing_points);
    }
}

/// A diagnostic's place (file path and span, or path), code and message, for telling
/// the same problem found in two loads.
fn place_key(sources: &Sources, d: &Diagnostic) -> (String, &'static str, String) {
    let place = match &d.location {
        Location::Span { file, span } => {
            format!("{}:{}-{}", sources.get(*file).path, span.start, span.end)
        }
        Location::Path(path) => path.clone(),
    };
    (
        place,
        d.code.as_str(),
        format!("{}\n{}", d.message, d.field),
    )
}

/// Where to look for scoring models.
#[derive(Clone, Debug, Default)]
pub struct ModelSearch {
    /// A folder given on the command line; when absent, the nearest `scoring-models`
    /// folder in the tender folder or any folder above it.
    pub dir: Option<PathBuf>,
}

/// Reads files into one set of sources, collecting every problem and every input read.
pub(super) struct Reader {
    pub(super) sources: Sources,
    pub(super) diagnostics: Vec<Diagnostic>,
    inputs: Vec<InputFile>,
    paths: Vec<PathBuf>,
    identities: Vec<FileIdentity>,
    missing_points: Vec<MissingPoints>,
    /// What is shown but does not stop the run.
    warnings: Vec<Diagnostic>,
    /// For each amended document, the lines a rettelsesblad change set, with the change's
    /// place (`rettelsesblade/01-x.toml:8`).
    origins: BTreeMap<FileId, Origins>,
}

/// The lines of an amended document set by changes: line → where the change stands.
type Origins = BTreeMap<usize, String>;

impl Reader {
    pub(super) fn new() -> Reader {
        Reader {
            sources: Sources::default(),
            diagnostics: Vec::new(),
            inputs: Vec::new(),
            paths: Vec::new(),
            identities: Vec::new(),
            missing_points: Vec::new(),
            warnings: Vec::new(),
            origins: BTreeMap::new(),
        }
    }

    /// A built-in model's text, as a source of its own.
    pub(super) fn add_built_in(&mut self, name: &str, text: &str) -> FileId {
        self.inputs.push(InputFile {
            role: "model",
            file: format!("{name}.toml (built-in library)"),
            sha256: sha256_hex(text.as_bytes()),
        });
        self.sources
            .add(format!("{name} (built-in library)"), text.to_string())
    }

    /// Every problem found, with the files to show them in.
    pub(super) fn into_invalid(self) -> Invalid {
        let mut diagnostics = self.diagnostics;
        super::diag::dedup(&mut diagnostics);
        diagnostics.extend(self.warnings);
        Invalid {
            sources: self.sources,
            diagnostics,
            missing_points: self.missing_points,
        }
    }

    pub(super) fn read(
        &mut self,
        path: &Path,
        role: &'static str,
        label: String,
    ) -> Option<FileId> {
        let read = read_hashed(path);
        self.accept(path, role, label, read)
    }

    /// Registers a file read by [`read_hashed`] as an input and a source, or reports why
    /// it could not be read.
    fn accept(
        &mut self,
        path: &Path,
        role: &'static str,
        label: String,
        read: Result<Read, (String, &'static str)>,
    ) -> Option<FileId> {
        match read {
            Ok(Read {
                text,
                sha256,
                identity,
            }) => {
                self.identities.extend(identity);
                self.inputs.push(InputFile {
                    role,
                    file: label,
                    sha256,
                });
                self.paths.push(path.to_path_buf());
                Some(self.sources.add(path.display().to_string(), text))
            }
            Err((message, help)) => {
                self.diagnostics.push(
                    Diagnostic::for_path(Code::Unreadable, path.display().to_string())
                        .says(format!("cannot read {}: {message}", path.display()), help),
                );
                None
            }
        }
    }

    pub(super) fn parse<T: serde::de::DeserializeOwned>(&mut self, file: FileId) -> Option<T> {
        let (value, problems) = raw::parse(&self.sources, file);
        self.diagnostics.extend(problems);
        value
    }

    /// The `*.toml` files of a sub-folder, sorted by file name; no folder means none.
    /// Every other entry is reported (see [`listing`]).
    pub(super) fn list(&mut self, dir: &Path, what: &str) -> Vec<PathBuf> {
        let found = listing::list(dir, what);
        for problem in found.problems {
            if problem.is_error() {
                self.diagnostics.push(problem);
            } else {
                self.warnings.push(problem);
            }
        }
        found.files
    }
}

/// The largest input file read: 256 MB, far above any real tender document or bid (a bid
/// quoting 20 MB is read in 80 MB of memory), and far below what would exhaust memory.
const MAX_INPUT_BYTES: u64 = 256 << 20;

/// A file read: its text, the SHA-256 of its bytes, and its identity where the system
/// gives one.
struct Read {
    text: String,
    sha256: String,
    identity: Option<FileIdentity>,
}

/// A file's text, checksum and identity, or what is wrong and how to fix it.
fn read_hashed(path: &Path) -> Result<Read, (String, &'static str)> {
    read_identified(path).map(|(text, identity)| Read {
        sha256: sha256_hex(text.as_bytes()),
        text,
        identity,
    })
}

/// A file's text, or what is wrong and how to fix it: a file that is not UTF-8 names the
/// byte offset and line of the first byte that is not, a permission problem says so.
pub fn read_text(path: &Path) -> Result<String, (String, &'static str)> {
    read_identified(path).map(|(text, _)| text)
}

/// [`read_text`], with the file's identity taken from the open file: the look-up that
/// sizes the buffer gives it, so it costs nothing more.
fn read_identified(path: &Path) -> Result<(String, Option<FileIdentity>), (String, &'static str)> {
    let read = || -> std::io::Result<(Vec<u8>, Option<FileIdentity>)> {
        use std::io::Read as _;
        let file = fs::File::open(path)?;
        let metadata = file.metadata()?;
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            Some((metadata.dev(), metadata.ino()))
        };
        #[cfg(not(unix))]
        let identity = None;
        // Room for the whole file where memory allows; never more than the limit is read,
        // whatever size the system reports (a sparse file of a terabyte reads as zeros).
        let mut bytes = Vec::new();
        let expected = metadata.len().min(MAX_INPUT_BYTES + 1);
        let expected = usize::try_from(expected).unwrap_or(0);
        let mut file = file.take(MAX_INPUT_BYTES + 1);
        // One read asking for a byte more than the file's size: when it gives exactly the
        // size, that is the whole file, and the read that would only find its end is
        // saved (a tender of 100 000 bids reads 100 000 files). A file that changed size
        // meanwhile, or that does not say its size, is read on to its end.
        if bytes.try_reserve_exact(expected + 1).is_ok() {
            bytes.resize(expected + 1, 0);
            let got = loop {
                match file.read(&mut bytes) {
                    Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                    got => break got?,
                }
            };
            bytes.truncate(got);
            if got == expected && metadata.is_file() {
                return Ok((bytes, identity));
            }
        }
        file.read_to_end(&mut bytes)?;
        Ok((bytes, identity))
    };
    let (bytes, identity) = read().map_err(|error| match error.kind() {
        std::io::ErrorKind::PermissionDenied => (
            "permission denied".to_string(),
            "make the file readable for the user who runs tenderscore",
        ),
        std::io::ErrorKind::NotFound => (
            "no such file".to_string(),
            "check the path: the file must exist",
        ),
        _ => (
            error.to_string(),
            "check that the file exists and is readable",
        ),
    })?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err((
            format!("it is larger than {} MB", MAX_INPUT_BYTES >> 20),
            "an input file holds a tender, a bid, a model or a rettelsesblad as text: check that \
             this is the right file (a bid's longest quotation is a few megabytes)",
        ));
    }
    String::from_utf8(bytes).map(|text| (text, identity)).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        (
            format!(
                "it is not UTF-8 text: the byte at offset {at} (line {line}) is not valid UTF-8"
            ),
            "save the file as UTF-8 (Danish letters such as æ, ø and å are then read as written)",
        )
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

pub(super) fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The documents one version is validated from.
struct Documents {
    tender: FileId,
    raw_tender: RawTender,
    /// The tender document as the rettelsesblade so far left it, whose text is `tender`'s:
    /// the next rettelsesblad's changes are set in it without parsing that text again.
    /// `None` as published (parsed when the first changes come) and in a lot's view.
    patched: Option<patch::Patcher>,
}

/// Loads and validates a tender folder in every version.
pub fn load(tender_dir: &Path, models: &ModelSearch) -> Result<Loaded, Invalid> {
    load_view(tender_dir, models, View::default())
}

/// Loads and validates a view of a tender folder in every version: in a tender with lots
/// one lot (the criteria of that lot, the bids that cover it and its award; a tender with
/// lots needs one named, a tender without takes none), and the bids of one negotiation
/// round.
pub fn load_view(
    tender_dir: &Path,
    models: &ModelSearch,
    view: View<'_>,
) -> Result<Loaded, Invalid> {
    let lot = view.lot;
    let mut reader = Reader::new();
    let tender_file = reader.read(
        &tender_dir.join("tender.toml"),
        "tender",
        "tender.toml".into(),
    );
    let raw_tender: Option<RawTender> = tender_file.and_then(|f| reader.parse(f));

    let (mut raw_bids, round, folders) = read_rounds(&mut reader, tender_dir, view.round);
    let rettelsesblade = read_rettelsesblade(&mut reader, tender_dir);
    let decisions = read_decisions(&mut reader, tender_dir, &raw_bids);

    let mut models_read: BTreeMap<ModelFile, FileId> = BTreeMap::new();
    let mut versions = Vec::new();
    // Where rettelsesblade follow, the published tender is parsed as a document to patch
    // once: for the ids of every version, and for the first rettelsesblad's changes.
    let published = match (tender_file, &rettelsesblade) {
        (Some(file), Some(_)) => patch::Patcher::new(&reader.sources.get(file).text).ok(),
        _ => None,
    };
    let elsewhere = match (&published, &rettelsesblade) {
        (Some(published), Some(all)) => ids_in_any_version(published.clone(), all),
        _ => BTreeSet::new(),
    };
    let raw_tender = match (tender_file, raw_tender) {
        (Some(file), Some(raw)) if lot_fits(&mut reader, file, &raw, lot) => Some(raw),
        _ => None,
    };
    if let (Some(tender), Some(raw_tender)) = (tender_file, raw_tender) {
        let mut documents = Documents {
            tender,
            raw_tender,
            patched: published,
        };
        let mut model_changes = Vec::new();
        let mut applied: Vec<Rettelsesblad> = Vec::new();
        let mut pending = rettelsesblade.unwrap_or_default().into_iter();
        // The entries of the version before in `reader.missing_points`.
        let mut missing = 0..0;
        // Version 0, then one more version per rettelsesblad; stop at the first version
        // with a problem, since every later one builds on it.
        loop {
            let number = applied.last().map_or(0, |r| r.number);
            let context = VersionContext {
                number,
                lot,
                round,
                elsewhere: &elsewhere,
                applied: &applied,
                decisions: &decisions,
                model_changes: &model_changes,
                last: pending.len() == 0,
                previous: versions.last().map(|version| Previous {
                    version,
                    missing: missing.clone(),
                }),
            };
            let missing_before = reader.missing_points.len();
            let Some(version) = build_version(
                &mut reader,
                tender_dir,
                models,
                &mut models_read,
                &documents,
                &mut raw_bids,
                context,
            ) else {
                break;
            };
            missing = missing_before..reader.missing_points.len();
            versions.push(version);
            let Some(rettelsesblad) = pending.next() else {
                break;
            };
            let Some(next) = apply_rettelsesblad(
                &mut reader,
                &mut documents,
                &rettelsesblad,
                &mut model_changes,
                tender_dir,
            ) else {
                break;
            };
            documents = next;
            applied.push(rettelsesblad);
        }
    }

    // The published tender (or its model) has problems: still check what each bid says on
    // its own, so those problems are listed in the same run.
    if versions.is_empty() {
        let mut found = Vec::new();
        for BidFile { id, file, raw, .. } in &raw_bids {
            if let Some(raw) = raw {
                // Without a tender no bid is built, so no points can be found missing.
                let _ = validate::bid(
                    &reader.sources,
                    *file,
                    id.clone(),
                    raw,
                    None,
                    &BTreeSet::new(),
                    &mut found,
                );
            }
        }
        for diagnostic in found {
            reader.diagnostics.push(diagnostic);
        }
    }
    if let Some(latest) = versions.last() {
        rounds_declared(&mut reader, tender_dir, &latest.tender, round, &folders);
    }
    if reader.diagnostics.is_empty() && !versions.is_empty() {
        Ok(Loaded {
            versions,
            inputs: reader.inputs,
            paths: reader.paths,
            identities: reader.identities,
            sources: reader.sources,
            missing_points: reader.missing_points,
            warnings: reader.warnings,
        })
    } else {
        Err(reader.into_invalid())
    }
}

/// Reads and parses every bid file. Each file is read, hashed and parsed on its own, so
/// that work is spread over every core; the results are collected in file-name order, so
/// sources, inputs and problems stand in the same order however the work was divided.
fn read_bids(reader: &mut Reader, paths: Vec<PathBuf>, round: u32) -> Vec<BidFile> {
    let read: Vec<_> = paths
        .into_par_iter()
        .map(|path| {
            let read = read_hashed(&path);
            (path, read)
        })
        .collect();
    let mut files = Vec::with_capacity(read.len());
    for (path, read) in read {
        let stem = file_stem(&path);
        let label = bid_label(&stem, round);
        if let Some(file) = reader.accept(&path, "bid", label, read) {
            files.push((BidId(stem), file));
        }
    }
    let sources = &reader.sources;
    // Each bid file made where it is parsed: one list of them, its problems beside it
    // (nearly always none, so no memory).
    let mut bids = Vec::new();
    let mut problems = Vec::new();
    files
        .into_par_iter()
        .map(|(id, file)| {
            let (raw, problems) = raw::parse::<RawBid>(sources, file);
            let bid = BidFile {
                id,
                file,
                round,
                raw: raw.map(Box::new),
                earlier: Vec::new(),
            };
            (bid, problems)
        })
        .unzip_into_vecs(&mut bids, &mut problems);
    reader.diagnostics.extend(problems.into_iter().flatten());
    bids
}

/// A bid file's name in the tender folder: `bids/x.toml` for an initial bid,
/// `rounds/2/x.toml` for a bid of round 2.
fn bid_label(stem: &str, round: u32) -> String {
    if round <= 1 {
        format!("bids/{stem}.toml")
    } else {
        format!("{ROUNDS_DIR}/{round}/{stem}.toml")
    }
}

/// The folders of `rounds/` by round number; any other entry is reported.
fn round_folders(reader: &mut Reader, tender_dir: &Path) -> BTreeMap<u32, PathBuf> {
    let dir = tender_dir.join(ROUNDS_DIR);
    let mut found = BTreeMap::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        // An entry that is there but cannot be listed (a file, a dangling or looping
        // symbolic link) is reported; only a folder that is not there at all holds none.
        if fs::symlink_metadata(&dir).is_ok() {
            reader.diagnostics.push(
                Diagnostic::for_path(Code::Unreadable, dir.display().to_string()).says(
                    format!("cannot list {}", dir.display()),
                    "check that the folder is readable",
                ),
            );
        }
        return found;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        match name.parse::<u32>() {
            Ok(number) if number >= 2 && path.is_dir() && name == number.to_string() => {
                found.insert(number, path);
            }
            _ => reader.diagnostics.push(
                Diagnostic::for_path(Code::BadRound, path.display().to_string()).says(
                    format!(
                        "{} is not the folder of a negotiation round, and is not read",
                        path.display()
                    ),
                    "put the bids of round 2 in rounds/2/, of round 3 in rounds/3/, ... (the initial bids are in bids/)",
                ),
            ),
        }
    }
    found
}

/// Reads the initial bids (`bids/`) and the bids of every negotiation round up to the one
/// asked for (`rounds/N/`); each bidder's latest bid stands, in the file-name order of the
/// initial bids. A bid of a later round from a bidder without an initial bid is reported:
/// only the bidders of round 1 take part in the negotiation. Returns the bids, the round
/// scored and the numbers of the round folders found.
fn read_rounds(
    reader: &mut Reader,
    tender_dir: &Path,
    asked: Option<u32>,
) -> (Vec<BidFile>, u32, Vec<u32>) {
    let folders = round_folders(reader, tender_dir);
    let round = asked.unwrap_or_else(|| folders.keys().last().copied().unwrap_or(1));
    // A round is held when its folder exists (empty: no bidder revised its bid).
    if round > 1 && !folders.contains_key(&round) {
        reader.diagnostics.push(
            Diagnostic::for_path(
                Code::BadRound,
                tender_dir.join(ROUNDS_DIR).join(round.to_string()).display().to_string(),
            )
            .says(
                format!("round {round} is asked for, and it has no folder of bids (rounds/{round}/)"),
                "score a round that has been held; an empty rounds/N/ folder records a round in which no bidder handed in a revised bid",
            ),
        );
    }
    let paths = reader.list(&tender_dir.join("bids"), "bid");
    let mut bids = read_bids(reader, paths, 1);
    let position: std::collections::HashMap<BidId, usize> = bids
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.clone(), i))
        .collect();
    for (&number, dir) in folders.range(2..=round.max(2)) {
        if number > round {
            break;
        }
        let paths = reader.list(dir, "bid");
        for mut revised in read_bids(reader, paths, number) {
            match position.get(&revised.id) {
                Some(&i) => {
                    if let (Some(new), Some(old)) = (&revised.raw, &bids[i].raw) {
                        same_bidder(reader, &revised, new, old);
                    }
                    let old = &mut bids[i];
                    let mut earlier = std::mem::take(&mut old.earlier);
                    if let Some(raw) = &old.raw
                        && let Ok(at) = raw.submitted.get_ref().to_string().parse()
                    {
                        earlier.push(crate::domain::EarlierBid {
                            round: old.round,
                            file: bid_label(&old.id.0, old.round),
                            submitted: raw.submitted.get_ref().to_string(),
                            submitted_at: at,
                        });
                    }
                    revised.earlier = earlier;
                    bids[i] = revised;
                }
                None => {
                    let label = bid_label(&revised.id.0, number);
                    let path = reader.sources.get(revised.file).path.clone();
                    reader.diagnostics.push(
                        Diagnostic::for_path(Code::BadRound, path).says(
                            format!(
                                "{label} is a bid of round {number} from a bidder without an initial bid (no bids/{}.toml)",
                                revised.id.0
                            ),
                            "only the bidders of round 1 take part in the negotiation: give the revised bid the file name of the bidder's initial bid",
                        ),
                    );
                }
            }
        }
    }
    (bids, round, folders.into_keys().collect())
}

/// A revised bid is the same bidder's bid for the same lots: the CVR number, and in a
/// tender with lots the lots covered, are those of its earlier bid (a bid does not change
/// hands between rounds, and lots are not negotiated). Reported where they differ.
fn same_bidder(reader: &mut Reader, revised: &BidFile, new: &RawBid, old: &RawBid) {
    let label = bid_label(&revised.id.0, revised.round);
    let path = reader.sources.get(revised.file).path.clone();
    if new.cvr.get_ref().trim() != old.cvr.get_ref().trim() {
        reader.diagnostics.push(
            Diagnostic::at(Code::BadRound, revised.file, new.cvr.span(), "cvr").says(
                format!(
                    "{label} names CVR {} and the bidder's earlier bid CVR {}: a bid does not change hands between rounds",
                    shorten(new.cvr.get_ref()),
                    shorten(old.cvr.get_ref())
                ),
                "a revised bid is the same bidder's: correct the CVR number, or file the bid under its own bidder's file name",
            ),
        );
    }
    let lots = |raw: &RawBid| -> BTreeSet<String> {
        raw.lots
            .as_ref()
            .map(|l| l.get_ref().iter().map(|x| x.get_ref().clone()).collect())
            .unwrap_or_default()
    };
    if lots(new) != lots(old) {
        let span = new.lots.as_ref().map(toml::Spanned::span);
        let draft = match span {
            Some(span) => Diagnostic::at(Code::BadRound, revised.file, span, "lots"),
            None => Diagnostic::for_path(Code::BadRound, path),
        };
        reader.diagnostics.push(draft.says(
            format!(
                "{label} covers the lots {} and the bidder's earlier bid the lots {}: lots are not negotiated",
                quoted_list(&lots(new)),
                quoted_list(&lots(old))
            ),
            "a revised bid covers the same lots as the bidder's initial bid: list those lots (in any order of priority)",
        ));
    }
}

fn quoted_list(items: &BTreeSet<String>) -> String {
    if items.is_empty() {
        return "(none)".into();
    }
    items
        .iter()
        .map(|i| format!("`{}`", shorten(i)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reports a round asked for, or a folder of bids, beyond the rounds the tender in force
/// declares.
fn rounds_declared(
    reader: &mut Reader,
    tender_dir: &Path,
    tender: &Tender,
    round: u32,
    folders: &[u32],
) {
    let last = tender.final_round();
    let beyond = |n: u32| {
        format!(
            "the tender declares {last} round{} (the initial bids{})",
            if last == 1 { "" } else { "s" },
            if last == 1 {
                String::new()
            } else {
                format!(
                    " and {} [[rounds]] table{}",
                    last - 1,
                    if last == 2 { "" } else { "s" }
                )
            }
        ) + &format!(", and round {n} is ")
    };
    if round > last && !folders.contains(&round) {
        reader.diagnostics.push(
            Diagnostic::for_path(Code::BadRound, tender_dir.join("tender.toml").display().to_string())
                .says(
                    beyond(round) + "asked for",
                    "score one of the declared rounds (--round 1 for the initial bids), or declare the round in tender.toml as a [[rounds]] table with its name and deadline",
                ),
        );
    }
    let dir = tender_dir.join(ROUNDS_DIR);
    for &number in folders.iter().filter(|&&n| n > last) {
        reader.diagnostics.push(
            Diagnostic::for_path(Code::BadRound, dir.join(number.to_string()).display().to_string())
                .says(
                    beyond(number) + "in rounds/",
                    "declare the round in tender.toml as a [[rounds]] table with its name and deadline, or move the folder out of rounds/",
                ),
        );
    }
}

/// Reads and validates `decisions.toml`, where the tender folder has one.
fn read_decisions(
    reader: &mut Reader,
    tender_dir: &Path,
    raw_bids: &[BidFile],
) -> Vec<ReviewDecision> {
    let path = tender_dir.join("decisions.toml");
    if !path.exists() {
        return Vec::new();
    }
    let Some(file) = reader.read(&path, "decisions", "decisions.toml".into()) else {
        return Vec::new();
    };
    let Some(raw) = reader.parse::<RawDecisions>(file) else {
        return Vec::new();
    };
    let ids: Vec<BidId> = raw_bids.iter().map(|b| b.id.clone()).collect();
    validate::decisions(&reader.sources, file, &raw, &ids, &mut reader.diagnostics)
        .unwrap_or_default()
}

/// Reads, validates and orders the rettelsesblade; `None` when any has a problem.
fn read_rettelsesblade(reader: &mut Reader, tender_dir: &Path) -> Option<Vec<Rettelsesblad>> {
    let mut all = Vec::new();
    let mut clean = true;
    for path in reader.list(&tender_dir.join(RETTELSESBLADE_DIR), "rettelsesblad") {
        let label = format!("{RETTELSESBLADE_DIR}/{}.toml", file_stem(&path));
        let Some(file) = reader.read(&path, "rettelsesblad", label.clone()) else {
            clean = false;
            continue;
        };
        let rettelsesblad = reader.parse::<RawRettelsesblad>(file).and_then(|raw| {
            validate::rettelsesblad(&reader.sources, file, label, &raw, &mut reader.diagnostics)
                .map(|r| (r, file, raw.number.span()))
        });
        match rettelsesblad {
            Some(found) => all.push(found),
            None => clean = false,
        }
    }
    // Number order, whatever the file names: 1, 2, 3, ... with no gap and no repeat.
    all.sort_by_key(|(r, _, _)| r.number);
    for (position, (r, file, span)) in all.iter().enumerate() {
        let expected = u32::try_from(position + 1).unwrap_or(u32::MAX);
        if r.number != expected {
            clean = false;
            reader.diagnostics.push(Diagnostic::at(Code::Numbering, *file, span.clone(), "number").says(
                format!("rettelsesblad number {} where number {expected} was expected (numbers found: {})",
                    r.number, all.iter().map(|(r, _, _)| r.number.to_string()).collect::<Vec<_>>().join(", ")),
                "number the rettelsesblade 1, 2, 3, ... in the order they were issued; each number once",
            ));
        }
    }
    clean.then(|| all.into_iter().map(|(r, _, _)| r).collect())
}

/// The tender document after one more rettelsesblad, registered as a source of its own;
/// changes to the model are collected for [`build_version`]. `None` when a change cannot
/// be applied (reported).
fn apply_rettelsesblad(
    reader: &mut Reader,
    previous: &mut Documents,
    rettelsesblad: &Rettelsesblad,
    model_changes: &mut Vec<crate::domain::Change>,
    tender_dir: &Path,
) -> Option<Documents> {
    // A model defined in the tender is changed in the tender document itself.
    let inline = previous.raw_tender.model.is_some();
    let (for_model, for_tender): (Vec<_>, Vec<_>) = rettelsesblad
        .changes
        .iter()
        .partition(|c| !inline && c.model_path().is_some());
    model_changes.extend(for_model.into_iter().cloned());
    // The lines set by earlier rettelsesblade keep their names (moved with lines added or
    // removed); a line set again is named by its latest change.
    let earlier = reader
        .origins
        .get(&previous.tender)
        .cloned()
        .unwrap_or_default();
    let (text, origins, patched) = patch_document(
        reader,
        (previous.tender, previous.patched.take()),
        &for_tender,
        "tender.toml",
        |c| c.path.as_str(),
        earlier,
    )?;
    let label = format!(
        "{} as amended by rettelsesblade 1–{} (version {})",
        tender_dir.join("tender.toml").display(),
        rettelsesblad.number,
        rettelsesblad.number
    );
    let tender = reader.sources.add(label, text);
    reader.origins.insert(tender, origins);
    let raw_tender = reader.parse(tender)?;
    // A table added has no place of its own in the document until its text is parsed
    // again: a later addition could land elsewhere than it would in that text. After an
    // addition, the next rettelsesblad's changes are set in this version's text, parsed.
    let added = for_tender
        .iter()
        .any(|c| c.kind == crate::domain::ChangeKind::Add);
    Some(Documents {
        tender,
        raw_tender,
        patched: patched.filter(|_| !added),
    })
}

/// The lot ids of a tender folder's `tender.toml` as published, for a command that looks
/// at every lot; none where the file cannot be read or parsed (loading says why).
pub fn lot_ids(tender_dir: &Path) -> Vec<String> {
    let Ok(text) = read_text(&tender_dir.join("tender.toml")) else {
        return Vec::new();
    };
    // Lots are declared under the key `lots`, which the text spells out or hides in a
    // quoted key's unicode escape: a text with neither has none, and is not parsed a second
    // time here (in a batch of 1 000 tenders that parse was 5 % of the time).
    if !["lots", "\\u", "\\U"].iter().any(|s| text.contains(s)) {
        return Vec::new();
    }
    let mut sources = Sources::default();
    let file = sources.add(String::new(), text);
    match raw::parse::<RawTender>(&sources, file) {
        (Some(raw), _) => raw
            .lots
            .iter()
            .map(|l| l.get_ref().id.get_ref().trim().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether the lot asked for fits the tender: one of its lots, or none where it has no
/// lots; reported where it does not.
fn lot_fits(reader: &mut Reader, file: FileId, raw: &RawTender, lot: Option<&str>) -> bool {
    let ids: Vec<&str> = raw
        .lots
        .iter()
        .map(|l| l.get_ref().id.get_ref().as_str())
        .collect();
    if ids.is_empty()
        && let Some(named) = raw.criteria.iter().find_map(|c| c.lots.as_ref()?.first())
    {
        reader.diagnostics.push(
            Diagnostic::at(Code::BadValue, file, named.span(), "criteria.lots").says(
                "a criterion names a lot, and the tender has no lots",
                "remove `lots` from the criterion, or add the lots as [[lots]] tables",
            ),
        );
        return false;
    }
    let problem = match lot {
        None if ids.is_empty() => return true,
        Some(lot) if ids.contains(&lot) => return true,
        None => (
            "the tender is split into lots; each lot is evaluated on its own".to_string(),
            format!("name the lot with --lot: {}", ids.join(", ")),
        ),
        Some(lot) if ids.is_empty() => (
            format!(
                "--lot {} was given, and the tender has no lots",
                shorten(lot)
            ),
            "leave out --lot".to_string(),
        ),
        Some(lot) => (
            format!("the tender has no lot `{}`", shorten(lot)),
            format!("name one of its lots with --lot: {}", ids.join(", ")),
        ),
    };
    let span = raw.lots.first().map_or(0..0, |l| l.span());
    reader
        .diagnostics
        .push(Diagnostic::at(Code::BadValue, file, span, "lots").says(problem.0, problem.1));
    false
}

/// The view of one lot of a version's tender document: without the criteria of other lots
/// (a criterion without `lots` is in every lot), with the lot's own `[award]` where it has
/// one; registered as a source of its own. A criterion naming a lot the tender lacks is
/// reported.
fn lot_documents(
    reader: &mut Reader,
    documents: &Documents,
    lot: &str,
    number: u32,
) -> Option<Documents> {
    let raw = &documents.raw_tender;
    let ids: Vec<&str> = raw
        .lots
        .iter()
        .map(|l| l.get_ref().id.get_ref().as_str())
        .collect();
    let mut patcher = patch::Patcher::new(&reader.sources.get(documents.tender).text).ok()?;
    for criterion in &raw.criteria {
        let Some(lots) = &criterion.lots else {
            continue;
        };
        for named in lots.iter().filter(|l| !ids.contains(&l.get_ref().as_str())) {
            let field = format!("criteria[{}].lots", criterion.id.get_ref());
            let diagnostic = Diagnostic::at(Code::BadValue, documents.tender, named.span(), field)
                .says(
                    format!("the tender has no lot `{}`", shorten(named.get_ref())),
                    format!("name lots of the tender: {}", ids.join(", ")),
                );
            reader.diagnostics.push(diagnostic);
        }
        if !lots.iter().any(|l| l.get_ref() == lot)
            && let Err(error) = patcher.remove(&format!("criteria.{}", criterion.id.get_ref()))
        {
            // An id that is no path (it holds a dot) cannot be left out of the lot.
            let diagnostic = Diagnostic::at(
                Code::BadValue,
                documents.tender,
                criterion.id.span(),
                "criteria.id",
            )
            .says(
                format!(
                    "criterion `{}` cannot be left out of lot `{}`: {error}",
                    shorten(criterion.id.get_ref()),
                    shorten(lot)
                ),
                "give the criterion an id of letters, digits and dashes, used once",
            );
            reader.diagnostics.push(diagnostic);
            return None;
        }
    }
    let own = raw.lots.iter().find(|l| l.get_ref().id.get_ref() == lot);
    if let Some(award) = own.and_then(|l| l.get_ref().award.as_ref()) {
        let text = reader.sources.get(documents.tender).text.get(award.span());
        if text.is_none_or(|text| patcher.put_table("award", text).is_err()) {
            let diagnostic =
                Diagnostic::at(Code::Shape, documents.tender, award.span(), "lots.award").says(
                    format!(
                        "the award of lot `{}` cannot be read as one table",
                        shorten(lot)
                    ),
                    "write it on one line: award = { suppliers = 4, allocation = \"cascade\" }",
                );
            reader.diagnostics.push(diagnostic);
            return None;
        }
    }
    // A lot the tender lacks is reported above and stops the run; the view is still
    // built, so the bids' problems are listed in the same run.
    let label = format!(
        "{}, lot {lot} (version {number})",
        reader.sources.get(documents.tender).path
    );
    let tender = reader.sources.add(label, patcher.finish());
    let raw_tender = reader.parse(tender)?;
    Some(Documents {
        tender,
        raw_tender,
        patched: None,
    })
}

/// The ids of the criteria and requirements in any version of the tender: the published
/// one and after each rettelsesblad in turn. Patched quietly: a change that cannot be
/// made is reported when the versions are built.
fn ids_in_any_version(
    mut patcher: patch::Patcher,
    rettelsesblade: &[Rettelsesblad],
) -> BTreeSet<String> {
    fn collect(patcher: &patch::Patcher, ids: &mut BTreeSet<String>) {
        for list in ["criteria", "requirements"] {
            ids.extend(patcher.ids_in(list).into_iter().map(str::to_string));
        }
    }
    let mut ids = BTreeSet::new();
    collect(&patcher, &mut ids);
    for rettelsesblad in rettelsesblade {
        for change in &rettelsesblad.changes {
            let _ = patcher.apply(change.kind, &change.path, &change.value);
        }
        collect(&patcher, &mut ids);
    }
    ids
}

/// A source document with changes set in it, with the document patched (to set later
/// changes in), or `None` when any change cannot be set (each such change is reported at
/// its line in the rettelsesblad). The document is `file`, parsed here unless `patched`
/// holds it already.
fn patch_document(
    reader: &mut Reader,
    (file, patched): (FileId, Option<patch::Patcher>),
    changes: &[&crate::domain::Change],
    target: &str,
    path_of: impl Fn(&crate::domain::Change) -> &str,
    mut origins: Origins,
) -> Option<(String, Origins, Option<patch::Patcher>)> {
    let text = &reader.sources.get(file).text;
    if changes.is_empty() {
        return Some((text.clone(), origins, patched));
    }
    // The document already validated as TOML, so it parses.
    let mut patcher = match patched {
        Some(patcher) => patcher,
        None => patch::Patcher::new(text).ok()?,
    };
    let mut clean = true;
    // The document as text before each change: the source, then as the change before left
    // it. Each change's result is rendered once, and the last is the amended document.
    let mut before = text.clone();
    for change in changes {
        let path = path_of(change);
        if let Err(error) = patcher.apply(change.kind, path, &change.value) {
            clean = false;
            reader
                .diagnostics
                .push(change_problem(change, &error, target));
            continue;
        }
        // The lines this change rewrote, so a problem found there can name the change:
        // those between the lines the texts share at their start and at their end. Lines
        // named by earlier changes after them move with the lines added or removed.
        let after = patcher.text();
        let set_by = format!("{}:{}", reader.sources.get(change.file).path, change.line);
        let (old, new): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after.lines().collect());
        let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let suffix = old[prefix..]
            .iter()
            .rev()
            .zip(new[prefix..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        origins = origins
            .into_iter()
            .filter(|(line, _)| *line <= prefix || *line > old_end)
            .map(|(line, by)| {
                if line > old_end {
                    (line + new_end - old_end, by)
                } else {
                    (line, by)
                }
            })
            .collect();
        for line in prefix..new_end {
            origins.insert(line + 1, set_by.clone());
        }
        before = after;
    }
    clean.then_some((before, origins, Some(patcher)))
}

fn change_problem(
    change: &crate::domain::Change,
    error: &patch::PatchError,
    target: &str,
) -> Diagnostic {
    Diagnostic::at(
        Code::BadChange,
        change.file,
        change.span.clone(),
        "changes.path",
    )
    .says(
        format!("cannot change `{}` in {target}: {error}", change.path),
        "give the path of a value the tender has, e.g. criteria.spor1.max, prices.below_min.rule, \
         scale.max, or model.points.decimals for its scoring model",
    )
}

/// Which version is being built, and from which rettelsesblade.
struct VersionContext<'a> {
    number: u32,
    /// The lot loaded, in a tender with lots.
    lot: Option<&'a str>,
    /// The negotiation round whose bids are loaded.
    round: u32,
    /// The ids of criteria and requirements in any version: a bid's price or points for
    /// one this version lacks is not a problem here.
    elsewhere: &'a BTreeSet<String>,
    applied: &'a [Rettelsesblad],
    /// The authority's decisions on findings for review, the same in every version.
    decisions: &'a [ReviewDecision],
    /// Every change to the scoring model in the rettelsesblade applied.
    model_changes: &'a [crate::domain::Change],
    /// No version follows: each bid's parsed file is dropped once the bid is validated,
    /// so the parsed and the validated bids are not all held at once.
    last: bool,
    /// The version before: its bids stand in this version where the terms they are
    /// validated against are the same.
    previous: Option<Previous<'a>>,
}

/// A version built, with what it found missing in its bids.
struct Previous<'a> {
    version: &'a Version,
    /// Its entries in [`Reader::missing_points`].
    missing: std::ops::Range<usize>,
}

/// Validates one version: its model (with the model changes so far), the tender and every
/// bid. Problems already reported for an earlier version are not repeated.
fn build_version(
    reader: &mut Reader,
    tender_dir: &Path,
    models: &ModelSearch,
    models_read: &mut BTreeMap<ModelFile, FileId>,
    documents: &Documents,
    raw_bids: &mut [BidFile],
    mut context: VersionContext<'_>,
) -> Option<Version> {
    let (number, applied, decisions) = (context.number, context.applied, context.decisions);
    let elsewhere = context.elsewhere;
    let (lot, round, last) = (context.lot, context.round, context.last);
    // Only this function compares with the version before.
    let previous = context.previous.take();
    let lot_view;
    let documents = match context.lot {
        None => documents,
        Some(lot) => {
            lot_view = lot_documents(reader, documents, lot, number)?;
            &lot_view
        }
    };
    let parsed: RawModel;
    let (model_file, raw_model) = match &documents.raw_tender.model {
        Some(inline) => {
            if let Some(name) = &documents.raw_tender.prices.model {
                reader.diagnostics.push(
                    Diagnostic::at(Code::BadModel, documents.tender, name.span(), "prices.model")
                        .says(
                            "the tender names a scoring model and also defines one under [model]",
                            "keep one: remove `model` from [prices] to use the [model] table, or remove the [model] table",
                        ),
                );
                return None;
            }
            (documents.tender, inline.get_ref())
        }
        None => {
            let file = model_file(reader, tender_dir, models, models_read, documents, context)?;
            parsed = reader.parse(file)?;
            (file, &parsed)
        }
    };

    let mut found = Vec::new();
    let model = validate::model(&reader.sources, model_file, raw_model, &mut found);
    let tender = model.and_then(|model| {
        validate::tender(
            &reader.sources,
            documents.tender,
            &documents.raw_tender,
            model,
            ModelSite {
                file: model_file,
                raw: raw_model,
            },
            &mut found,
        )
    });
    let tender = tender.map(|mut tender| {
        tender.decisions = crate::domain::Decisions::new(decisions.to_vec());
        tender.lot = lot.and_then(|lot| tender.lots.iter().position(|l| l.id == lot));
        tender.round = round;
        tender
    });
    let mut bids = Vec::new();
    let terms = tender.as_ref().map(validate::BidTerms::of);
    let unchanged = previous.filter(|p| Some(validate::BidTerms::of(&p.version.tender)) == terms);
    if let (
        Some(Previous {
            version: previous,
            missing,
        }),
        Some(tender),
    ) = (unchanged, &tender)
    {
        // Validated against the same terms, every bid is found as in the version before,
        // which found no problem: its bids stand (copied, not validated again), and what
        // it found missing is missing in this version too.
        bids = previous.bids.clone();
        if last {
            // As validation would: the parsed files are let go once no version needs them.
            raw_bids.iter_mut().for_each(|b| b.raw = None);
        }
        let copied: Vec<MissingPoints> = reader.missing_points[missing]
            .iter()
            .map(|entry| MissingPoints {
                tender: tender.clone(),
                bid: entry.bid.clone(),
                diagnostics: entry
                    .diagnostics
                    .iter()
                    .map(|d| in_version(reader, d.clone(), number))
                    .collect(),
            })
            .collect();
        reader.missing_points.extend(copied);
    } else if let (Some(tender), Some(terms)) = (&tender, &terms) {
        // Each bid is validated on its own against the tender, spread over every core, into
        // its place in file-name order: the bid (none outside the lot, or where it cannot be
        // built), and apart from it what was found (nearly always nothing, so no memory).
        let sources = &reader.sources;
        let mut checked: Vec<Option<Bid>> = Vec::new();
        let mut findings: Vec<Option<Box<BidFindings>>> = Vec::new();
        raw_bids
            .par_iter_mut()
            .map(
                |BidFile {
                     id,
                     file,
                     round,
                     raw,
                     earlier,
                 }| {
                    let taken;
                    let raw = if last {
                        taken = raw.take();
                        taken.as_deref()
                    } else {
                        raw.as_deref()
                    };
                    let Some(raw) = raw else {
                        return (None, None);
                    };
                    // In a lot, the bids that cover it (and those that do not say, to report).
                    // (A bid naming no lot at all stays, so that it is reported.)
                    if let (Some(lot), Some(lots)) = (lot, &raw.lots)
                        && !lots.get_ref().is_empty()
                        && !lots.get_ref().iter().any(|l| l.get_ref() == lot)
                    {
                        return (None, None);
                    }
                    let mut problems = Vec::new();
                    let (bid, missing) = match validate::bid(
                        sources,
                        *file,
                        id.clone(),
                        raw,
                        Some(terms),
                        elsewhere,
                        &mut problems,
                    ) {
                        Some((mut bid, missing)) => {
                            bid.round = *round;
                            bid.file = bid_label(&id.0, *round);
                            bid.earlier = earlier.clone();
                            (Some(bid), missing)
                        }
                        None => (None, Vec::new()),
                    };
                    let findings = (!problems.is_empty() || !missing.is_empty())
                        .then(|| Box::new(BidFindings { problems, missing }));
                    (bid, findings)
                },
            )
            .unzip_into_vecs(&mut checked, &mut findings);
        for (bid, findings) in checked.iter_mut().zip(findings) {
            let Some(findings) = findings else {
                continue;
            };
            let BidFindings { problems, missing } = *findings;
            let clean = !problems.iter().any(Diagnostic::is_error);
            found.extend(problems);
            if let Some(valid) = bid.as_ref()
                && !missing.is_empty()
            {
                reader.missing_points.push(MissingPoints {
                    tender: tender.clone(),
                    bid: valid.clone(),
                    diagnostics: missing
                        .into_iter()
                        .map(|d| in_version(reader, d, number))
                        .collect(),
                });
            }
            if !clean {
                *bid = None;
            }
        }
        // Made in the memory of `checked`: a bid takes the room of an optional bid, and
        // `filter_map` (unlike `flatten`) is collected in place.
        #[allow(clippy::filter_map_identity)]
        let valid = checked.into_iter().filter_map(|bid| bid).collect();
        bids = valid;
    }
    let clean = !found.iter().any(Diagnostic::is_error);
    for diagnostic in found {
        let diagnostic = in_version(reader, diagnostic, number);
        if diagnostic.is_error() {
            reader.diagnostics.push(diagnostic);
        } else if !reader.warnings.iter().any(|w| {
            // A warning that holds in every version is shown once, where it first holds.
            (w.code, &w.field, &w.message)
                == (diagnostic.code, &diagnostic.field, &diagnostic.message)
        }) {
            reader.warnings.push(diagnostic);
        }
    }
    if !clean {
        return None;
    }
    Some(Version {
        number,
        applied: applied.to_vec(),
        tender: tender?,
        bids,
    })
}

/// The scoring model the tender names, found and read once, with the model changes of the
/// rettelsesblade so far set in it (a source of its own); `None` when it cannot be found,
/// read or changed (reported).
fn model_file(
    reader: &mut Reader,
    tender_dir: &Path,
    models: &ModelSearch,
    models_read: &mut BTreeMap<ModelFile, FileId>,
    documents: &Documents,
    context: VersionContext<'_>,
) -> Option<FileId> {
    let VersionContext {
        number,
        model_changes,
        ..
    } = context;
    let Some(name) = &documents.raw_tender.prices.model else {
        reader.diagnostics.push(
            Diagnostic::at(Code::Shape, documents.tender, 0..0, "prices.model").says(
                "the tender names no scoring model and defines none",
                "add model = \"kk-minmax-8\" (or another of `tenderscore models`) under [prices], or define the model in a [model] table",
            ),
        );
        return None;
    };
    let found = match find_model(tender_dir, models, name.get_ref()) {
        Ok(found) => found,
        Err(looked_in) => {
            unknown_model(reader, documents, name, &looked_in);
            return None;
        }
    };
    let base = match models_read.get(&found) {
        Some(file) => *file,
        None => {
            let file = match &found {
                ModelFile::Path(path) => {
                    reader.read(path, "model", format!("{}.toml", name.get_ref()))?
                }
                ModelFile::BuiltIn(known, text) => reader.add_built_in(known, text),
            };
            models_read.insert(found.clone(), file);
            file
        }
    };
    let model_file = if model_changes.is_empty() {
        base
    } else {
        let changes: Vec<&crate::domain::Change> = model_changes.iter().collect();
        let target = format!("scoring model {}", name.get_ref());
        let (text, origins, _) = patch_document(
            reader,
            (base, None),
            &changes,
            &target,
            |c| c.model_path().unwrap_or_default(),
            Origins::new(),
        )?;
        let label = format!(
            "{} as amended by rettelsesblade 1–{number} (version {number})",
            found.label()
        );
        let file = reader.sources.add(label, text);
        reader.origins.insert(file, origins);
        file
    };
    Some(model_file)
}

/// The named model is in no folder searched and not in the built-in library: say so, or
/// that a folder could not be read (which hides its models).
fn unknown_model(
    reader: &mut Reader,
    documents: &Documents,
    name: &toml::Spanned<String>,
    looked_in: &[PathBuf],
) {
    for dir in looked_in.iter().filter(|d| d.exists()) {
        if let Err(error) = fs::read_dir(dir) {
            reader.diagnostics.push(
                Diagnostic::for_path(Code::Unreadable, dir.display().to_string()).says(
                    format!(
                        "cannot read the scoring-models folder {}: {error}",
                        dir.display()
                    ),
                    "make the folder readable for the user who runs tenderscore",
                ),
            );
            return;
        }
    }
    let folders: Vec<String> = looked_in.iter().map(|p| p.display().to_string()).collect();
    let available = available_models(looked_in);
    let guess = nearest(name.get_ref(), available.iter().map(String::as_str))
        .map(|near| format!("did you mean `{near}`? "))
        .unwrap_or_default();
    let searched = if folders.is_empty() {
        "the built-in library".to_string()
    } else {
        format!("{} and the built-in library", folders.join(", "))
    };
    reader.diagnostics.push(
        Diagnostic::at(
            Code::UnknownModel,
            documents.tender,
            name.span(),
            "prices.model",
        )
        .says(
            format!("scoring model `{}` does not exist", shorten(name.get_ref())),
            format!(
                "{guess}name a model of {searched} (available: {}), or give a folder of models with --models DIR",
                available.join(", ")
            ),
        ),
    );
}

/// A diagnostic of a version after rettelsesblade says so, and, where it stands on a line
/// a rettelsesblad change set, names that change.
fn in_version(reader: &Reader, mut diagnostic: Diagnostic, number: u32) -> Diagnostic {
    if number == 0 {
        return diagnostic;
    }
    let mut context = format!("version {number} (after rettelsesblade 1–{number})");
    if let Location::Span { file, span } = &diagnostic.location {
        let (line, _) = reader.sources.line_column(*file, span.start);
        if let Some(set_by) = reader.origins.get(file).and_then(|o| o.get(&line)) {
            context.push_str(&format!("; the value was set by the change at {set_by}"));
        }
    }
    diagnostic.context = Some(context);
    diagnostic
}
