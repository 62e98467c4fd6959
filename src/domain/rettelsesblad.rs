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

/// What a change does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Sets a value the tender has.
    Set,
    /// Appends a table to a list of tables (`criteria`, `requirements`).
    Add,
    /// Removes a table of such a list (by id) or a field.
    Remove,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Set => "set",
            ChangeKind::Add => "add",
            ChangeKind::Remove => "remove",
        }
    }
}

/// One change of a rettelsesblad.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The readable path: `criteria.spor1.max`, `prices.below_min.rule`,
    /// `model.anchors.1.points`, ...; for an addition, the list (`criteria`).
    pub path: String,
    /// The new value as written in the rettelsesblad (TOML); empty for a removal.
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

    /// Whether the change can alter how bids are evaluated: every change except one to
    /// the documented metadata (the tender's id, title, authority and deadline; names,
    /// clause references, clause texts and reasons; the model's title). What is not known
    /// to be metadata counts, so no new field escapes the legal check.
    pub fn changes_evaluation(&self) -> bool {
        if self.kind != ChangeKind::Set {
            // A criterion, price line, requirement or rule added or removed.
            return true;
        }
        const METADATA: &[&str] = &["id", "title", "authority", "deadline"];
        const METADATA_ENDS: &[&str] = &[".name", ".source", ".text", ".reason"];
        let p = self.path.as_str();
        let metadata = match self.model_path() {
            Some(model) => ["title", "source", "name"].contains(&model),
            None => {
                METADATA.contains(&p)
                    || ["source", "text"].contains(&p)
                    || METADATA_ENDS.iter().any(|end| p.ends_with(end))
            }
        };
        !metadata
    }
}
