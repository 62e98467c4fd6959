//! The evidence of a finding in words, for the reports people read: what the bid declares
//! or says, named as the bid form and the tender name it ("Tilbudsgiverens erklæring om
//! forbehold: »JA« afkrydset"). Never the bid file, its line or its keys: those are the
//! machine's, and the JSON and CSV keep them.
//!
//! Contract: pure. The scoring core quotes the bid as `key = value` (or the evaluators'
//! words as `"text" (where)`); this reads the quote back by the finding's rule. A quote it
//! cannot read is shown as it stands, never dropped.

use super::Evaluation;
use super::i18n::{Arg, Texts};
use crate::domain::RuleId;
use crate::scoring::conformity::Finding;

/// A finding's evidence in the language's words.
pub(super) fn in_words(evaluation: &Evaluation, f: &Finding, texts: &Texts) -> String {
    let quote = f.evidence.quote.as_str();
    let value = value_of(quote);
    let name = |id: &str| {
        evaluation
            .tender
            .criterion(id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    match f.rule {
        RuleId::DeclaredReservation | RuleId::UnclearDeclaration => {
            let answer = match value.as_deref().map(str::to_lowercase).as_deref() {
                Some("yes" | "ja") => "evidence-declared-yes",
                Some("no" | "nej") => "evidence-declared-no",
                Some("both" | "begge") => "evidence-declared-both",
                Some("neither" | "ingen") => "evidence-declared-neither",
                _ => return as_written(texts, quote),
            };
            texts.with(
                "evidence-declaration",
                &[("answer", texts.get(answer).into())],
            )
        }
        RuleId::FoundReservation | RuleId::CitizenReservation => match quoted(quote) {
            Some((text, Some(place))) => texts.with(
                "evidence-bid-says-at",
                &[("text", text.into()), ("place", place.into())],
            ),
            Some((text, None)) => texts.with("evidence-bid-says", &[("text", text.into())]),
            None => texts.with("evidence-bid-says", &[("text", quote.into())]),
        },
        // The evaluators' note: where in the bid, and often its words (`Prisbilag s. 2:
        // "…"`).
        RuleId::RequirementNotMet => evaluators_note(texts, quote),
        RuleId::AlternativeBid => match value {
            Some(count) => texts.with("evidence-solutions", &[("count", count.into())]),
            None => as_written(texts, quote),
        },
        RuleId::LateBid => {
            let when = value.as_deref().and_then(|written| {
                written
                    .get(..19)
                    .and_then(|s| s.parse::<jiff::civil::DateTime>().ok())
            });
            match when {
                Some(at) => texts.with("evidence-received", &[("at", texts.datetime(at).into())]),
                None => as_written(texts, quote),
            }
        }
        RuleId::DuplicateBid => {
            // `cvr = "12345678", bidder = "Name"`
            let field = |key: &str| {
                quote
                    .split(", ")
                    .find_map(|part| part.strip_prefix(key)?.strip_prefix(" = "))
                    .map(|v| v.trim_matches('"').to_string())
            };
            match (field("cvr"), field("bidder")) {
                (Some(cvr), Some(bidder)) => texts.with(
                    "evidence-cvr",
                    &[("cvr", cvr.into()), ("bidder", bidder.into())],
                ),
                _ => as_written(texts, quote),
            }
        }
        RuleId::QualityThreshold => {
            // `indsats = 2` or `weighted quality 3.25 of 10`
            if let Some((got, best)) = quote
                .strip_prefix("weighted quality ")
                .and_then(|rest| rest.split_once(" of "))
            {
                return texts.with(
                    "evidence-weighted-quality",
                    &[
                        ("got", number(texts, got).into()),
                        ("best", number(texts, best).into()),
                    ],
                );
            }
            match (key_of(quote), value) {
                (Some(id), Some(points)) => texts.with(
                    "evidence-points",
                    &[
                        ("name", name(id).into()),
                        ("points", number(texts, &points).into()),
                    ],
                ),
                _ => as_written(texts, quote),
            }
        }
        RuleId::PriceBelowMinimum
        | RuleId::PriceAboveMaximum
        | RuleId::MissingPrice
        | RuleId::AbnormallyLowPrice => {
            // `spor1 = 449`, or `no `spor1` under [prices]`
            if let Some(id) = quote
                .strip_prefix("no `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(id, _)| id)
            {
                return texts.with("evidence-no-price", &[("name", name(id).into())]);
            }
            match (key_of(quote), value) {
                (Some(id), Some(price)) => {
                    let price = price
                        .parse()
                        .map_or(price, |p| texts.money(p, &evaluation.tender.currency));
                    texts.with(
                        "evidence-price",
                        &[("name", name(id).into()), ("price", price.into())],
                    )
                }
                _ => as_written(texts, quote),
            }
        }
        RuleId::EvaluatorDisagreement | RuleId::LengthLimit => as_written(texts, quote),
    }
}

/// The evaluators' note on a requirement in words: where in the bid, and its words
/// (`Prisbilag s. 2: "…"`), or the note as it stands.
pub(super) fn evaluators_note(texts: &Texts, note: &str) -> String {
    match note
        .split_once(": \"")
        .and_then(|(place, text)| Some((place, text.strip_suffix('"')?)))
    {
        Some((place, text)) => texts.with(
            "evidence-bid-says-at",
            &[("text", text.into()), ("place", place.into())],
        ),
        None => texts.with("evidence-evaluators-note", &[("text", note.into())]),
    }
}

/// A quote shown as it stands, in quotation marks.
fn as_written(texts: &Texts, quote: &str) -> String {
    texts.with("evidence-as-written", &[("text", Arg::from(quote))])
}

/// The key of a `key = value` quote.
fn key_of(quote: &str) -> Option<&str> {
    quote.split_once(" = ").map(|(key, _)| key.trim())
}

/// The value of a `key = value` quote, without the quotation marks of a text.
fn value_of(quote: &str) -> Option<String> {
    quote
        .split_once(" = ")
        .map(|(_, value)| value.trim().trim_matches('"').to_string())
}

/// The evaluators' quote of the bid, `"text" (where)`: the text and where it stands.
fn quoted(quote: &str) -> Option<(&str, Option<&str>)> {
    let rest = quote.strip_prefix('"')?;
    match rest.rsplit_once("\" (") {
        Some((text, place)) => Some((text, place.strip_suffix(')'))),
        None => Some((rest.strip_suffix('"')?, None)),
    }
}

/// A number as the language writes it; as it stands where it is none.
fn number(texts: &Texts, written: &str) -> String {
    written
        .parse()
        .map_or(written.to_string(), |n| texts.number(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_read_back() {
        assert_eq!(value_of("reservation = \"yes\""), Some("yes".into()));
        assert_eq!(key_of("spor1 = 449"), Some("spor1"));
        assert_eq!(
            quoted("\"Vi modtager ikke borgere.\" (Løsningsbeskrivelse s. 3)"),
            Some((
                "Vi modtager ikke borgere.",
                Some("Løsningsbeskrivelse s. 3")
            ))
        );
        assert_eq!(quoted("\"Kun tekst\""), Some(("Kun tekst", None)));
        assert_eq!(quoted("no quote"), None);
    }
}
