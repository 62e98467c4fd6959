//! How far the inputs of a corpus get: `cargo run --release --example reach -- TARGET
//! PATH...` (files, or folders of files) prints how many parsed, validated and were scored.
//! A panic here is a crash, as in the fuzzer.

use std::path::PathBuf;

use tenderscore_fuzz::targets::{self, Reached};

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().expect("usage: reach TARGET PATH...");
    let run: fn(&[u8]) -> Reached = match target.as_str() {
        "bid" => targets::bid,
        "tender" => targets::tender,
        "model" => targets::model,
        "rettelsesblad" => targets::rettelsesblad,
        other => panic!("unknown target {other}"),
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for path in args.map(PathBuf::from) {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&path)
                .expect("a readable folder")
                .map(|e| e.expect("an entry").path())
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path);
        }
    }
    let (mut parsed, mut valid, mut scored, mut evaluations) = (0, 0, 0, 0);
    for file in &files {
        let reached = run(&std::fs::read(file).expect("a readable file"));
        parsed += usize::from(reached.parsed);
        valid += usize::from(reached.valid);
        scored += usize::from(reached.evaluations > 0);
        evaluations += reached.evaluations;
    }
    println!(
        "{target}: {} inputs, {parsed} parsed, {valid} valid, {scored} scored ({evaluations} evaluations rendered)",
        files.len()
    );
}
