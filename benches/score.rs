//! `cargo bench --bench score`: one tender of 13, 1 000, 10 000 and 100 000 synthetic bids,
//! loaded, scored and rendered as JSON, under a fixed-anchor model and under a relative
//! model (with its rank-reversal check), and under the relative model with a test for
//! abnormally low prices. TENDERSCORE_BENCH_MAX_BIDS caps the sizes.

use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tenderscore::evaluate::{evaluate, load};
use tenderscore::input::ModelSearch;
use tenderscore::report::{Format, render};
use tenderscore::synthetic::{self, Batch};

fn max_bids() -> usize {
    std::env::var("TENDERSCORE_BENCH_MAX_BIDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// Load, score and render the JSON report of the tender in `dir`: the bytes written.
fn score_json(dir: &Path) -> usize {
    let tender = load(dir, &ModelSearch::default()).expect("a valid synthetic tender");
    let evaluation = evaluate(&tender, tender.latest());
    render(&evaluation, Format::Json).len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("score, JSON, whole pipeline");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    for bids in [13, 1_000, 10_000, 100_000] {
        if bids > max_bids() {
            continue;
        }
        let root = tempfile::TempDir::new().unwrap();
        synthetic::write(
            root.path(),
            Batch {
                tenders: 1,
                bids,
                rettelsesblade: 0,
            },
        )
        .unwrap();
        let fixed = root.path().join("tenders").join("t0000");
        // The same bids under a relative model: relative-lowest-100 from the library.
        let relative = variant(&fixed, &root.path().join("relative"), |text| {
            text.lines()
                .map(|l| {
                    if l.starts_with("model = ") {
                        "model = \"relative-lowest-100\""
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        // And with a test for abnormally low prices, whose rank-reversal check also takes
        // out each bid whose removal moves the test across another price.
        let abnormal = variant(&relative, &root.path().join("abnormal"), |text| {
            text.replacen(
                "[conformity]",
                "[prices.abnormally_low]\nbelow_mean_of_others = 10\nbelow_next_lowest = 5\n\n[conformity]",
                1,
            )
        });
        group.bench_with_input(BenchmarkId::new("fixed anchors", bids), &fixed, |b, dir| {
            b.iter(|| score_json(dir))
        });
        group.bench_with_input(BenchmarkId::new("relative", bids), &relative, |b, dir| {
            b.iter(|| score_json(dir))
        });
        group.bench_with_input(
            BenchmarkId::new("relative, abnormally low test", bids),
            &abnormal,
            |b, dir| b.iter(|| score_json(dir)),
        );
    }
    group.finish();
}

/// A copy of the tender folder `from` at `to`, its `tender.toml` edited; returns `to`.
fn variant(from: &Path, to: &Path, edit: impl Fn(&str) -> String) -> std::path::PathBuf {
    copy(from, to);
    let file = to.join("tender.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the variant changes the tender");
    std::fs::write(&file, edited).unwrap();
    to.to_path_buf()
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
