//! `[contract]` of `tender.toml` → [`Contract`]: the period and its option, the weekdays,
//! the payment basis of each price line, cancellation and indexation.

use toml::Spanned;
use toml::value::Datetime;

use super::checker::{Checker, PERCENT, civil_date, quoted, shorten};
use super::model::rounding;
use crate::domain::contract::{
    Adjustment, AmountRounding, AppliesTo, Basis, Cancellation, Contract, DayOff, Extension,
    Indexation, LinePayment, Period, Site, Weekdays,
};
use crate::domain::{BidId, CriterionId};
use crate::input::diag::Code;
use crate::input::raw::{RawContract, RawIndexation};
use crate::values::{ModelRounding, Rounding, RoundingMode};

/// The default rounding of an order's amount where the tender states none: whole øre.
pub const DEFAULT_AMOUNT_ROUNDING: Rounding = Rounding {
    decimals: 2,
    mode: RoundingMode::HalfUp,
};

/// Validates `[contract]` against the tender's price lines.
pub(super) fn contract(
    check: &mut Checker<'_>,
    raw: &RawContract,
    price_lines: &[&str],
) -> Option<Contract> {
    let start = date(check, &raw.start, "contract.start");
    let end = date(check, &raw.end, "contract.end");
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        check.report(
            Code::BadValue,
            raw.end.span(),
            "contract.end",
            format!("the contract ends ({end}) before it starts ({start})"),
            "give the last day of the contract period, on or after `start`".into(),
        );
    }
    let extension = raw.extension.as_ref().and_then(|x| {
        let until = date(check, &x.until, "contract.extension.until")?;
        if end.is_some_and(|end| until <= end) {
            check.report(
                Code::BadValue,
                x.until.span(),
                "contract.extension.until",
                format!(
                    "the extension ends ({until}) no later than the contract ({})",
                    end?
                ),
                "give the last day of the extended period, after `contract.end`".into(),
            );
            return None;
        }
        Some(Extension {
            until,
            exercised: x.exercised,
        })
    });
    let suppliers = raw.suppliers.as_ref().map(|list| {
        let mut seen = std::collections::HashSet::new();
        for supplier in list {
            if !seen.insert(supplier.get_ref()) {
                check.report(
                    Code::DuplicateId,
                    supplier.span(),
                    "contract.suppliers",
                    format!("supplier `{}` is listed twice", shorten(supplier.get_ref())),
                    "list each supplier once".into(),
                );
            }
        }
        list.iter()
            .map(|s| {
                let site = Site {
                    file: check.file,
                    span: s.span(),
                };
                (BidId(s.get_ref().clone()), site)
            })
            .collect::<Vec<_>>()
    });
    let weekdays = weekdays(check, raw);
    let payment = payment(check, raw, price_lines);
    let cancellation = raw.cancellation.as_ref().and_then(|c| {
        let days = check.whole(
            &c.days_before_start,
            "contract.cancellation.days_before_start",
            0,
        )?;
        Some(Cancellation {
            days_before_start: u32::try_from(days).ok().filter(|d| *d <= 366).or_else(|| {
                check.report(
                    Code::BadValue,
                    c.days_before_start.span(),
                    "contract.cancellation.days_before_start",
                    "`days_before_start` must be at most 366".into(),
                    "give the days before an order's start until which it may be cancelled, e.g. 1"
                        .into(),
                );
                None
            })?,
            source: c.source.clone(),
        })
    });
    let amount_rounding = match &raw.amount_rounding {
        None => Some(AmountRounding {
            rule: DEFAULT_AMOUNT_ROUNDING,
            stated: false,
        }),
        Some(r) => stated_rounding(check, r, "contract.amount_rounding")
            .map(|rule| AmountRounding { rule, stated: true }),
    };
    let indexation = raw.indexation.as_ref().map(|i| indexation(check, i));
    let (start, end) = (start?, end?);
    if end < start {
        return None;
    }
    Some(Contract {
        start,
        end,
        extension,
        source: raw.source.clone(),
        suppliers,
        weekdays: weekdays?,
        payment: payment?,
        cancellation,
        amount_rounding: amount_rounding?,
        indexation: match indexation {
            None => None,
            Some(i) => Some(i?),
        },
    })
}

/// A date without a time.
pub(super) fn date(
    check: &mut Checker<'_>,
    value: &Spanned<Datetime>,
    field: &str,
) -> Option<jiff::civil::Date> {
    let written = value.get_ref();
    let parsed = match (written.date, written.time, written.offset) {
        (Some(d), None, None) => civil_date(d),
        _ => None,
    };
    if parsed.is_none() {
        check.report(
            Code::BadValue,
            value.span(),
            field,
            format!("`{field}` = {written} is not a date"),
            "write a date without a time, e.g. 2024-01-01".into(),
        );
    }
    parsed
}

/// A rounding of the contract, reported as a contract's value (E006), not a scoring
/// model's.
fn contract_rounding(
    check: &mut Checker<'_>,
    raw: &crate::input::raw::RawPointsRounding,
    field: &str,
) -> Option<ModelRounding> {
    let start = check.diagnostics.len();
    let rounding = rounding(check, raw, field);
    for d in &mut check.diagnostics[start..] {
        if d.code == Code::BadModel {
            d.code = Code::BadValue;
            d.help = d
                .help
                .replace("the published model rounds to", "the contract rounds to");
        }
    }
    rounding
}

/// A rounding the tender states: a mode and decimals ("none" is not one).
fn stated_rounding(
    check: &mut Checker<'_>,
    raw: &crate::input::raw::RawPointsRounding,
    field: &str,
) -> Option<Rounding> {
    match contract_rounding(check, raw, field)? {
        ModelRounding::To(rule) => Some(rule),
        ModelRounding::Exact => {
            check.report(
                Code::BadValue,
                raw.rounding.span(),
                &format!("{field}.rounding"),
                format!("`{field}` must round: money is paid in whole øre"),
                "give decimals and a mode, e.g. { decimals = 2, rounding = \"half-up\" }".into(),
            );
            None
        }
    }
}

fn weekdays(check: &mut Checker<'_>, raw: &RawContract) -> Option<Weekdays> {
    let options: Vec<(&str, DayOff)> = DayOff::ALL.iter().map(|d| (d.name(), *d)).collect();
    let start = check.diagnostics.len();
    let mut excluded = Vec::new();
    for name in &raw.weekdays.excluded {
        if let Some(day) = check.choice(name, "contract.weekdays.excluded", &options) {
            if excluded.contains(&day) {
                check.report(
                    Code::BadValue,
                    name.span(),
                    "contract.weekdays.excluded",
                    format!("\"{}\" is listed twice", day.name()),
                    "list each kind of day once".into(),
                );
            }
            excluded.push(day);
        }
    }
    if check.errors_since(start) {
        return None;
    }
    excluded.sort();
    excluded.dedup();
    Some(Weekdays {
        excluded,
        source: raw.weekdays.source.clone(),
    })
}

fn payment(
    check: &mut Checker<'_>,
    raw: &RawContract,
    price_lines: &[&str],
) -> Option<Vec<LinePayment>> {
    let start = check.diagnostics.len();
    let mut payment = Vec::new();
    for (line, how) in raw.payment.get_ref() {
        let field = format!("contract.payment.{}", line.get_ref());
        let known = check.known(
            line,
            price_lines,
            Code::UnknownPriceLine,
            &field,
            ("price line", "price lines"),
        );
        let basis = check.choice(
            &how.per,
            &format!("{field}.per"),
            &[("weekday", Basis::Weekday), ("hour", Basis::Hour)],
        );
        if let (true, Some(basis)) = (known, basis) {
            payment.push(LinePayment {
                line: CriterionId(line.get_ref().as_str().into()),
                basis,
                source: how.source.clone(),
            });
        }
    }
    if payment.is_empty() && !check.errors_since(start) {
        check.report(
            Code::BadValue,
            raw.payment.span(),
            "contract.payment",
            "`contract.payment` names no price line, so nothing can be ordered".into(),
            format!(
                "say how each price line is paid, e.g. spor1 = {{ per = \"weekday\" }}; the price lines are {}",
                quoted(price_lines)
            ),
        );
    }
    (!check.errors_since(start)).then_some(payment)
}

fn indexation(check: &mut Checker<'_>, raw: &RawIndexation) -> Option<Indexation> {
    let start = check.diagnostics.len();
    if raw.index.get_ref().trim().is_empty() {
        check.report(
            Code::BadValue,
            raw.index.span(),
            "contract.indexation.index",
            "the index is not named".into(),
            "name the index the contract follows, as its index file names it".into(),
        );
    }
    let threshold = check.limited(&raw.threshold, "contract.indexation.threshold", PERCENT);
    if threshold.is_some_and(|t| t.is_sign_negative()) {
        check.report(
            Code::BadValue,
            raw.threshold.span(),
            "contract.indexation.threshold",
            "the threshold cannot be negative".into(),
            "give the yearly rise in percent that is not passed on, e.g. 2.0".into(),
        );
    }
    let change_rounding = raw
        .change_rounding
        .as_ref()
        .map(|r| contract_rounding(check, r, "contract.indexation.change_rounding"));
    let price_rounding = stated_rounding(
        check,
        &raw.price_rounding,
        "contract.indexation.price_rounding",
    );
    let applies_to = check.choice(
        &raw.applies_to,
        "contract.indexation.applies_to",
        &[
            ("order-date", AppliesTo::OrderDate),
            ("delivery-date", AppliesTo::DeliveryDate),
        ],
    );
    let mut adjustments: Vec<Adjustment> = Vec::new();
    for (n, adjustment) in raw.adjustments.iter().enumerate() {
        let field = format!("contract.indexation.adjustments[{}]", n + 1);
        let raw_adjustment = adjustment.get_ref();
        let effective = date(
            check,
            &raw_adjustment.effective,
            &format!("{field}.effective"),
        );
        let from = period(check, &raw_adjustment.from, &format!("{field}.from"));
        let to = period(check, &raw_adjustment.to, &format!("{field}.to"));
        let (Some(effective), Some(from), Some(to)) = (effective, from, to) else {
            continue;
        };
        if to <= from || to.last_day() <= from.last_day() {
            check.report(
                Code::BadValue,
                raw_adjustment.to.span(),
                &format!("{field}.to"),
                format!("the index period must end later than it begins: from {from} to {to}"),
                "give the later period in `to`, e.g. from = \"2023K3\", to = \"2024K3\"".into(),
            );
            continue;
        }
        if to.last_day() >= effective {
            check.report(
                Code::BadValue,
                raw_adjustment.to.span(),
                &format!("{field}.to"),
                format!(
                    "the index for {to} is not over before the adjustment takes effect on {effective}, so it cannot be known then"
                ),
                "give an index period that ends before `effective` (a rettelsesblad may correct a period written wrongly in the tender)".into(),
            );
            continue;
        }
        if let Some(previous) = adjustments.last()
            && previous.effective >= effective
        {
            check.report(
                Code::BadValue,
                raw_adjustment.effective.span(),
                &format!("{field}.effective"),
                format!(
                    "adjustments must stand in order of date: {effective} is not after {}",
                    previous.effective
                ),
                "list the adjustments from the earliest to the latest".into(),
            );
            continue;
        }
        adjustments.push(Adjustment {
            effective,
            from,
            to,
            site: Site {
                file: check.file,
                span: adjustment.span(),
            },
        });
    }
    if check.errors_since(start) {
        return None;
    }
    Some(Indexation {
        index: raw.index.get_ref().clone(),
        threshold: threshold?,
        change_rounding: match change_rounding {
            Some(Some(ModelRounding::To(rule))) => Some(rule),
            _ => None,
        },
        price_rounding: price_rounding?,
        applies_to: applies_to?,
        adjustments,
        source: raw.source.clone(),
    })
}

/// An index period: "2024K3", "2024M09" or "2024".
pub(super) fn period(
    check: &mut Checker<'_>,
    value: &Spanned<String>,
    field: &str,
) -> Option<Period> {
    let parsed = Period::parse(value.get_ref());
    if parsed.is_none() {
        check.report(
            Code::BadValue,
            value.span(),
            field,
            format!(
                "`{field}` = \"{}\" is not an index period",
                shorten(value.get_ref())
            ),
            "write a quarter as \"2024K3\", a month as \"2024M09\" or a year as \"2024\"".into(),
        );
    }
    parsed
}
