//! The words of documents in Danish and English. Every sentence a document shows is a
//! message in `locales/<language>.ftl` (Project Fluent); amounts, numbers and dates are
//! formatted here, exactly from their decimals, and passed to the messages as text.
//!
//! Contract: pure. A message missing from a file shows as its id in brackets (a test
//! keeps both files holding the same messages), never a panic.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast::PatternElement;
use rust_decimal::Decimal;

use super::number::{decimal_comma, grouped};
use crate::domain::Language;

const DANISH: &str = include_str!("locales/da.ftl");
const ENGLISH: &str = include_str!("locales/en.ftl");

/// The messages of one language, with its ways of writing numbers, amounts and dates.
pub struct Texts {
    bundle: FluentBundle<FluentResource>,
    pub language: Language,
}

/// A value for a message: text already formatted, or a whole count (for plurals).
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl Texts {
    pub fn new(language: Language) -> Texts {
        let (tag, source) = match language {
            Language::Da => ("da", DANISH),
            Language::En => ("en", ENGLISH),
        };
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // No invisible isolation marks around values: the text goes into HTML and files.
        bundle.set_use_isolating(false);
        // The files are part of the program; a test parses both without error. Should one
        // not parse, the messages that did are used.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        Texts { bundle, language }
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// A message without arguments, where the files hold it (a word of the engine's that
    /// may have no message).
    pub fn find(&self, id: &str) -> Option<String> {
        self.bundle.has_message(id).then(|| self.get(id))
    }

    /// A message with its arguments.
    pub fn with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("[{id}]");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
                Arg::Count(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        // Room for the values and the message's own words at once: a value may be a
        // bidder's whole text (20 MB), and a growing text would hold it twice while it
        // moves. (The words of a plural's variants are not counted; those few grow it.)
        let values: usize = args
            .iter()
            .map(|(_, value)| match value {
                Arg::Text(text) => text.len(),
                Arg::Count(_) => 4,
            })
            .sum();
        let words: usize = (pattern.elements.iter())
            .map(|element| match element {
                PatternElement::TextElement { value } => value.len(),
                PatternElement::Placeable { .. } => 0,
            })
            .sum();
        let mut text = String::with_capacity(values + words);
        let mut errors = Vec::new();
        // Writing to a String cannot fail; a message's own errors (a missing argument)
        // show in its text, as `format_pattern` would show them.
        let _ = self
            .bundle
            .write_pattern(&mut text, pattern, Some(&fluent_args), &mut errors);
        // An amount in kroner ends in a full stop ("1.300,00 kr."); at the end of a
        // sentence it takes no second one.
        if text.contains("kr..") {
            text = text.replace("kr..", "kr.");
        }
        text
    }

    /// A number, exact, as the language writes it: "1.350,5" / "1,350.5".
    pub fn number(&self, value: Decimal) -> String {
        match self.language {
            Language::Da => decimal_comma(value.normalize()),
            Language::En => english(&value.normalize().to_string()),
        }
    }

    /// A decimal as it stands, its decimals kept ("7,70" / "7.70"): a value a rounding
    /// rule produced.
    pub fn decimal(&self, value: Decimal) -> String {
        match self.language {
            Language::Da => decimal_comma(value),
            Language::En => english(&value.to_string()),
        }
    }

    /// A text that writes its numbers with a decimal point (a formula) with its numbers as
    /// the language writes them: in Danish "8 + (373 − 370) × 0,1".
    pub fn numbers_in(&self, text: &str) -> String {
        match self.language {
            Language::Da => super::number::with_decimal_commas(text),
            Language::En => text.to_string(),
        }
    }

    /// An amount with at least two decimals and its currency: "1.350,00 kr." /
    /// "DKK 1,350.00". More decimals, where the amount has them, are kept.
    pub fn money(&self, value: Decimal, currency: &str) -> String {
        let mut amount = value.normalize();
        if amount.scale() < 2 {
            amount.rescale(2);
        }
        match (self.language, currency) {
            (Language::Da, "DKK") => format!("{} kr.", decimal_comma(amount)),
            (Language::Da, _) => format!("{} {currency}", decimal_comma(amount)),
            (Language::En, _) => format!("{currency} {}", english(&amount.to_string())),
        }
    }

    /// A count in the language's groups of thousands: "4.466.310" / "4,466,310".
    pub fn count(&self, n: usize) -> String {
        match self.language {
            Language::Da => grouped(&n.to_string(), '.', ','),
            Language::En => english(&n.to_string()),
        }
    }

    /// A date: "2. oktober 2023" / "2 October 2023".
    pub fn date(&self, date: jiff::civil::Date) -> String {
        self.with("date", &self.date_args(date))
    }

    /// The engine's words for people: an id it marks as code (`spor1`) in the language's
    /// quotation marks instead („spor1“ / “spor1”). A lone backtick stays.
    pub fn prose(&self, text: &str) -> String {
        let (open, close) = match self.language {
            Language::Da => ("„", "“"),
            Language::En => ("“", "”"),
        };
        let parts: Vec<&str> = text.split('`').collect();
        if parts.len().is_multiple_of(2) {
            // An odd number of backticks: not pairs of marks.
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 8);
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 1 {
                out.push_str(open);
                out.push_str(part);
                out.push_str(close);
            } else {
                out.push_str(part);
            }
        }
        out
    }

    /// A date written as an input writes it ("2023-10-02"), as the language writes it; a
    /// text that is no date as it stands.
    pub fn written_date(&self, written: &str) -> String {
        written
            .parse::<jiff::civil::Date>()
            .map_or_else(|_| written.to_string(), |d| self.date(d))
    }

    /// A date and time: "2. oktober 2023 kl. 12.00" / "2 October 2023 at 12:00".
    pub fn datetime(&self, at: jiff::civil::DateTime) -> String {
        let separator = match self.language {
            Language::Da => '.',
            Language::En => ':',
        };
        let time = format!("{:02}{separator}{:02}", at.hour(), at.minute());
        let mut args = self.date_args(at.date());
        args.push(("time", time.into()));
        self.with("datetime", &args)
    }

    fn date_args(&self, date: jiff::civil::Date) -> Vec<(&'static str, Arg<'static>)> {
        vec![
            ("day", date.day().to_string().into()),
            ("month", self.get(&format!("month-{}", date.month())).into()),
            ("year", date.year().to_string().into()),
        ]
    }
}

/// A number written with a decimal point, with commas between thousands.
fn english(number: &str) -> String {
    grouped(number, ',', '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("the message file does not parse: {errors:?}"));
        let mut ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn both_languages_hold_the_same_messages() {
        assert_eq!(ids(DANISH), ids(ENGLISH));
    }

    #[test]
    fn amounts_numbers_and_dates_in_each_language() {
        let da = Texts::new(Language::Da);
        let en = Texts::new(Language::En);
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 1350 gets its two decimals; 372.5 too; an amount with 3 decimals keeps them.
        assert_eq!(da.money(d("1350"), "DKK"), "1.350,00 kr.");
        assert_eq!(en.money(d("1350"), "DKK"), "DKK 1,350.00");
        assert_eq!(da.money(d("372.5"), "DKK"), "372,50 kr.");
        assert_eq!(da.money(d("0.125"), "EUR"), "0,125 EUR");
        assert_eq!(en.number(d("-56940.50")), "-56,940.5");
        let at = jiff::civil::date(2023, 10, 2).at(12, 0, 0, 0);
        assert_eq!(da.datetime(at), "2. oktober 2023 kl. 12.00");
        assert_eq!(en.datetime(at), "2 October 2023 at 12:00");
        assert_eq!(da.written_date("2023-10-02"), "2. oktober 2023");
        assert_eq!(en.written_date("2023-10-02"), "2 October 2023");
        assert_eq!(da.written_date("efter mødet"), "efter mødet");
        assert_eq!(
            en.prose("requirement `tolkebistand` is not met"),
            "requirement “tolkebistand” is not met"
        );
        assert_eq!(da.prose("`a` og `b`"), "„a“ og „b“");
        assert_eq!(en.prose("one ` alone"), "one ` alone");
        assert_eq!(
            da.with("minutes-late", &[("n", Arg::Count(7))]),
            "7 minutter"
        );
        assert_eq!(da.with("minutes-late", &[("n", Arg::Count(1))]), "1 minut");
        assert_eq!(da.get("no-such-message"), "[no-such-message]");
    }
}
