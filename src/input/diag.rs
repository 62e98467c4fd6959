//! Diagnostics: every problem found in the input, with a stable code, the file, the span
//! (and so line and column), the field and how to fix it.
//!
//! Contract: validation never stops at the first problem; it collects [`Diagnostic`]s
//! and [`Report`] renders all of them, in a deterministic order, to plain text.

use std::collections::HashMap;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as RenderedSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

/// Index of a loaded source file in [`Sources`].
pub type FileId = usize;

/// One input file as read from disk: the path it is shown under and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    /// Where each line after the first starts, found the first time a line is asked for:
    /// a file of 10 000 decisions, each with a problem, is not counted through 10 000 times.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// The one-based line of a byte offset (the end of the text for one beyond it).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        // A bid file is a few hundred bytes: counting is cheaper than an index kept for
        // each of 100 000 of them.
        if self.text.len() <= COUNTED_LINES_UP_TO {
            return self.text.as_bytes()[..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
        }
        let starts = self.line_starts.get_or_init(|| line_starts_of(&self.text));
        // The lines starting at or before the offset, the first line included.
        starts.partition_point(|start| *start <= offset) + 1
    }
}

/// Files up to this size have their lines counted each time, larger ones indexed once.
const COUNTED_LINES_UP_TO: usize = 4096;

/// The offsets just after every `\n`: where the second and later lines start.
fn line_starts_of(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i + 1)
        .collect()
}

/// All input files of a run, so that every diagnostic can show its line.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(SourceFile {
            path,
            text,
            line_starts: std::sync::OnceLock::new(),
        });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn iter(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, id: FileId, offset: usize) -> (usize, usize) {
        let file = &self.files[id];
        let before = &file.text[..offset.min(file.text.len())];
        let line = file.line_of(offset);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

/// Declares [`Code`] with each variant's stable code, its `as_str` and the list of every
/// code, so the list cannot miss a variant.
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident => $code:literal,)*) => {
        /// The stable code of each kind of problem. Codes never change meaning; new kinds
        /// get new codes. The README lists them (a test checks that it lists exactly these).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in the order of their numbers.
            pub const ALL: &[Code] = &[$(Code::$name,)*];

            /// The code as printed: `E001`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $code,)*
                }
            }
        }
    };
}

codes! {
    /// A file or folder could not be read.
    Unreadable => "E001",
    /// The file is not valid TOML.
    Syntax => "E002",
    /// A field the format does not know.
    UnknownField => "E003",
    /// A required field is missing or has the wrong type.
    Shape => "E004",
    /// A value that should be a number is not one.
    NotANumber => "E005",
    /// A value outside what the field allows (an unknown rule name, a bad CVR number, ...).
    BadValue => "E006",
    /// An entry of an input folder that looks like an input but is not read: a wrong
    /// name, not a regular file, or a symbolic link to nothing.
    NotRead => "E007",
    /// The weights of the siblings of one level do not sum to 100 %.
    WeightSum => "E101",
    /// Two criteria share an id.
    DuplicateId => "E102",
    /// A criterion names a parent that does not exist, or the parents form a cycle.
    BadParent => "E103",
    /// A price line whose minimum is above its maximum, or a criterion of the wrong kind.
    BadPriceLine => "E104",
    /// The named scoring model has no file.
    UnknownModel => "E105",
    /// A scoring model whose anchors or rounding are unusable.
    BadModel => "E106",
    /// A bid prices a line the tender does not have.
    UnknownPriceLine => "E201",
    /// A bid scores a criterion the tender does not have, or that is not a quality criterion.
    UnknownCriterion => "E202",
    /// Quality points outside the tender's scale.
    PointsOutOfScale => "E203",
    /// A negative price.
    NegativePrice => "E204",
    /// A quality criterion without points in a bid that is to be scored.
    MissingPoints => "E205",
    /// A consensus that differs from the evaluators' mean without a reason.
    MissingReason => "E207",
    /// A bid assesses a requirement the tender does not have.
    UnknownRequirement => "E208",
    /// A bid whose quality is read has no assessment of a requirement.
    MissingAssessment => "E209",
    /// A bid of a negotiation round from a bidder without an initial bid, or a round the
    /// tender does not declare.
    BadRound => "E210",
    /// Rettelsesblade whose numbers are not 1, 2, 3, ... (a gap or a number used twice).
    Numbering => "E301",
    /// A rettelsesblad change whose path does not exist or whose value is not TOML.
    BadChange => "E302",
    /// A decision on a bid the tender does not have, or on a rule that does not exist.
    UnknownDecision => "E401",
    /// An order names a supplier the contract was not awarded to.
    UnknownSupplier => "E501",
    /// An order names a price line the tender does not have, or one the contract does not
    /// say how to pay.
    UnknownOrderLine => "E502",
    /// An order placed outside the contract period (or in an extension not exercised).
    OutsideContract => "E503",
    /// An order whose period, completed days, stop, cancellation or hours do not fit.
    BadOrder => "E504",
    /// Two orders share an id.
    DuplicateOrder => "E505",
    /// An order whose price in force is not known: the index an adjustment needs is missing.
    UnknownPrice => "E506",
    /// An entry of an input folder that is not read (a warning).
    Unlisted => "W001",
    /// A weight the ranking does not use: on price under a money model (a warning).
    UnusedWeight => "W002",
    /// A standstill period shorter than the 10 days of the complaints act (a warning).
    ShortStandstill => "W003",
    /// Hours given for an order on a line paid per weekday, where they are not used (a warning).
    UnusedHours => "W004",
}

/// Where a problem is: a span in a loaded file, or only a path (a file that could not be
/// read has no text to point into).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    Span { file: FileId, span: Range<usize> },
    Path(String),
}

/// One problem in the input.
/// Whether a problem stops the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing is scored until it is fixed.
    Error,
    /// Shown, but the run goes on.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub location: Location,
    /// The field, as a path a person can find in the file (`criteria[indsats].weight`).
    pub field: String,
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Where in a run it was found, when the same file is checked more than once (a bid
    /// checked against the tender as amended by a rettelsesblad).
    pub context: Option<String>,
}

impl Diagnostic {
    pub fn at(code: Code, file: FileId, span: Range<usize>, field: impl Into<String>) -> Draft {
        Draft {
            code,
            location: Location::Span { file, span },
            field: field.into(),
        }
    }

    pub fn for_path(code: Code, path: impl Into<String>) -> Draft {
        Draft {
            code,
            location: Location::Path(path.into()),
            field: String::new(),
        }
    }
}

/// A diagnostic whose message and help are still to be written; keeps call sites short.
pub struct Draft {
    code: Code,
    location: Location,
    field: String,
}

impl Draft {
    /// An error.
    pub fn says(self, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        self.with(Severity::Error, message.into(), help.into())
    }

    /// A warning: shown, but the run goes on.
    pub fn warns(self, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        self.with(Severity::Warning, message.into(), help.into())
    }

    fn with(self, severity: Severity, message: String, help: String) -> Diagnostic {
        Diagnostic {
            severity,
            code: self.code,
            location: self.location,
            field: self.field,
            message,
            help,
            context: None,
        }
    }
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The diagnostics of a run, rendered as text for the terminal.
pub struct Report<'a> {
    pub sources: &'a Sources,
    pub diagnostics: &'a [Diagnostic],
}

impl Report<'_> {
    /// Renders every diagnostic, ordered by file, then position, then code, so the same input
    /// always gives the same text.
    pub fn render(&self) -> String {
        self.render_styled(false)
    }

    /// Renders every diagnostic, in colour (ANSI) where `colour` is set, for a terminal.
    pub fn render_styled(&self, colour: bool) -> String {
        // Only the files a diagnostic points into, borrowed: a run of 100 000 bid files
        // with one warning neither copies nor counts the lines of the other 99 999.
        let mut files = SimpleFiles::new();
        let mut shown: HashMap<FileId, usize> = HashMap::new();
        for diagnostic in self.diagnostics {
            if let Location::Span { file, .. } = diagnostic.location {
                shown.entry(file).or_insert_with(|| {
                    let source = self.sources.get(file);
                    files.add(source.path.as_str(), source.text.as_str())
                });
            }
        }
        let mut ordered: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        ordered.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        let config = term::Config::default();
        let mut out = String::new();
        for diagnostic in ordered {
            let mut notes = Vec::new();
            if !diagnostic.field.is_empty() {
                notes.push(format!("field: {}", diagnostic.field));
            }
            let severity = match diagnostic.severity {
                Severity::Error => RenderedSeverity::Error,
                Severity::Warning => RenderedSeverity::Warning,
            };
            let mut rendered = Rendered::new(severity)
                .with_code(diagnostic.code.as_str())
                .with_message(&diagnostic.message);
            match &diagnostic.location {
                Location::Span { file, span } => {
                    let span = marked(&self.sources.get(*file).text, span.clone());
                    rendered = rendered.with_labels(vec![Label::primary(shown[file], span)]);
                }
                Location::Path(path) => notes.push(format!("file: {path}")),
            }
            if let Some(context) = &diagnostic.context {
                notes.push(format!("in: {context}"));
            }
            notes.push(format!("help: {}", diagnostic.help));
            rendered = rendered.with_notes(notes);
            let emitted = if colour {
                let mut buffer = termcolor::Buffer::ansi();
                let result = term::emit_to_write_style(&mut buffer, &config, &files, &rendered);
                out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
                result
            } else {
                term::emit_to_string(&mut out, &config, &files, &rendered)
            };
            if emitted.is_err() {
                // A span outside its file is a bug in the validator, never in the input;
                // still show the message rather than lose it.
                let word = match diagnostic.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                out.push_str(&format!(
                    "{word}[{}]: {}\n",
                    diagnostic.code.as_str(),
                    diagnostic.message
                ));
            }
        }
        out
    }
}

/// The part of a span to underline: at most its first 80 bytes (on a character boundary),
/// so a 100 kB value is not underlined by 100 kB of carets.
fn marked(text: &str, span: Range<usize>) -> Range<usize> {
    const MARKED: usize = 80;
    if span.len() <= MARKED {
        return span;
    }
    let mut end = span.start + MARKED;
    while end > span.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    span.start..end
}

fn sort_key(d: &Diagnostic) -> (usize, String, usize, Code, &str) {
    match &d.location {
        Location::Span { file, span } => (*file, String::new(), span.start, d.code, &d.message),
        Location::Path(path) => (usize::MAX, path.clone(), 0, d.code, &d.message),
    }
}

/// The known name closest to a misspelled one, if any is close enough to be a likely typo.
pub fn nearest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(wrong, name), name))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name)| name)
}

/// Keeps the first of each problem listed more than once at the same place (a file checked
/// for several versions reports each problem once), in their order. Linear: a tender of
/// 100 000 bids with the same mistake in each lists them all at once.
pub fn dedup(diagnostics: &mut Vec<Diagnostic>) {
    let first: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(diagnostics.len());
        diagnostics
            .iter()
            .map(|d| seen.insert((&d.location, d.code, d.message.as_str())))
            .collect()
    };
    let mut first = first.into_iter();
    // `retain` visits every element once, in order.
    diagnostics.retain(|_| first.next().unwrap_or(true));
}

/// A value as a message quotes it: whole when short, else its start and its length, so a
/// 100 kB value is not repeated in full.
pub fn shorten(text: &str) -> String {
    const SHOWN: usize = 40;
    if text.chars().count() <= SHOWN {
        return text.to_string();
    }
    let start: String = text.chars().take(SHOWN).collect();
    format!("{start}… ({} characters)", text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines are counted in a small file and looked up in an index in a large one; both
    /// give the same line for every offset: 1 + the newlines before it.
    #[test]
    fn a_large_file_gives_the_same_lines_as_a_small_one() {
        let mut sources = Sources::default();
        let small = sources.add("s.toml".into(), "a = 1\nb = 2\n\nc = 3".into());
        // 1 000 lines of "x = 1\n" (6 bytes each): offset 6 × k starts line k + 1.
        let large = sources.add("l.toml".into(), "x = 1\n".repeat(1000));
        let small = sources.get(small);
        assert_eq!(
            [0, 5, 6, 12, 13, 17, 99].map(|o| small.line_of(o)),
            [1, 1, 2, 3, 4, 4, 4]
        );
        let large = sources.get(large);
        assert!(large.text.len() > COUNTED_LINES_UP_TO);
        assert_eq!(
            [0, 5, 6, 11, 12, 5994, 5999, 6000, 7000].map(|o| large.line_of(o)),
            [1, 1, 2, 2, 3, 1000, 1000, 1001, 1001]
        );
    }

    #[test]
    fn dedup_keeps_the_first_of_each_problem_at_each_place_in_order() {
        let at = |start: usize, message: &str, context: Option<&str>| {
            let mut d = Diagnostic::at(Code::NotANumber, 0, start..start + 1, "prices.spor1")
                .says(message, "fix it");
            d.context = context.map(str::to_string);
            d
        };
        let mut found = vec![
            at(5, "below 0", Some("version 0")),
            at(9, "below 0", None),
            // The same problem at the same place, found again in version 1: dropped.
            at(5, "below 0", Some("version 1")),
            // Another problem at the same place, and the same problem elsewhere: kept.
            at(5, "too many decimals", None),
            at(9, "below 0", None),
        ];
        dedup(&mut found);
        let kept: Vec<(usize, &str, Option<&str>)> = found
            .iter()
            .map(|d| match &d.location {
                Location::Span { span, .. } => {
                    (span.start, d.message.as_str(), d.context.as_deref())
                }
                Location::Path(_) => unreachable!("only spans here"),
            })
            .collect();
        assert_eq!(
            kept,
            [
                (5, "below 0", Some("version 0")),
                (9, "below 0", None),
                (5, "too many decimals", None),
            ]
        );
    }

    #[test]
    fn line_and_column_are_one_based() {
        let mut sources = Sources::default();
        let id = sources.add("t.toml".into(), "a = 1\nweight = 65\n".into());
        // "65" starts at byte 15: line 2, column 10.
        assert_eq!(sources.line_column(id, 15), (2, 10));
        assert_eq!(sources.line_column(id, 0), (1, 1));
    }

    #[test]
    fn nearest_suggests_typos_only() {
        assert_eq!(
            nearest("wieght", ["weight", "parent", "id"]),
            Some("weight")
        );
        assert_eq!(nearest("colour", ["weight", "parent", "id"]), None);
    }

    #[test]
    fn report_names_file_line_field_and_fix() {
        let mut sources = Sources::default();
        let id = sources.add("tender.toml".into(), "a = 1\nweight = 65\n".into());
        let diagnostic = Diagnostic::at(Code::WeightSum, id, 15..17, "criteria[x].weight")
            .says("weights sum to 110 %", "make them sum to 100 %");
        let text = Report {
            sources: &sources,
            diagnostics: &[diagnostic],
        }
        .render();
        assert!(text.contains("error[E101]: weights sum to 110 %"), "{text}");
        assert!(text.contains("tender.toml:2:10"), "{text}");
        assert!(text.contains("field: criteria[x].weight"), "{text}");
        assert!(text.contains("help: make them sum to 100 %"), "{text}");
    }
}
