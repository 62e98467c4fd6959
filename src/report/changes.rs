//! What a rettelsesblad changed, in words, for the reports people read: "vægten af
//! »Indsats«", "maksimalprisen for »Spor 1 dagspris«", "prismodellen". The changed paths
//! of the tender definition (`criteria.indsats.weight`) are the machine's; the JSON and
//! CSV keep them.
//!
//! Contract: pure. A path names a criterion by its id; the caller gives its name (from
//! any version, so a criterion a rettelsesblad removed is still named). A path this does
//! not know is worded as "the tender documents otherwise", never shown as it stands.

use super::i18n::{Arg, Texts};

/// The changed paths in words, each subject once, in the order first changed:
/// "vægten af »Indsats« og vægten af »Samarbejde«".
pub(super) fn in_words<'a>(
    texts: &Texts,
    paths: impl IntoIterator<Item = &'a String>,
    name: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut words: Vec<String> = Vec::new();
    for path in paths {
        let said = subject(texts, path, name);
        if !words.contains(&said) {
            words.push(said);
        }
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    super::memo::listed(texts, &words)
}

/// One changed path in words.
fn subject(texts: &Texts, path: &str, name: &dyn Fn(&str) -> Option<String>) -> String {
    let mut parts = path.split('.');
    let top = parts.next().unwrap_or_default();
    let second = parts.next();
    let third = parts.next();
    let id = match (top, second, third) {
        ("criteria", None, _) => "change-criteria",
        ("criteria", Some(criterion), field) => {
            let field_id = match field {
                Some("weight") => "change-weight",
                Some("min") => "change-min",
                Some("max") => "change-max",
                Some("target") => "change-target",
                Some("unit") => "change-unit",
                Some("scale") => "change-scale-of",
                Some("length_limit") => "change-length-limit-of",
                _ => "change-criterion",
            };
            let name = name(criterion).unwrap_or_else(|| criterion.to_string());
            return texts.with(field_id, &[("name", Arg::from(name))]);
        }
        ("model", ..) | ("prices", Some("model"), _) => "change-model",
        ("prices", Some("volumes"), _) => "change-volumes",
        ("prices", ..) => "change-price-rules",
        ("scale", ..) => "change-scale",
        ("quality", ..) => "change-quality",
        ("conformity", Some("length_limit"), _) => "change-length-limit",
        ("conformity", ..) => "change-conformity",
        ("ranking", Some("total_rounding"), _) => "change-total-rounding",
        ("ranking", ..) => "change-tie-break",
        ("requirements", ..) => "change-requirements",
        ("award", ..) => "change-award",
        ("lots", ..) => "change-lots",
        ("lot_limit", ..) => "change-lot-limit",
        ("rounds", ..) => "change-rounds",
        ("contract", ..) => "change-contract",
        ("currency", ..) => "change-currency",
        _ => "change-other",
    };
    texts.get(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;

    fn words(language: Language, paths: &[&str]) -> String {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        let name = |id: &str| match id {
            "indsats" => Some("Indsats".to_string()),
            "spor1" => Some("Spor 1 dagspris".to_string()),
            _ => None,
        };
        in_words(&Texts::new(language), &paths, &name)
    }

    #[test]
    fn paths_in_words_each_subject_once() {
        assert_eq!(
            words(
                Language::Da,
                &["criteria.indsats.weight", "criteria.spor1.min"]
            ),
            "vægten af »Indsats« og mindsteprisen for »Spor 1 dagspris«"
        );
        assert_eq!(
            words(
                Language::Da,
                &[
                    "model.anchors.1.points",
                    "model.anchors.2.points",
                    "prices.model"
                ]
            ),
            "prismodellen"
        );
        assert_eq!(
            words(
                Language::En,
                &["criteria.spor1.max", "prices.below_min.rule", "criteria"]
            ),
            "the maximum price of “Spor 1 dagspris”, the price rules and the criteria"
        );
        // A criterion no version names keeps its id; a path not known is no path.
        assert_eq!(
            words(Language::Da, &["criteria.ukendt.weight", "whatever.else"]),
            "vægten af »ukendt« og udbudsmaterialet i øvrigt"
        );
    }
}
