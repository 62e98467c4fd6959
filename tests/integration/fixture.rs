//! A writable copy of the reference tender and its scoring models in a temporary folder,
//! so a test can break one file and run the binary on it.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub const REFERENCE: &str = "tenders/kk-traedesten-2024";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Fixture {
    pub root: TempDir,
}

impl Fixture {
    /// `<tmp>/scoring-models/*` and `<tmp>/tender/{tender.toml, bids/*}`.
    pub fn reference() -> Fixture {
        Fixture::copy_of(REFERENCE)
    }

    /// The same for another shipped tender (`tenders/<name>`).
    pub fn copy_of(tender: &str) -> Fixture {
        let root = TempDir::new().expect("temp dir");
        copy_dir(
            &repo().join("scoring-models"),
            &root.path().join("scoring-models"),
        );
        copy_dir(&repo().join(tender), &root.path().join("tender"));
        Fixture { root }
    }

    pub fn tender_dir(&self) -> PathBuf {
        self.root.path().join("tender")
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.tender_dir().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).expect("read fixture file")
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write fixture file");
    }

    /// Replaces one exact piece of a file; panics if it is not there, so a test never
    /// silently checks an unbroken file.
    pub fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    pub fn remove(&self, relative: &str) {
        fs::remove_file(self.path(relative)).expect("remove");
    }

    /// `tenderscore <command> <tender dir> <args...>`, run from the fixture's root.
    pub fn run(&self, command: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("tenderscore")
            .expect("binary")
            .current_dir(self.root.path())
            .arg(command)
            .arg("tender")
            .args(args)
            .assert()
    }
}

impl Fixture {
    /// `tenderscore <command> <path> <args...>`, run from the fixture's root, with any
    /// path for the tender.
    pub fn run_path(&self, command: &str, path: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("tenderscore")
            .expect("binary")
            .current_dir(self.root.path())
            .arg(command)
            .arg(path)
            .args(args)
            .assert()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The line of `needle` in a file's text (1-based), to check a message names it.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8 stderr")
}

/// The entry of one bid in a JSON report, by its id.
pub fn bid<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["bids"]
        .as_array()
        .expect("bids in report")
        .iter()
        .find(|b| b["bid"] == id)
        .expect("bid in report")
}

/// A command's standard output parsed as JSON.
pub fn json(assert: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_str(&stdout(assert)).expect("valid JSON")
}

/// (bid, total) of every bid of a JSON report, in ranking order ("-" for no total).
pub fn ranked(report: &serde_json::Value) -> Vec<(String, String)> {
    report["bids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["bid"].as_str().unwrap().into(),
                b["total"].as_str().unwrap_or("-").into(),
            )
        })
        .collect()
}

impl Fixture {
    /// Adds TOML tables to the tender file, before its criteria (so they stay top-level).
    pub fn add_to_tender(&self, tables: &str) {
        self.replace(
            "tender.toml",
            "# The award criteria as a tree",
            &format!("{tables}\n\n# The award criteria as a tree"),
        );
    }
}
