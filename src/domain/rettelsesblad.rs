//! Rettelsesblade: the numbered, dated changes to the tender documents.

/// A rettelsesblad (erratum): numbered, dated changes that rank above the tender
/// conditions and apply in number order (contract pkt. 2.1.1 of the reference tender).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rettelsesblad {
    pub number: u32,
    pub date: jiff::civil::Date,
    pub title: String,
    pub reference: String,
    /// The file, relative to the tender folder.
    pub file: String,
    pub changes: Vec<Change>,
}

/// One change of a rettelsesblad.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The readable path: `criteria.spor1.max`, `prices.below_min.rule`,
    /// `model.anchors.1.points`, ...
    pub path: String,
    /// The new value as written in the rettelsesblad (TOML).
    pub value: String,
    pub reason: Option<String>,
    /// Where the change stands, for diagnostics: file id and the span of its path.
    pub file: usize,
    pub span: std::ops::Range<usize>,
    pub line: usize,
}

impl Change {
    /// A change to the scoring model rather than the tender file.
    pub fn model_path(&self) -> Option<&str> {
        self.path.strip_prefix("model.")
    }

    /// Whether the change alters how bids are evaluated (weights, price bands, price rules,
    /// the model or the scale), as opposed to texts, clauses or the deadline.
    pub fn changes_evaluation(&self) -> bool {
        let p = self.path.as_str();
        self.model_path().is_some()
            || p.starts_with("prices.")
            || p.starts_with("scale.")
            || (p.starts_with("criteria.")
                && [".weight", ".min", ".max", ".kind", ".parent"]
                    .iter()
                    .any(|end| p.ends_with(end)))
    }
}
