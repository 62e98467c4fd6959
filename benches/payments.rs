//! `cargo bench --bench payments`: `payments` of the reference tender (with its index
//! file) over 10, 1 000 and 100 000 generated orders, as the installed binary runs it,
//! whole process, JSON to a file. TENDERSCORE_BENCH_MAX_ORDERS caps the sizes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn max_orders() -> usize {
    std::env::var("TENDERSCORE_BENCH_MAX_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// `n` orders of 1 to 6 months placed in 2024, both suppliers and both lines, from a
/// fixed linear congruential sequence (the same file every run).
fn orders(n: usize) -> String {
    let mut state: u64 = 1;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % bound
    };
    let mut text = String::from("id;supplier;line;ordered;start;end;hours\n");
    for i in 0..n {
        let ordered = jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(next(300) as i64);
        let start = ordered + jiff::Span::new().days(next(20) as i64);
        let end = start + jiff::Span::new().days(5 + next(175) as i64);
        let supplier = ["kompas", "job-og-trivsel"][next(2) as usize];
        let (line, hours) = [("spor1", ""), ("spor2", "6")][next(2) as usize];
        let _ = writeln!(
            text,
            "o{i};{supplier};{line};{ordered};{start};{end};{hours}"
        );
    }
    text
}

fn settle(tender: &Path, orders: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_tenderscore"))
        .arg("payments")
        .arg(tender)
        .arg(orders)
        .arg("--index")
        .arg(tender.join("kontrakt/indeks.toml"))
        .args(["-f", "json", "-o"])
        .arg(out)
        .status()
        .expect("run tenderscore");
    assert!(status.success());
}

fn bench(c: &mut Criterion) {
    let tender = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tenders/kk-traedesten-2024");
    let dir = tempfile::TempDir::new().unwrap();
    let mut group = c.benchmark_group("payments, JSON, whole process");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    for n in [10, 1_000, 100_000] {
        if n > max_orders() {
            continue;
        }
        let file = dir.path().join(format!("orders-{n}.csv"));
        std::fs::write(&file, orders(n)).unwrap();
        let out = dir.path().join(format!("settlement-{n}.json"));
        group.bench_with_input(BenchmarkId::new("orders", n), &file, |b, file| {
            b.iter(|| settle(&tender, file, &out))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
