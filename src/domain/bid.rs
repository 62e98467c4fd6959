//! A bid as submitted: the bidder, its reservation declaration, its prices and the
//! evaluators' points.

use std::collections::BTreeMap;

/// A bid's few prices, points and field lines: a sorted `Vec` (`litemap`), not a
/// `BTreeMap` that allocates a node for eleven entries per map and bid.
use litemap::LiteMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::values::{Money, Points};

use super::{BidId, CriterionId};

/// The line of each field of a bid file, for evidence: the few top-level fields, and each
/// entry of the tables keyed by criterion (`prices.spor1`). Compact, since every bid has
/// one: a line number per field and the tender's shared criterion id, no string per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldLines {
    /// By the index of the field's name in [`FieldLines::TOP`]; 0 where not written.
    top: [u32; FieldLines::TOP.len()],
    /// (index of the table in [`FieldLines::TABLES`], the key, the line).
    entries: Vec<(u8, CriterionId, u32)>,
}

impl FieldLines {
    /// The top-level fields whose lines are kept.
    pub const TOP: [&'static str; 6] = [
        "bidder",
        "cvr",
        "reservation",
        "submitted",
        "solution_descriptions",
        "quality_characters",
    ];
    /// The tables keyed by criterion whose entries' lines are kept.
    pub const TABLES: [&'static str; 3] = ["criterion_characters", "prices", "points"];

    /// Records the line of a top-level field (one of [`FieldLines::TOP`]; any other
    /// name is not kept).
    pub fn set(&mut self, field: &str, line: usize) {
        if let Some(i) = Self::TOP.iter().position(|f| *f == field) {
            self.top[i] = u32::try_from(line).unwrap_or(u32::MAX);
        }
    }

    /// Records the line of an entry of a table (one of [`FieldLines::TABLES`]).
    pub fn set_entry(&mut self, table: &str, key: CriterionId, line: usize) {
        if let Some(i) = Self::TABLES.iter().position(|t| *t == table) {
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            self.entries.push((i as u8, key, line));
        }
    }

    /// The line of a field named as in the file: `submitted`, `prices.spor1`.
    pub fn get(&self, field: &str) -> Option<usize> {
        let line = match field.split_once('.') {
            None => {
                let i = Self::TOP.iter().position(|f| *f == field)?;
                Some(self.top[i]).filter(|line| *line > 0)
            }
            Some((table, key)) => {
                let t = Self::TABLES.iter().position(|x| *x == table)?;
                self.entries
                    .iter()
                    .find(|(i, id, _)| usize::from(*i) == t && id.as_str() == key)
                    .map(|(_, _, line)| *line)
            }
        };
        line.map(|l| l as usize)
    }
}

/// The reservation declaration box of the bid form ("Har Tilbudsgiver forbehold?").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Declaration {
    /// NEJ ticked: no reservation declared.
    No,
    /// JA ticked: a reservation is declared.
    Yes,
    /// Both boxes ticked: the declaration is ambiguous.
    Both,
    /// Neither box ticked: the declaration is missing.
    Neither,
}

impl Declaration {
    pub fn name(self) -> &'static str {
        match self {
            Declaration::No => "no",
            Declaration::Yes => "yes",
            Declaration::Both => "both",
            Declaration::Neither => "neither",
        }
    }
}

/// What a reservation found by the evaluators is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReservationAbout {
    /// Any term of the tender documents.
    Terms,
    /// Which citizens the supplier will accept.
    Citizens,
}

/// A reservation the evaluators found while reading a bid, as they recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundReservation {
    pub about: ReservationAbout,
    /// The bid's own words, shared with the raw bid and every version's bid.
    pub text: std::sync::Arc<str>,
    /// Where it stands in the bid (page, section).
    pub location: String,
    /// The clause of the tender documents it deviates from.
    pub deviates_from: String,
    /// The line of the bid file where it is recorded.
    pub line: usize,
}

/// The individual evaluators' points on one criterion, and why the consensus differs from
/// their mean where it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    /// (evaluator, points), in the order of the file.
    pub evaluators: Vec<(String, Points)>,
    pub reason: Option<String>,
    /// The line of the panel in the bid file.
    pub line: usize,
}

impl Panel {
    /// The exact mean of the evaluators' points.
    pub fn mean(&self) -> Points {
        let sum: Points = self.evaluators.iter().map(|(_, p)| *p).sum();
        Points::new(sum.value() / Decimal::from(self.evaluators.len().max(1)))
    }

    /// The distance between the highest and the lowest evaluator.
    pub fn spread(&self) -> Points {
        let points = self.evaluators.iter().map(|(_, p)| *p);
        Points::new(
            points.clone().max().unwrap_or_default().value()
                - points.min().unwrap_or_default().value(),
        )
    }
}

/// A bid as submitted, with the evaluators' quality points.
#[derive(Clone, Debug)]
pub struct Bid {
    pub id: BidId,
    /// The bid file's path as shown in reports, relative to the tender folder.
    pub file: String,
    /// Shared with the raw bid and every score of it (see [`crate::input::raw`]).
    pub bidder: std::sync::Arc<str>,
    pub cvr: String,
    /// The time of submission as written (RFC 3339).
    pub submitted: String,
    pub submitted_at: jiff::Timestamp,
    pub declaration: Declaration,
    /// The declaration's word as the bid file writes it (`"ja"`, `"no"`), for evidence.
    pub declaration_written: String,
    /// Reservations the evaluators found while reading.
    pub reservations_found: Vec<FoundReservation>,
    /// The number of solution descriptions submitted (more than one: an alternative bid).
    pub solution_descriptions: u64,
    /// The characters of the quality description, spaces included, where counted.
    pub quality_characters: Option<u64>,
    /// The characters of the part answering each criterion, where counted.
    pub criterion_characters: BTreeMap<CriterionId, u64>,
    /// The line of each field in the bid file (`reservation`, `submitted`, `prices.spor1`,
    /// ...), for evidence.
    pub lines: FieldLines,
    /// The prices as written in the bid, by price line id; a missing line is absent.
    pub prices: LiteMap<CriterionId, Money>,
    /// The evaluators' (consensus) points by quality criterion id.
    pub points: LiteMap<CriterionId, Points>,
    /// The individual evaluators' points behind the consensus, where recorded.
    pub panels: BTreeMap<CriterionId, Panel>,
    /// The evaluators' assessment of each minimum requirement, by requirement id.
    pub requirements: BTreeMap<String, Assessment>,
    /// In a tender with lots: the lots the bid covers, in the bidder's order of priority.
    pub lots: Vec<String>,
    /// The negotiation round the bid was submitted in: 1 for an initial bid. A bidder
    /// without a revised bid in a later round stands by its latest one.
    pub round: u32,
    /// The bidder's bids of earlier rounds that this one replaced, oldest first.
    pub earlier: Vec<EarlierBid>,
}

/// A bid of an earlier round, replaced by a revised bid: when it was submitted, so a bid
/// that was late is not revived by a revised one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlierBid {
    pub round: u32,
    /// The bid file, relative to the tender folder.
    pub file: String,
    /// As written, and as an instant.
    pub submitted: String,
    pub submitted_at: jiff::Timestamp,
}

/// Whether a bid meets one minimum requirement, as the evaluators recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub met: bool,
    /// Where the bid shows it (page, section); required where it is not met.
    pub evidence: Option<String>,
    /// The line of the assessment in the bid file.
    pub line: usize,
}

#[cfg(test)]
mod field_lines_tests {
    use super::*;

    #[test]
    fn a_field_line_is_found_by_the_name_the_file_uses() {
        let mut lines = FieldLines::default();
        lines.set("submitted", 3);
        lines.set_entry("prices", CriterionId("spor1".into()), 7);
        lines.set_entry("points", CriterionId("spor1".into()), 11);
        assert_eq!(lines.get("submitted"), Some(3));
        assert_eq!(lines.get("prices.spor1"), Some(7));
        assert_eq!(lines.get("points.spor1"), Some(11));
        // Not written, not kept, or a key of another table: no line.
        assert_eq!(lines.get("cvr"), None);
        assert_eq!(lines.get("prices.spor2"), None);
        assert_eq!(lines.get("criterion_characters.spor1"), None);
        assert_eq!(lines.get("nonsense.spor1"), None);
        assert_eq!(lines.get("prices"), None);
    }
}
