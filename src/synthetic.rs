//! Synthetic tenders for benchmarks and batch tests: tenders shaped like the reference
//! tender, with bids and rettelsesblade, written to a new folder.
//!
//! Contract: the same arguments always write the same files (a fixed-seed generator, no
//! clock); it writes only into a folder that is new or empty, so it can never overwrite
//! anyone's tender.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The shipped reference model, so a generated batch is self-contained.
const MODEL: &str = include_str!("../scoring-models/kk-minmax-8.toml");

/// The size of a generated batch.
#[derive(Clone, Copy, Debug)]
pub struct Batch {
    pub tenders: usize,
    pub bids: usize,
    pub rettelsesblade: usize,
}

/// xorshift64*: a small deterministic generator; the data need not be random, only varied.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A whole number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

/// Writes `root/scoring-models/` and `root/tenders/tNNNN/` for every tender of the batch.
pub fn write(root: &Path, batch: Batch) -> io::Result<()> {
    if root.exists() && fs::read_dir(root)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty; give a new folder", root.display()),
        ));
    }
    fs::create_dir_all(root.join("scoring-models"))?;
    fs::write(root.join("scoring-models/kk-minmax-8.toml"), MODEL)?;
    for t in 0..batch.tenders {
        let mut seq = Sequence(0x9E37_79B9_7F4A_7C15 ^ (t as u64 + 1));
        let dir = root.join(format!("tenders/t{t:04}"));
        fs::create_dir_all(dir.join("bids"))?;
        fs::create_dir_all(dir.join("rettelsesblade"))?;
        let min1 = seq.between(300, 400);
        let max1 = min1 + seq.between(40, 80);
        let min2 = seq.between(1000, 1200);
        let max2 = min2 + seq.between(150, 250);
        fs::write(dir.join("tender.toml"), tender(t, min1, max1, min2, max2))?;
        for b in 0..batch.bids {
            fs::write(
                dir.join(format!("bids/b{b:03}.toml")),
                bid(&mut seq, b, (min1, max1), (min2, max2)),
            )?;
        }
        for r in 1..=batch.rettelsesblade {
            fs::write(
                dir.join(format!("rettelsesblade/{r:02}.toml")),
                rettelsesblad(r, max1),
            )?;
        }
    }
    Ok(())
}

fn tender(t: usize, min1: u64, max1: u64, min2: u64, max2: u64) -> String {
    format!(
        r#"id = "t{t:04}"
title = "Synthetic tender {t}"
authority = "Synthetic"
currency = "DKK"
deadline = 2023-10-02T12:00:00+02:00

[scale]
min = 0
max = 10

[prices]
model = "kk-minmax-8"
whole_kroner = {{ rule = "up" }}
below_min = {{ rule = "raise" }}
above_max = {{ rule = "lower" }}
missing = {{ rule = "max" }}

[conformity]
declared_reservation = {{ rule = "reject" }}
late_bid = {{ rule = "reject" }}

[[criteria]]
id = "kvalitet"
weight = 90

[[criteria]]
id = "indsats"
parent = "kvalitet"
weight = 65

[[criteria]]
id = "samarbejde"
parent = "kvalitet"
weight = 35

[[criteria]]
id = "pris"
weight = 10

[[criteria]]
id = "spor1"
parent = "pris"
kind = "price"
unit = "weekday"
min = {min1}
max = {max1}
weight = 50

[[criteria]]
id = "spor2"
parent = "pris"
kind = "price"
unit = "hour"
min = {min2}
max = {max2}
weight = 50
"#
    )
}

/// A price around the band: sometimes below or above it, sometimes with øre.
fn price(seq: &mut Sequence, (min, max): (u64, u64)) -> String {
    let kroner = seq.between(min.saturating_sub(20), max + 20);
    match seq.between(0, 3) {
        0 => format!("{kroner}.{:02}", seq.between(1, 99)),
        _ => kroner.to_string(),
    }
}

fn bid(seq: &mut Sequence, b: usize, spor1: (u64, u64), spor2: (u64, u64)) -> String {
    let reservation = if seq.between(0, 19) == 0 { "yes" } else { "no" };
    let mut text = format!(
        "bidder = \"Bidder {b:03}\"\ncvr = \"{:08}\"\nsubmitted = 2023-10-01T10:00:00+02:00\nreservation = \"{reservation}\"\n\n[prices]\n",
        10_000_000 + b
    );
    let _ = writeln!(text, "spor1 = {}", price(seq, spor1));
    if seq.between(0, 9) > 0 {
        let _ = writeln!(text, "spor2 = {}", price(seq, spor2));
    }
    let _ = write!(
        text,
        "\n[points]\nindsats = {}\nsamarbejde = {}\n",
        seq.between(0, 10),
        seq.between(0, 10)
    );
    text
}

/// Rettelsesblad `r`: in turn a new maximum for spor1, new weights, new model rounding.
fn rettelsesblad(r: usize, max1: u64) -> String {
    let changes = match r % 3 {
        1 => format!("[[changes]]\npath = \"criteria.spor1.max\"\nvalue = {}\n", max1 + 10 * r as u64),
        2 => "[[changes]]\npath = \"criteria.indsats.weight\"\nvalue = 60\n\n[[changes]]\npath = \"criteria.samarbejde.weight\"\nvalue = 40\n".to_string(),
        _ => format!("[[changes]]\npath = \"model.points.decimals\"\nvalue = {}\n", 2 + r % 2),
    };
    format!(
        "number = {r}\ndate = 2023-09-{:02}\ntitle = \"Synthetic rettelsesblad {r}\"\nreference = \"RB {r}\"\n\n{changes}",
        1 + r.min(20)
    )
}
