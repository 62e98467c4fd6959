//! `cargo bench`: re-scoring a synthetic batch of 1 000 tenders × 20 bids × 3
//! rettelsesblade (4 000 versions), against the time it takes only to read and parse the
//! same files. Set TENDERSCORE_BENCH_TENDERS for a smaller or larger batch.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use tenderscore::evaluate::rescore::{Rescored, rescore_all};
use tenderscore::input::ModelSearch;
use tenderscore::input::discover::find_tenders;
use tenderscore::report::{Format, batch};
use tenderscore::synthetic::{self, Batch};

fn tenders() -> usize {
    std::env::var("TENDERSCORE_BENCH_TENDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000)
}

/// Every TOML file of a tender folder, read and parsed into a TOML table: the floor under
/// which no re-scoring can go.
fn read_and_parse(dir: &Path) -> usize {
    let mut files = vec![dir.join("tender.toml")];
    for sub in ["bids", "rettelsesblade"] {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        files.extend(entries);
    }
    files
        .iter()
        .map(|f| {
            fs::read_to_string(f)
                .unwrap()
                .parse::<toml::Table>()
                .unwrap()
                .len()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let root = tempfile::TempDir::new().unwrap();
    let count = tenders();
    synthetic::write(
        root.path(),
        Batch {
            tenders: count,
            bids: 20,
            rettelsesblade: 3,
        },
    )
    .unwrap();
    let dirs = find_tenders(&[root.path().join("tenders")])
        .unwrap()
        .tenders;
    let models = ModelSearch::default();

    let mut group = c.benchmark_group(format!("{count} tenders x 20 bids x 3 rettelsesblade"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("read and parse only (1 thread)", |b| {
        b.iter(|| dirs.iter().map(|d| read_and_parse(d)).sum::<usize>())
    });
    group.bench_function("rescore, every version (all cores)", |b| {
        b.iter(|| {
            rescore_all(&dirs, &models, &|| {})
                .into_iter()
                .filter(|r| r.is_ok())
                .count()
        })
    });
    group.bench_function("rescore and JSON report (all cores)", |b| {
        b.iter(|| {
            let results: Vec<_> = rescore_all(&dirs, &models, &|| {})
                .into_iter()
                .flat_map(|r| r.unwrap())
                .collect();
            batch::render(&Rescored::new(results), Format::Json).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
