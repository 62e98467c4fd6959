//! The input files as written: serde structures that mirror the TOML formats, with spans.
//!
//! Contract: [`parse`] turns a file's text into one of these structures or into one
//! diagnostic (TOML syntax, an unknown field with the nearest known name, a missing field
//! or a value of the wrong type). Every field keeps its span; numbers are kept as TOML
//! values so that `validate` can read their exact decimal text from the file instead of
//! the nearest binary float.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::value::Datetime;

use crate::input::diag::{Code, Diagnostic, FileId, Sources, nearest, shorten};

/// A number as written in the file: kept as a TOML value with its span, read exactly later.
pub type Num = Spanned<toml::Value>;

/// A table of a bid read as its entries in the file's order. A bid holds a handful of
/// entries per table, and a `BTreeMap` allocates a node for eleven (about 1 kB here) for
/// each: with 100 000 bids that was the largest part of the memory spent on reading them.
/// TOML itself refuses a key written twice, so the keys are unique.
#[derive(Debug)]
pub struct Pairs<K, V>(Vec<(K, V)>);

impl<K, V> Pairs<K, V> {
    pub fn iter(&self) -> std::slice::Iter<'_, (K, V)> {
        self.0.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<K, V> Default for Pairs<K, V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'a, K, V> IntoIterator for &'a Pairs<K, V> {
    type Item = &'a (K, V);
    type IntoIter = std::slice::Iter<'a, (K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Pairs<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<K, V> {
            type Value = Pairs<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Pairs(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// `tender.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTender {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub authority: Spanned<String>,
    pub currency: Spanned<String>,
    /// The language of the documents: "da" (the default) or "en".
    pub language: Option<Spanned<String>>,
    /// The standstill period in calendar days (default 10).
    pub standstill_days: Option<Num>,
    pub deadline: Spanned<Datetime>,
    pub scale: RawScale,
    pub quality: Option<RawQuality>,
    /// Optional as a whole: a tender with its model under `[model]` and no price line
    /// needs none of it.
    #[serde(default)]
    pub prices: RawPriceRules,
    /// The scoring model defined in the tender itself, instead of named by
    /// `prices.model`: the tender folder then holds everything that decides the result.
    pub model: Option<Spanned<RawModel>>,
    pub conformity: Option<RawConformity>,
    pub ranking: Option<RawRanking>,
    pub criteria: Vec<RawCriterion>,
    /// The contract the tender leads to: what `payments` and `index` need.
    pub contract: Option<RawContract>,
    /// The minimum requirements (mindstekrav) every bid must meet.
    #[serde(default)]
    pub requirements: Vec<Spanned<RawRequirement>>,
    /// `[award]`: several suppliers and how the work is shared among them.
    pub award: Option<Spanned<RawAward>>,
    /// `[[lots]]`: the lots (delkontrakter) the tender is split into.
    #[serde(default)]
    pub lots: Vec<Spanned<RawLot>>,
    /// `[lot_limit]`: the most lots one bidder may be awarded, and which it keeps.
    pub lot_limit: Option<Spanned<RawLotLimit>>,
    /// `[[rounds]]`: the negotiation rounds after the initial bids, in order.
    #[serde(default)]
    pub rounds: Vec<Spanned<RawRound>>,
}

/// `[[rounds]]`: one negotiation round after the initial bids (round 2, 3, ...); its bids
/// are the files of `rounds/<number>/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRound {
    pub name: Spanned<String>,
    pub deadline: Spanned<Datetime>,
    pub source: Option<String>,
}

/// `[[lots]]`: one lot; its criteria are those without `lots` and those naming it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLot {
    pub id: Spanned<String>,
    pub name: Option<String>,
    pub source: Option<String>,
    /// The lot's own award (suppliers, allocation); the tender's `[award]` otherwise.
    pub award: Option<Spanned<RawAward>>,
}

/// `[lot_limit]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLotLimit {
    pub per_bidder: Num,
    /// "lot-order" (the lots in the tender's order) or "bidder-priority" (the order of the
    /// bid's own `lots`).
    pub keep: Spanned<String>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// `[[requirements]]`: one minimum requirement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub id: Spanned<String>,
    pub text: String,
    pub source: Option<String>,
    /// "reject", "review" or "correct".
    pub unmet: Spanned<String>,
}

/// `[award]`: how many suppliers, and how the work is allocated among them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAward {
    pub suppliers: Num,
    /// "cascade", "equal" or "shares".
    pub allocation: Spanned<String>,
    /// With "shares": percent per place in the ranking, first place first.
    pub shares: Option<Spanned<Vec<Num>>>,
    pub volume: Option<Num>,
    pub unit: Option<String>,
    /// "by-rank": units left over from shares that are not whole go to the first places.
    pub remainder: Option<Spanned<String>>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// `[contract]`: the contract period, payment per price line, weekdays, cancellation,
/// indexation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContract {
    pub start: Spanned<Datetime>,
    pub end: Spanned<Datetime>,
    pub extension: Option<RawExtension>,
    pub source: Option<String>,
    /// Bid ids of the suppliers the contract was awarded to.
    pub suppliers: Option<Vec<Spanned<String>>>,
    pub weekdays: RawWeekdays,
    pub payment: Spanned<BTreeMap<Spanned<String>, RawLinePayment>>,
    pub cancellation: Option<RawCancellation>,
    pub amount_rounding: Option<RawPointsRounding>,
    pub indexation: Option<RawIndexation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtension {
    pub until: Spanned<Datetime>,
    #[serde(default)]
    pub exercised: bool,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeekdays {
    /// Kinds of day that are no weekday: "public-holidays", "christmas-eve", ...
    pub excluded: Vec<Spanned<String>>,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLinePayment {
    /// "weekday" or "hour".
    pub per: Spanned<String>,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCancellation {
    pub days_before_start: Num,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndexation {
    pub index: Spanned<String>,
    /// Percent.
    pub threshold: Num,
    pub change_rounding: Option<RawPointsRounding>,
    pub price_rounding: RawPointsRounding,
    /// "order-date" or "delivery-date".
    pub applies_to: Spanned<String>,
    pub adjustments: Vec<Spanned<RawAdjustment>>,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdjustment {
    pub effective: Spanned<Datetime>,
    pub from: Spanned<String>,
    pub to: Spanned<String>,
}

/// An index file: the index's name and its value per period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndex {
    pub index: Spanned<String>,
    pub source: Option<String>,
    pub values: BTreeMap<Spanned<String>, Num>,
}

/// An orders file in TOML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrders {
    #[serde(default)]
    pub orders: Vec<RawOrder>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrder {
    pub id: Spanned<String>,
    pub citizen: Option<Spanned<String>>,
    pub supplier: Spanned<String>,
    pub line: Spanned<String>,
    pub ordered: Spanned<Datetime>,
    pub start: Spanned<Datetime>,
    pub end: Spanned<Datetime>,
    pub hours: Option<Num>,
    pub stopped: Option<Spanned<Datetime>>,
    pub completed_days: Option<Num>,
    pub cancelled: Option<Spanned<Datetime>>,
}

/// `[ranking]`: how equal totals are ordered.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRanking {
    /// Criterion ids; the higher weighted points on each decide, in turn.
    #[serde(default)]
    pub tie_break: Vec<Spanned<String>>,
    /// Round the total (only the total) before ranking.
    pub total_rounding: Option<RawPointsRounding>,
    pub source: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub min: Num,
    pub max: Num,
    /// What each step means, lowest first.
    #[serde(default)]
    pub descriptors: Vec<RawDescriptor>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDescriptor {
    pub points: Num,
    pub text: String,
}

/// `[quality]`: disagreement threshold and minimum quality.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuality {
    /// In points: flag a criterion whose evaluators lie further apart.
    pub disagreement: Option<Num>,
    /// In % of each quality criterion's maximum.
    pub min_per_criterion: Option<Num>,
    /// In % of the quality criteria's combined maximum.
    pub min_total: Option<Num>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// The individual evaluators' points on one criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPanel {
    pub points: Spanned<BTreeMap<Spanned<String>, Num>>,
    pub reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPriceRules {
    /// The name of a model (in a models folder or the built-in library), unless the tender
    /// defines its own under `[model]`.
    pub model: Option<Spanned<String>>,
    /// Each rule only where it can apply: `below_min` and `above_max` where a price line
    /// has a band, `missing` where there is a price line; `whole_kroner` always optional.
    pub whole_kroner: Option<RawRule>,
    pub below_min: Option<RawRule>,
    pub above_max: Option<RawRule>,
    pub missing: Option<RawRule>,
    /// Expected quantity per price line: the lines are combined into one evaluation price,
    /// the sum of price × quantity, and scored as one price.
    pub volumes: Option<Spanned<BTreeMap<Spanned<String>, Num>>>,
    /// When a price is so low that the bidder must be asked to explain it (udbudsloven
    /// § 169): percentages below the other bids' prices.
    pub abnormally_low: Option<Spanned<RawAbnormallyLow>>,
}

/// `[prices.abnormally_low]`: at least one of the two tests.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAbnormallyLow {
    /// In %: a price more than this below the mean of the other bids' prices on the line.
    pub below_mean_of_others: Option<Num>,
    /// In %: the lowest price more than this below the next lowest on the line.
    pub below_next_lowest: Option<Num>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// `[conformity]`: each rule is optional; a rule not stated is not applied.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConformity {
    pub declared_reservation: Option<RawRule>,
    pub found_reservation: Option<RawRule>,
    pub citizen_reservation: Option<RawRule>,
    pub alternative_bid: Option<RawRule>,
    pub late_bid: Option<RawRule>,
    pub unclear_declaration: Option<RawRule>,
    pub length_limit: Option<RawLengthLimit>,
}

/// A rule: what to do, and the clause it comes from, by reference and in its own words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub rule: Spanned<String>,
    pub source: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLengthLimit {
    pub pages: Num,
    pub characters_per_page: Num,
    pub source: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: Spanned<String>,
    pub name: Option<String>,
    pub parent: Option<Spanned<String>>,
    /// Absent only for price lines (and groups of them) under a money model.
    pub weight: Option<Num>,
    pub kind: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub min: Option<Num>,
    pub max: Option<Num>,
    /// A target price, for models with anchors relative to it.
    pub target: Option<Num>,
    /// A quality criterion's own point scale.
    pub scale: Option<RawScale>,
    pub source: Option<String>,
    /// In a tender with lots: the lots the criterion belongs to (absent: every lot).
    pub lots: Option<Vec<Spanned<String>>>,
    /// The most the part of the description answering this (quality) criterion may hold.
    pub length_limit: Option<RawLengthLimit>,
}

/// `bids/<id>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBid {
    /// Shared, not copied, by the bid of every version and its score: a bidder name of
    /// megabytes is held once.
    pub bidder: Spanned<std::sync::Arc<str>>,
    pub cvr: Spanned<String>,
    pub submitted: Spanned<Datetime>,
    pub reservation: Spanned<String>,
    pub solution_descriptions: Option<Num>,
    pub quality_characters: Option<Num>,
    /// The characters of the part of the description answering each quality criterion
    /// (or group of them) that the tender limits, spaces included.
    #[serde(default)]
    pub criterion_characters: Pairs<Spanned<String>, Num>,
    #[serde(default)]
    pub prices: Pairs<Spanned<String>, Num>,
    #[serde(default)]
    pub points: Pairs<Spanned<String>, Num>,
    #[serde(default)]
    pub reservations_found: Vec<Spanned<RawFoundReservation>>,
    /// The individual evaluators' points, by quality criterion.
    #[serde(default)]
    pub evaluators: Pairs<Spanned<String>, RawPanel>,
    /// The evaluators' assessment of each minimum requirement, by requirement id.
    #[serde(default)]
    pub requirements: Pairs<Spanned<String>, Spanned<RawAssessment>>,
    /// In a tender with lots: the lots the bid covers, in the bidder's order of priority.
    pub lots: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Whether a bid meets one requirement, and where the bid shows it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub met: bool,
    pub evidence: Option<String>,
}

/// A reservation the evaluators found while reading the bid.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFoundReservation {
    pub about: Spanned<String>,
    /// Shared by the bid of every version: a quote of megabytes is held once.
    pub text: std::sync::Arc<str>,
    pub location: String,
    pub deviates_from: String,
}

/// `scoring-models/<name>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawModel {
    pub name: Spanned<String>,
    pub title: String,
    pub source: Option<String>,
    pub method: Spanned<String>,
    pub points: RawPointsRounding,
    /// `linear-anchors`: the anchors, from the lowest price to the highest.
    pub anchors: Option<Spanned<Vec<RawAnchor>>>,
    /// Relative methods: the points of the best price.
    pub max_points: Option<Num>,
    /// `relative-to-lowest`: how far above the lowest price (in %) a price earns 0 points.
    pub slope: Option<Num>,
    /// `relative-to-lowest`: "zero" (points stop at 0) or "none" (they may go negative).
    pub floor: Option<Spanned<String>>,
    /// `money-per-point`: kroner per quality point.
    pub amount_per_point: Option<Num>,
    /// `money-per-point`: "surcharge" (P + (Qmax − Q) × k) or "deduction" (P − Q × k).
    pub form: Option<Spanned<String>>,
    /// `percent-surcharge`: f in % of the price at zero quality.
    pub factor: Option<Num>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPointsRounding {
    /// Absent with `rounding = "none"`.
    pub decimals: Option<Num>,
    pub rounding: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnchor {
    /// `"min"`, `"max"`, `"target"`, `"target-5%"` or an amount.
    pub price: Spanned<toml::Value>,
    pub points: Num,
}

/// The most unknown fields reported for one file before giving up on it.
const MAX_UNKNOWN_FIELDS: usize = 32;

/// Parses one file of the sources into its raw structure, with every problem found on the
/// way. An unknown field is reported and then blanked out (replaced by spaces, so every
/// other span stays where it is) and the file parsed again, so all unknown fields of a file
/// are listed in one run, and the rest of the file is still checked. Any other problem
/// (TOML syntax, a missing field, a wrong type) stops the file there.
pub fn parse<T: DeserializeOwned>(sources: &Sources, file: FileId) -> (Option<T>, Vec<Diagnostic>) {
    // Copied only once a field has to be blanked out: most files parse as they stand.
    let mut text = std::borrow::Cow::Borrowed(sources.get(file).text.as_str());
    let mut found = Vec::new();
    for _ in 0..MAX_UNKNOWN_FIELDS {
        let error = match toml::from_str(&text) {
            Ok(value) => return (Some(value), found),
            Err(error) => error,
        };
        // Tell a syntax error from a structural one, so a syntax error is never reported as
        // a missing field.
        if let Err(syntax) = text.parse::<toml::Table>() {
            // Blanking never breaks the syntax of a file that parsed before, but should it,
            // the problems already found are the real ones.
            let span = syntax.span().unwrap_or(0..0);
            if found.is_empty() && syntax.message().contains("as i128") {
                // TOML integers stop at 19 digits; a longer one is no syntax error to fix.
                found.push(Diagnostic::at(Code::BadValue, file, span, "").says(
                    "this whole number is too large to read: TOML whole numbers have at most 19 digits",
                    "give the value within its limit (prices up to 10^12, points up to 10^6); every limit is far below 19 digits",
                ));
            } else if found.is_empty() {
                found.push(Diagnostic::at(Code::Syntax, file, span, "").says(
                    format!("malformed TOML: {}", syntax.message().trim()),
                    "fix the TOML syntax at the marked place: strings need quotes, numbers use a \
                     decimal point (448.05), and every key stands on a line of its own",
                ));
            }
            return (None, found);
        }
        let diagnostic = shape_error(sources, file, &error);
        let unknown_field = diagnostic.code == Code::UnknownField;
        found.push(diagnostic);
        let Some(range) = unknown_field
            .then(|| key_value_range(&text, error.span()?))
            .flatten()
        else {
            return (None, found);
        };
        blank(text.to_mut(), range);
    }
    (None, found)
}

/// The bytes of the `key = value` pair whose key has this span, with a comma that follows
/// it in an inline table; `None` for a `[table]` header, whose body has no span of its own.
fn key_value_range(text: &str, key: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let document = toml::de::DeTable::parse(text).ok()?;
    let value = find_key(document.get_ref(), &key)?;
    // A `[table]` or `[[table]]` header: the value's span is the header around the key.
    if value.start < key.end {
        return None;
    }
    let rest = &text[value.end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let end = if rest[spaces..].starts_with(',') {
        value.end + spaces + 1
    } else {
        value.end
    };
    Some(key.start..end)
}

/// The span of the value whose key has this span, anywhere in the document.
fn find_key(
    table: &toml::de::DeTable<'_>,
    key: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    use toml::de::DeValue;
    table.iter().find_map(|(k, v)| {
        if k.span() == *key {
            return Some(v.span());
        }
        match v.get_ref() {
            DeValue::Table(inner) => find_key(inner, key),
            DeValue::Array(items) => items.iter().find_map(|item| match item.get_ref() {
                DeValue::Table(inner) => find_key(inner, key),
                _ => None,
            }),
            _ => None,
        }
    })
}

/// Replaces every byte of a range by a space, keeping line breaks, so the text keeps its
/// length and every span stays valid (the range covers whole characters).
fn blank(text: &mut String, range: std::ops::Range<usize>) {
    let blanked: String = text[range.clone()]
        .chars()
        .flat_map(|c| {
            let width = if c == '\n' { 0 } else { c.len_utf8() };
            std::iter::repeat_n(' ', width).chain((c == '\n').then_some('\n'))
        })
        .collect();
    text.replace_range(range, &blanked);
}

fn shape_error(sources: &Sources, file: FileId, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim();
    if let Some(unknown) = quoted_after(message, "unknown field ") {
        let known = expected_names(message);
        let suggestion = nearest(&unknown, known.iter().map(String::as_str));
        let help = match suggestion {
            Some(name) => format!(
                "did you mean `{name}`? The fields allowed here are: {}",
                known.join(", ")
            ),
            None if known.is_empty() => "remove this field: no fields are allowed here".into(),
            None => format!(
                "remove or rename this field; the fields allowed here are: {}",
                known.join(", ")
            ),
        };
        return Diagnostic::at(Code::UnknownField, file, span, unknown.clone())
            .says(format!("unknown field `{}`", shorten(&unknown)), help);
    }
    if let Some(missing) = quoted_after(message, "missing field ") {
        // The span of a missing field is the table that lacks it.
        let (line, _) = sources.line_column(file, span.start);
        return Diagnostic::at(Code::Shape, file, span, missing.clone()).says(
            format!("missing field `{missing}` (in the table starting on line {line})"),
            format!("add `{missing} = ...` to this table"),
        );
    }
    Diagnostic::at(Code::Shape, file, span, "").says(
        format!("wrong value: {message}"),
        "give the value the type the field asks for: a number without quotes, text in quotes, a date as 2023-10-02",
    )
}

/// The first backquoted name after `prefix` in a serde message.
fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
    Some(rest[..rest.find('`')?].to_string())
}

/// The backquoted names after "expected" in serde's unknown-field message
/// ("expected one of `a`, `b`" or "expected `a` or `b`").
fn expected_names(message: &str) -> Vec<String> {
    let Some(at) = message.find("expected") else {
        return Vec::new();
    };
    message[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_a_field_keeps_every_other_span() {
        let text = "a = 1\nnote = { x = \"æ ø å\",\n y = 2 }\nb = 2\n";
        let key = text.find("note").unwrap();
        let range = key_value_range(text, key..key + "note".len()).unwrap();
        let mut blanked = text.to_string();
        blank(&mut blanked, range);
        // Same length in bytes, the line break inside the value kept, the rest untouched.
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.lines().count(), text.lines().count());
        assert!(
            blanked.starts_with("a = 1\n") && blanked.ends_with("\nb = 2\n"),
            "{blanked:?}"
        );
        assert!(blanked.parse::<toml::Table>().is_ok());
    }

    #[test]
    fn blanking_takes_the_comma_that_follows_in_an_inline_table() {
        let text = "r = { sorce = \"x\", rule = \"up\" }\n";
        let key = text.find("sorce").unwrap();
        let range = key_value_range(text, key..key + 5).unwrap();
        let mut blanked = text.to_string();
        blank(&mut blanked, range);
        assert_eq!(
            blanked.parse::<toml::Table>().unwrap()["r"]["rule"].as_str(),
            Some("up")
        );
        // A [table] header is never blanked: its body has no span of its own.
        let text = "[t]\nx = 1\n";
        assert_eq!(key_value_range(text, 1..2), None);
    }

    #[test]
    fn expected_names_reads_both_serde_forms() {
        assert_eq!(
            expected_names("unknown field `x`, expected one of `id`, `name`, `weight`"),
            ["id", "name", "weight"]
        );
        assert_eq!(
            expected_names("unknown field `x`, expected `rule` or `source`"),
            ["rule", "source"]
        );
        assert!(expected_names("unknown field `x`, there are no fields").is_empty());
    }
}

/// `rettelsesblade/<file>.toml`: a numbered, dated erratum with its changes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRettelsesblad {
    pub number: Num,
    pub date: Spanned<Datetime>,
    pub title: String,
    pub reference: String,
    pub changes: Spanned<Vec<RawChange>>,
}

/// One change, exactly one of: `path` + `value` (set a value the tender has), `add` +
/// `value` (append a table to a list such as `criteria` or `requirements`), or `remove`
/// (a table of such a list, by id, or a field).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub path: Option<Spanned<String>>,
    pub add: Option<Spanned<String>>,
    pub remove: Option<Spanned<String>>,
    pub value: Option<Spanned<toml::Value>>,
    pub reason: Option<String>,
}

/// `decisions.toml`: the authority's decisions on findings set aside for review.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecisions {
    pub decisions: Vec<Spanned<RawDecision>>,
}

/// One decision: which finding of which bid, accepted or rejected, by whom, when, why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub bid: Spanned<String>,
    pub rule: Spanned<String>,
    pub decision: Spanned<String>,
    pub by: String,
    pub date: Spanned<Datetime>,
    pub reason: String,
}
