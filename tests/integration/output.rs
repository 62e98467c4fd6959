//! Where reports go: never over an input (by any link), never into a tender folder,
//! written whole or not at all, `-` for standard output, and a write error is exit 3.

use std::fs;
use std::process::Stdio;

use assert_cmd::Command;

use crate::fixture::{Fixture, stderr, stdout};

#[test]
fn output_onto_a_hard_link_of_an_input_is_refused() {
    let f = Fixture::reference();
    let link = f.root.path().join("kompas-link.toml");
    fs::hard_link(f.path("bids/kompas.toml"), &link).unwrap();
    let before = f.read("bids/kompas.toml");
    let out = f.run("score", &["--output", "kompas-link.toml"]).code(3);
    assert!(
        stderr(&out).contains("refusing to write kompas-link.toml: it is an input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(f.read("bids/kompas.toml"), before);
}

#[cfg(unix)]
#[test]
fn output_onto_a_symbolic_link_to_an_input_is_refused() {
    let f = Fixture::reference();
    std::os::unix::fs::symlink(f.path("tender.toml"), f.root.path().join("t.toml")).unwrap();
    let before = f.read("tender.toml");
    f.run("score", &["--output", "t.toml"]).code(3);
    assert_eq!(f.read("tender.toml"), before);
}

#[test]
fn output_onto_the_scoring_model_is_refused_by_score_and_rescore() {
    let f = Fixture::reference();
    let model = f.root.path().join("scoring-models/kk-minmax-8.toml");
    let before = fs::read_to_string(&model).unwrap();
    f.run("score", &["--output", "scoring-models/kk-minmax-8.toml"])
        .code(3);
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(f.root.path())
        .args([
            "rescore",
            "tender",
            "--output",
            "scoring-models/kk-minmax-8.toml",
        ])
        .assert()
        .code(3);
    assert!(
        stderr(&out).contains("it is an input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&model).unwrap(), before);
}

#[test]
fn output_inside_a_tender_folder_is_refused() {
    let f = Fixture::reference();
    let out = f
        .run("score", &["--output", "tender/bids/report.toml"])
        .code(3);
    assert!(
        stderr(&out).contains("it lies inside a tender folder"),
        "{}",
        stderr(&out)
    );
    // A new bid file would have been scored by the next run.
    assert!(!f.path("bids/report.toml").exists());
}

#[test]
fn output_dash_is_standard_output() {
    let f = Fixture::reference();
    let out = f
        .run("score", &["--format", "csv", "--output", "-"])
        .success();
    assert!(
        stdout(&out).starts_with('\u{feff}'),
        "the CSV on standard output"
    );
    assert!(!f.root.path().join("-").exists(), "no file named -");
}

#[test]
fn a_report_replaces_the_old_one_whole_and_leaves_no_temporary_file() {
    let f = Fixture::reference();
    let report = f.root.path().join("report.md");
    fs::write(
        &report,
        "an old report that is much longer than nothing\n".repeat(1000),
    )
    .unwrap();
    f.run("score", &["--format", "md", "--output", "report.md"])
        .success();
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.starts_with("# "), "{}", &written[..40]);
    assert!(!written.contains("an old report"));
    let leftovers: Vec<_> = fs::read_dir(f.root.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_closed_standard_output_is_an_error() {
    let f = Fixture::reference();
    // Standard output is a pipe whose reading end is closed before the run starts: the
    // report cannot reach anyone, so exit 3 with a message (it was exit 0).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("tenderscore"))
        .current_dir(f.root.path())
        .args(["score", "tender"])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write to standard output"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A broken tender's files are inputs too: rescore never writes its report over them.
#[test]
fn rescore_never_writes_into_a_broken_tender() {
    let f = Fixture::reference();
    f.replace("bids/kompas.toml", "indsats = 9", "indsats = 11");
    let before = f.read("tender.toml");
    let out = Command::cargo_bin("tenderscore")
        .unwrap()
        .current_dir(f.root.path())
        .args(["rescore", "tender", "-o", "tender/tender.toml"])
        .assert()
        .code(3);
    assert!(
        stderr(&out).contains("refusing to write"),
        "{}",
        stderr(&out)
    );
    assert_eq!(f.read("tender.toml"), before);
}

/// A report is never written into any tender folder (not only the one evaluated), and a
/// device or pipe is written into, never replaced by a file.
#[cfg(unix)]
#[test]
fn reports_spare_other_tender_folders_and_special_files() {
    let f = Fixture::reference();
    crate::fixture::copy_dir(
        &crate::fixture::repo().join("tenders/money-per-point"),
        &f.root.path().join("other"),
    );
    let out = f
        .run_path("memo", "tender", &["-o", "other/bids/alfa.toml"])
        .code(3);
    assert!(crate::fixture::stderr(&out).contains("inside a tender folder"));
    assert!(
        std::fs::read_to_string(f.root.path().join("other/bids/alfa.toml"))
            .unwrap()
            .starts_with("bidder")
    );
    // A named pipe with a reader: the memo flows through it and the pipe stays a pipe.
    let fifo = f.root.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    f.run_path("memo", "tender", &["-o", "pipe"]).success();
    let read = reader.join().unwrap();
    assert!(read.starts_with(b"<!DOCTYPE html>"));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}
