//! The body of each fuzz target, as a function of the fuzzer's bytes that tells how far the
//! input got, so `examples/reach.rs` can count how much of a corpus reaches scoring.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tenderscore::domain::BidId;
use tenderscore::evaluate;
use tenderscore::input::Version;
use tenderscore::input::diag::{Sources, push_unique};
use tenderscore::input::raw::{self, RawBid, RawModel, RawTender};
use tenderscore::input::validate::{self, ModelSite};

use crate::{
    REFERENCE, evaluate_and_render, models, reference, render_diagnostics, repo,
    rescore_and_render, shipped, shipped_bids, show_model, text, valid_bids, width,
};

/// How far one input got.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reached {
    /// It parsed into the file's raw structure.
    pub parsed: bool,
    /// It validated (a bid: against at least one version; a rettelsesblad: the tender
    /// loaded with it).
    pub valid: bool,
    /// Versions evaluated and rendered.
    pub evaluations: usize,
}

/// A bid file: parsed, validated on its own and against every version of the reference
/// tender, and, where a version accepts it, scored with that version's bids and every
/// report rendered. Every diagnostic found is rendered too.
pub fn bid(data: &[u8]) -> Reached {
    let mut reached = Reached::default();
    let ready = reference();
    let mut sources = Sources::default();
    let file = sources.add(
        "tenders/kk-traedesten-2024/bids/fuzz.toml".into(),
        text(data),
    );
    let (raw, mut diagnostics) = raw::parse::<RawBid>(&sources, file);
    if let Some(raw) = raw {
        reached.parsed = true;
        let id = BidId("fuzz".into());
        // What the bid says on its own, as checked while the tender has problems.
        let mut own = Vec::new();
        let _ = validate::bid(&sources, file, id.clone(), &raw, None, &mut own);
        for diagnostic in own {
            push_unique(&mut diagnostics, diagnostic);
        }
        for version in ready.versions() {
            let accepted = valid_bids(
                &sources,
                &version.tender,
                &[(id.clone(), file, &raw)],
                &mut diagnostics,
            );
            if accepted.is_empty() {
                continue;
            }
            reached.valid = true;
            let mut bids = version.bids.clone();
            bids.extend(accepted);
            evaluate_and_render(
                ready,
                &Version {
                    number: version.number,
                    applied: version.applied.clone(),
                    tender: version.tender.clone(),
                    bids,
                },
                width(data),
            );
            reached.evaluations += 1;
        }
    }
    render_diagnostics(&sources, &diagnostics);
    reached
}

/// A tender.toml: parsed and validated with its scoring model (its own `[model]`, else the
/// shipped model it names, else the reference model kk-minmax-8), and, if valid, scored with every shipped bid
/// that validates against it, every report rendered. Every diagnostic found is rendered.
pub fn tender(data: &[u8]) -> Reached {
    let mut reached = Reached::default();
    let shipped = shipped();
    let ready = reference();
    let mut sources = shipped.sources.clone();
    let file = sources.add("tenders/fuzz/tender.toml".into(), text(data));
    let (raw, mut diagnostics) = raw::parse::<RawTender>(&sources, file);
    if let Some(raw) = raw {
        reached.parsed = true;
        // The model as `input::load` finds it: the tender's own `[model]`, else the
        // shipped model it names (the reference model when it names none that is shipped).
        let (model_file, raw_model, model) = match &raw.model {
            Some(inline) => {
                let model = validate::model(&sources, file, inline.get_ref(), &mut diagnostics);
                // Naming a model as well is an error of its own (E106), no tender.
                let model = model.filter(|_| raw.prices.model.is_none());
                (file, inline.get_ref(), model)
            }
            None => {
                let name = raw
                    .prices
                    .model
                    .as_ref()
                    .map_or("", |n| n.get_ref().as_str());
                let named = shipped.model_or_reference(name);
                (named.file, &named.raw, Some(named.model.clone()))
            }
        };
        let tender = model.and_then(|model| {
            validate::tender(
                &sources,
                file,
                &raw,
                model,
                ModelSite {
                    file: model_file,
                    raw: raw_model,
                },
                &mut diagnostics,
            )
        });
        if let Some(tender) = tender {
            reached.valid = true;
            let bids = valid_bids(
                &sources,
                &tender,
                &shipped_bids(shipped, &shipped.all_bids()),
                &mut diagnostics,
            );
            evaluate_and_render(
                ready,
                &Version {
                    number: 0,
                    applied: Vec::new(),
                    tender,
                    bids,
                },
                width(data),
            );
            reached.evaluations += 1;
        }
    }
    render_diagnostics(&sources, &diagnostics);
    reached
}

/// A scoring-model file: parsed and validated; if valid, shown as `models show` shows it,
/// and used as the model of each shipped tender (the reference tender first), whose own
/// bids are then validated, scored and every report rendered. Every diagnostic found is
/// rendered too.
pub fn model(data: &[u8]) -> Reached {
    let mut reached = Reached::default();
    let shipped = shipped();
    let ready = reference();
    let mut sources = shipped.sources.clone();
    let file = sources.add("scoring-models/fuzz.toml".into(), text(data));
    let (raw, mut diagnostics) = raw::parse::<RawModel>(&sources, file);
    reached.parsed = raw.is_some();
    if let Some(raw) = raw
        && let Some(model) = validate::model(&sources, file, &raw, &mut diagnostics)
    {
        reached.valid = true;
        show_model(&model);
        for shipped_tender in &shipped.tenders {
            let tender = validate::tender(
                &sources,
                shipped_tender.file,
                &shipped_tender.raw,
                model.clone(),
                ModelSite { file, raw: &raw },
                &mut diagnostics,
            );
            let Some(tender) = tender else { continue };
            let bids = valid_bids(
                &sources,
                &tender,
                &shipped_bids(shipped, &shipped_tender.bids),
                &mut diagnostics,
            );
            evaluate_and_render(
                ready,
                &Version {
                    number: 0,
                    applied: Vec::new(),
                    tender,
                    bids,
                },
                width(data),
            );
            reached.evaluations += 1;
        }
    }
    render_diagnostics(&sources, &diagnostics);
    reached
}

/// The temporary copy of the reference tender the `rettelsesblad` target loads.
struct Folder {
    tender: PathBuf,
    fuzzed: PathBuf,
}

fn copy_tomls(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the temporary tender folder");
    for entry in std::fs::read_dir(from).expect("list the reference tender") {
        let path = entry.expect("a directory entry").path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, to.join(path.file_name().expect("a file name")))
                .expect("copy a reference file");
        }
    }
}

/// The copy of the reference tender, made once per process (one per process id, so
/// parallel jobs do not share it).
fn folder() -> &'static Folder {
    static FOLDER: OnceLock<Folder> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let source = repo().join("tenders").join(REFERENCE);
        let root = std::env::temp_dir().join(format!(
            "tenderscore-fuzz-rettelsesblad-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        let tender = root.join(REFERENCE);
        copy_tomls(&source, &tender);
        copy_tomls(&source.join("bids"), &tender.join("bids"));
        copy_tomls(
            &source.join("rettelsesblade"),
            &tender.join("rettelsesblade"),
        );
        let fuzzed = tender.join("rettelsesblade").join("99-fuzz.toml");
        Folder { tender, fuzzed }
    })
}

/// A rettelsesblad file, the third of the reference tender: the whole pipeline as the
/// binary runs it. The input is written into the copy of the reference tender as
/// `rettelsesblade/99-fuzz.toml` (the one file rewritten per input), then
/// `evaluate::load`, `evaluate::evaluate` on every version, every report of every version
/// (`score` and `rejections` in each format, `explain` for each bid), and `rescore`'s
/// comparison of the versions in each format; or, when loading finds problems, every
/// diagnostic rendered.
pub fn rettelsesblad(data: &[u8]) -> Reached {
    let mut reached = Reached::default();
    let folder = folder();
    let text = text(data);
    std::fs::write(&folder.fuzzed, &text).expect("write the fuzzed rettelsesblad");
    let mut scratch = Sources::default();
    let file = scratch.add(String::new(), text);
    reached.parsed = raw::parse::<raw::RawRettelsesblad>(&scratch, file)
        .0
        .is_some();
    match evaluate::load(&folder.tender, &models()) {
        Ok(ready) => {
            reached.valid = true;
            let evaluations: Vec<_> = ready
                .versions()
                .iter()
                .map(|version| evaluate_and_render(&ready, version, width(data)))
                .collect();
            reached.evaluations = evaluations.len();
            rescore_and_render(&ready, &evaluations, &folder.tender);
            std::hint::black_box(ready.warnings().render());
        }
        Err(invalid) => render_diagnostics(&invalid.sources, &invalid.diagnostics),
    }
    reached
}
