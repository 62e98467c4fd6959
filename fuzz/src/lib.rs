//! What the fuzz targets share: the shipped files, parsed and validated once per process,
//! and the steps every command takes after validation (evaluate, then render every report
//! and every diagnostic). Each target feeds the fuzzer's bytes, as UTF-8 text (lossily), in
//! place of one input file; the only thing checked is that nothing panics.

pub mod targets;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rust_decimal::Decimal;
use tenderscore::domain::{Bid, BidId, ScoringModel, Tender};
use tenderscore::evaluate::rescore::{Rescored, TenderRescore, compare};
use tenderscore::evaluate::{self, Evaluation, Ready};
use tenderscore::input::diag::{Diagnostic, FileId, Report, Sources, push_unique};
use tenderscore::input::raw::{self, RawBid, RawModel, RawTender};
use tenderscore::input::validate;
use tenderscore::input::{ModelSearch, Version};
use tenderscore::legal::model_notes;
use tenderscore::report::{self, Format, explain, rejections};
use tenderscore::scoring::score::reads_quality;
use tenderscore::scoring::tabulate::{Band, tabulate};
use tenderscore::values::Money;

/// The reference tender, the one every target scores with.
pub const REFERENCE: &str = "kk-traedesten-2024";
/// The reference tender's scoring model.
pub const REFERENCE_MODEL: &str = "kk-minmax-8";

/// The checkout this crate lives in (`fuzz/..`).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("fuzz/ has a parent")
        .to_path_buf()
}

/// Where the shipped scoring models are, as `--models` would name them.
pub fn models() -> ModelSearch {
    ModelSearch {
        dir: Some(repo().join("scoring-models")),
    }
}

/// The fuzzer's bytes as the text of a file: invalid UTF-8 becomes U+FFFD.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The reference tender as the pipeline loads it (`evaluate::load`, over `input::load`),
/// every version valid; loaded once per process.
pub fn reference() -> &'static Ready {
    static READY: OnceLock<Ready> = OnceLock::new();
    READY.get_or_init(|| {
        let dir = repo().join("tenders").join(REFERENCE);
        match evaluate::load(&dir, &models()) {
            Ok(ready) => ready,
            Err(invalid) => panic!(
                "the reference tender {} does not load:\n{}",
                dir.display(),
                Report {
                    sources: &invalid.sources,
                    diagnostics: &invalid.diagnostics,
                }
                .render()
            ),
        }
    })
}

/// A shipped scoring model, parsed and validated.
pub struct ShippedModel {
    pub name: String,
    pub file: FileId,
    pub raw: RawModel,
    pub model: ScoringModel,
}

/// A shipped tender, parsed (version 0, as published), with its bids.
pub struct ShippedTender {
    pub name: String,
    pub file: FileId,
    pub raw: RawTender,
    /// Indexes into [`Shipped::bids`].
    pub bids: Vec<usize>,
}

/// A shipped bid, parsed.
pub struct ShippedBid {
    pub id: BidId,
    pub file: FileId,
    pub raw: RawBid,
}

/// Every shipped model, tender and bid in one set of sources, parsed once per process. A
/// target clones [`Shipped::sources`] and adds its one fuzzed file to it, so the raw
/// structures here keep pointing at their own files.
pub struct Shipped {
    pub sources: Sources,
    pub models: Vec<ShippedModel>,
    pub tenders: Vec<ShippedTender>,
    pub bids: Vec<ShippedBid>,
}

impl Shipped {
    pub fn model(&self, name: &str) -> Option<&ShippedModel> {
        self.models.iter().find(|m| m.name == name)
    }

    /// The model a tender names when it is shipped, else the reference model.
    pub fn model_or_reference(&self, name: &str) -> &ShippedModel {
        self.model(name)
            .or_else(|| self.model(REFERENCE_MODEL))
            .expect("the reference model is shipped")
    }

    pub fn all_bids(&self) -> Vec<usize> {
        (0..self.bids.len()).collect()
    }
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

fn add(sources: &mut Sources, path: &Path) -> FileId {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    sources.add(path.display().to_string(), text)
}

fn parsed<T: serde::de::DeserializeOwned>(sources: &Sources, file: FileId) -> T {
    match raw::parse::<T>(sources, file) {
        (Some(value), problems) if problems.is_empty() => value,
        (_, problems) => panic!(
            "shipped file {} does not parse:\n{}",
            sources.get(file).path,
            Report {
                sources,
                diagnostics: &problems,
            }
            .render()
        ),
    }
}

/// The shipped files, parsed once per process.
pub fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let root = repo();
        let mut sources = Sources::default();
        let mut models = Vec::new();
        for path in toml_files(&root.join("scoring-models")) {
            let file = add(&mut sources, &path);
            let raw: RawModel = parsed(&sources, file);
            let mut problems = Vec::new();
            let model = validate::model(&sources, file, &raw, &mut problems)
                .unwrap_or_else(|| panic!("shipped model {} is not valid", path.display()));
            models.push(ShippedModel {
                name: stem(&path),
                file,
                raw,
                model,
            });
        }
        let mut tenders = Vec::new();
        let mut bids = Vec::new();
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("tenders"))
            .expect("tenders/ lists")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.join("tender.toml").is_file())
            .collect();
        dirs.sort();
        for dir in dirs {
            let file = add(&mut sources, &dir.join("tender.toml"));
            let raw: RawTender = parsed(&sources, file);
            let mut own = Vec::new();
            for path in toml_files(&dir.join("bids")) {
                let file = add(&mut sources, &path);
                let raw: RawBid = parsed(&sources, file);
                own.push(bids.len());
                bids.push(ShippedBid {
                    id: BidId(stem(&path)),
                    file,
                    raw,
                });
            }
            tenders.push(ShippedTender {
                name: stem(&dir),
                file,
                raw,
                bids: own,
            });
        }
        Shipped {
            sources,
            models,
            tenders,
            bids,
        }
    })
}

/// The bids that validate against a tender, as `input::load` keeps them: no diagnostic of
/// their own, and points for every quality criterion wherever their quality is read
/// (`evaluate::load`'s check). Every problem found is added to `diagnostics`.
pub fn valid_bids(
    sources: &Sources,
    tender: &Tender,
    bids: &[(BidId, FileId, &RawBid)],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Bid> {
    let mut valid = Vec::new();
    for (id, file, raw) in bids {
        let mut found = Vec::new();
        let result = validate::bid(sources, *file, id.clone(), raw, Some(tender), &mut found);
        let clean = found.is_empty();
        for diagnostic in found {
            push_unique(diagnostics, diagnostic);
        }
        let Some((bid, missing)) = result else {
            continue;
        };
        if clean && (missing.is_empty() || !reads_quality(tender, &bid)) {
            valid.push(bid);
        } else if reads_quality(tender, &bid) {
            for diagnostic in missing {
                push_unique(diagnostics, diagnostic);
            }
        }
    }
    valid
}

/// The shipped bids with these indexes, as `valid_bids` takes them.
pub fn shipped_bids<'a>(shipped: &'a Shipped, which: &[usize]) -> Vec<(BidId, FileId, &'a RawBid)> {
    which
        .iter()
        .map(|&i| {
            let b = &shipped.bids[i];
            (b.id.clone(), b.file, &b.raw)
        })
        .collect()
}

/// Scores a version as `score` does (`evaluate::evaluate`: `score_all`, `rank`,
/// `rank_reversals`, legal notes, total bounds) and renders every report of it.
pub fn evaluate_and_render(ready: &Ready, version: &Version, width: Option<u16>) -> Evaluation {
    let evaluation = evaluate::evaluate(ready, version);
    render_evaluation(&evaluation, width);
    evaluation
}

/// The terminal widths a table is rendered for besides a file's stable layout (`COLUMNS`
/// is read as any `u16`); one is picked per input by [`width`].
const WIDTHS: [u16; 8] = [0, 1, 2, 9, 24, 40, 80, u16::MAX];

/// A terminal width picked from the input's bytes, so the fuzzer can steer it too.
pub fn width(data: &[u8]) -> Option<u16> {
    let sum = data
        .iter()
        .fold(0usize, |sum, b| sum.wrapping_add(usize::from(*b)));
    Some(WIDTHS[sum % WIDTHS.len()])
}

/// Every report of one evaluation: `score` and `rejections` in each format (a table also
/// for a terminal of `width` columns), and `explain` for each bid.
pub fn render_evaluation(evaluation: &Evaluation, width: Option<u16>) {
    for format in [Format::Table, Format::Csv, Format::Json, Format::Md] {
        std::hint::black_box(report::render(evaluation, format));
        std::hint::black_box(rejections::render(evaluation, format));
    }
    if width.is_some() {
        std::hint::black_box(report::render_for(evaluation, Format::Table, width));
        std::hint::black_box(rejections::render_for(evaluation, Format::Table, width));
    }
    for entry in &evaluation.ranking {
        std::hint::black_box(explain::render(evaluation, entry));
    }
}

/// `rescore`'s steps and report over the evaluations of every version of one tender, in
/// each format, as `evaluate::rescore::rescore` builds them.
pub fn rescore_and_render(ready: &Ready, evaluations: &[Evaluation], dir: &Path) {
    let steps = evaluations
        .windows(2)
        .map(|pair| compare(&pair[0], &pair[1]))
        .collect();
    let latest = &ready.latest().tender;
    let one = TenderRescore {
        dir: dir.display().to_string(),
        tender: latest.id.clone(),
        title: latest.title.clone(),
        versions: u32::try_from(ready.versions().len()).unwrap_or(u32::MAX),
        steps,
        flags: ready.flags.clone(),
        paths: ready.paths().to_vec(),
        warnings: ready.warnings().render(),
    };
    let batch = Rescored::new(vec![one]);
    for format in [Format::Table, Format::Csv, Format::Json, Format::Md] {
        std::hint::black_box(report::batch::render(&batch, format));
    }
}

/// `models show NAME` with its default band (370–430, target in the middle), and the
/// `models` list.
pub fn show_model(model: &ScoringModel) {
    let (min, max) = (Decimal::from(370), Decimal::from(430));
    let band = Band {
        min: Money::new(min),
        max: Money::new(max),
        target: Money::new((min + max) / Decimal::TWO),
    };
    std::hint::black_box(report::models::show(
        model,
        &model_notes(model),
        &tabulate(model, band),
    ));
    std::hint::black_box(report::models::list(std::slice::from_ref(model)));
}

/// Every diagnostic rendered as the terminal shows it.
pub fn render_diagnostics(sources: &Sources, diagnostics: &[Diagnostic]) {
    std::hint::black_box(
        Report {
            sources,
            diagnostics,
        }
        .render(),
    );
}
