//! A scoring model file: its method and that method's parameters.

use rust_decimal::Decimal;
use toml::Spanned;

use crate::domain::{Anchor, AnchorPrice, METHODS, Method, ScoringModel};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::{Num, RawAnchor, RawModel, RawPointsRounding};
use crate::values::{ModelRounding, Money, Points, Rounding, RoundingMode};

use super::checker::{Checker, Limit, MONEY, PERCENT, POINTS, exact_decimal, shorten};

/// Validates a scoring model file: its method and that method's parameters. Anchors that
/// depend on a price line (`min`, `max`, `target`) are checked against each line by
/// [`super::tender()`].
pub fn model(
    sources: &Sources,
    file: FileId,
    raw: &RawModel,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ScoringModel> {
    let mut check = Checker::new(sources, file, diagnostics);
    let methods: Vec<(&str, &str)> = METHODS.iter().map(|m| (*m, *m)).collect();
    let method_name = check.choice(&raw.method, "method", &methods);
    let rounding = rounding(&mut check, &raw.points, "points");

    method_fields(&mut check, raw, method_name);
    let method = method(&mut check, raw, method_name);
    if !check.clean() {
        return None;
    }
    Some(ScoringModel {
        name: raw.name.get_ref().clone(),
        title: raw.title.clone(),
        source: raw.source.clone(),
        method: method?,
        rounding: rounding?,
    })
}

/// Reports every method field the named method does not take, and every one it needs
/// that is missing, so a model file never carries a parameter that is silently ignored.
fn method_fields(check: &mut Checker<'_>, raw: &RawModel, method_name: Option<&str>) {
    let takes: &[&str] = match method_name {
        Some("linear-anchors") => &["anchors"],
        Some("relative-to-lowest") => &["max_points", "slope", "floor"],
        Some("money-per-point") => &["amount_per_point", "form"],
        Some("percent-surcharge") => &["factor"],
        Some(_) => &["max_points"],
        None => &[
            "anchors",
            "max_points",
            "slope",
            "floor",
            "amount_per_point",
            "form",
            "factor",
        ],
    };
    let present = [
        ("anchors", raw.anchors.as_ref().map(|a| a.span())),
        ("max_points", raw.max_points.as_ref().map(|v| v.span())),
        ("slope", raw.slope.as_ref().map(|v| v.span())),
        ("floor", raw.floor.as_ref().map(|v| v.span())),
        (
            "amount_per_point",
            raw.amount_per_point.as_ref().map(|v| v.span()),
        ),
        ("form", raw.form.as_ref().map(|v| v.span())),
        ("factor", raw.factor.as_ref().map(|v| v.span())),
    ];
    for (field, span) in present {
        match (span, takes.contains(&field)) {
            (Some(span), false) => check.report(
                Code::BadModel,
                span,
                field,
                format!(
                    "`{field}` does not belong to method \"{}\"",
                    raw.method.get_ref()
                ),
                format!(
                    "remove it; method \"{}\" takes: {}",
                    raw.method.get_ref(),
                    takes.join(", ")
                ),
            ),
            (None, true) => check.report(
                Code::BadModel,
                raw.method.span(),
                field,
                format!("method \"{}\" needs `{field}`", raw.method.get_ref()),
                format!(
                    "add `{field} = ...`; `tenderscore models show <NAME>` shows a model of this method with all its fields"
                ),
            ),
            _ => {}
        }
    }
}

/// The method with its parameters, each checked.
fn method(check: &mut Checker<'_>, raw: &RawModel, method_name: Option<&str>) -> Option<Method> {
    let max_points = raw.max_points.as_ref().and_then(|v| {
        let max = check.limited(v, "max_points", POINTS)?;
        if max <= Decimal::ZERO {
            check.report(
                Code::BadModel,
                v.span(),
                "max_points",
                format!("`max_points` must be above 0, found {max}"),
                "give the points the best price earns, e.g. 10".into(),
            );
            return None;
        }
        Some(Points::new(max))
    });
    let slope = raw.slope.as_ref().and_then(|v| {
        let slope = check.limited(v, "slope", PERCENT)?;
        if slope < Decimal::ONE {
            check.report(Code::BadModel, v.span(), "slope", format!("`slope` must be at least 1 %, found {slope}"),
                "give the percentage above the lowest price at which a price earns 0 points, e.g. 100".into());
            return None;
        }
        Some(slope / Decimal::ONE_HUNDRED)
    });
    let floor = raw
        .floor
        .as_ref()
        .and_then(|f| check.choice(f, "floor", &[("zero", true), ("none", false)]));

    match method_name {
        Some("linear-anchors") => raw
            .anchors
            .as_ref()
            .and_then(|a| anchors(check, a))
            .map(Method::Anchors),
        Some("relative-to-lowest") => Some(Method::RelativeToLowest {
            max: max_points?,
            slope: slope?,
            floor_at_zero: floor?,
        }),
        Some("proportional") => Some(Method::Proportional { max: max_points? }),
        Some("lowest-to-highest") => Some(Method::LowestToHighest { max: max_points? }),
        Some("money-per-point") => {
            let amount = raw
                .amount_per_point
                .as_ref()
                .and_then(|v| positive(check, v, "amount_per_point", MONEY));
            let form = raw.form.as_ref().and_then(|f| {
                check.choice(f, "form", &[("surcharge", false), ("deduction", true)])
            });
            Some(Method::MoneyPerPoint {
                amount: Money::new(amount?),
                deduction: form?,
            })
        }
        Some("percent-surcharge") => {
            let factor = raw
                .factor
                .as_ref()
                .and_then(|v| positive(check, v, "factor", PERCENT));
            Some(Method::PercentSurcharge {
                factor: factor? / Decimal::ONE_HUNDRED,
            })
        }
        _ => None,
    }
}

/// A number above 0.
fn positive(check: &mut Checker<'_>, value: &Num, field: &str, limit: Limit) -> Option<Decimal> {
    let number = check.limited(value, field, limit)?;
    if number <= Decimal::ZERO {
        check.report(
            Code::BadModel,
            value.span(),
            field,
            format!("`{field}` must be above 0, found {number}"),
            "give the model's published parameter, a number above 0".into(),
        );
        return None;
    }
    Some(number)
}

/// A rounding rule: a mode and a number of decimals from 0 to 10, or `rounding = "none"`
/// (no `decimals`): the value is kept exact.
pub(super) fn rounding(
    check: &mut Checker<'_>,
    raw: &RawPointsRounding,
    field: &str,
) -> Option<ModelRounding> {
    let decimals_field = format!("{field}.decimals");
    let mut modes: Vec<(&str, Option<RoundingMode>)> = RoundingMode::NAMES
        .iter()
        .filter_map(|n| Some((*n, Some(RoundingMode::parse(n)?))))
        .collect();
    modes.push(("none", None));
    let mode = check.choice(&raw.rounding, &format!("{field}.rounding"), &modes);
    let decimals = match (&raw.decimals, mode) {
        (Some(decimals), Some(None)) => {
            check.report(
                Code::BadModel,
                decimals.span(),
                &decimals_field,
                format!("`{decimals_field}` is given, but `{field}.rounding` is \"none\""),
                "remove `decimals`: with rounding = \"none\" the value is kept exact; or name a rounding mode".into(),
            );
            return None;
        }
        (None, Some(None)) => return Some(ModelRounding::Exact),
        (None, _) => {
            check.report(
                Code::BadModel,
                raw.rounding.span(),
                &decimals_field,
                format!("`{field}` has no `decimals`"),
                "add `decimals = 2` (the number of decimals the published model rounds to), or write rounding = \"none\" to keep the value exact".into(),
            );
            return None;
        }
        (Some(decimals), _) => decimals,
    };
    let start = check.diagnostics.len();
    let decimals = check
        .whole(decimals, &decimals_field, 0)
        .filter(|n| *n <= 10);
    if decimals.is_none() && check.diagnostics.len() == start {
        check.report(
            Code::BadModel,
            raw.decimals.as_ref().map_or(0..0, |d| d.span()),
            &decimals_field,
            format!("`{decimals_field}` must be a whole number from 0 to 10"),
            "give the number of decimals the published model rounds to, e.g. 2".into(),
        );
    }
    Some(ModelRounding::To(Rounding {
        decimals: u32::try_from(decimals?).ok()?,
        mode: mode??,
    }))
}

/// Reads an anchor's price: "min", "max", "target", "target-5%", "target+10%" or an amount.
fn anchor_price(text: &str) -> Option<AnchorPrice> {
    match text {
        "min" => Some(AnchorPrice::Min),
        "max" => Some(AnchorPrice::Max),
        "target" => Some(AnchorPrice::Target(Decimal::ZERO)),
        _ => {
            let percent = text.strip_prefix("target")?.strip_suffix('%')?;
            if !percent.starts_with(['+', '-']) {
                return None;
            }
            exact_decimal(percent).map(AnchorPrice::Target)
        }
    }
}

fn anchors(check: &mut Checker<'_>, raw: &Spanned<Vec<RawAnchor>>) -> Option<Vec<Anchor>> {
    let start = check.diagnostics.len();
    let mut anchors = Vec::new();
    for (i, raw_anchor) in raw.get_ref().iter().enumerate() {
        let field = format!("anchors[{i}].price");
        let price = match raw_anchor.price.get_ref() {
            toml::Value::String(s) => anchor_price(s).or_else(|| {
                check.report(Code::BadModel, raw_anchor.price.span(), &field,
                    format!("anchor price \"{}\" is not \"min\", \"max\", a target (\"target\", \"target-5%\") or an amount", shorten(s)),
                    "write \"min\" or \"max\" for the ends of the price line's band, \"target+10%\" for a price \
                     relative to the line's target price, or an amount such as 400".into());
                None
            }),
            _ => check.limited(&raw_anchor.price, &field, MONEY).and_then(|amount| {
                if amount.is_sign_negative() {
                    check.report(Code::BadModel, raw_anchor.price.span(), &field, format!("anchor price {amount} is negative"),
                        "give an amount of 0 or more".into());
                    None
                } else {
                    Some(AnchorPrice::Fixed(Money::new(amount)))
                }
            }),
        };
        let points = check.limited(&raw_anchor.points, &format!("anchors[{i}].points"), POINTS);
        if let (Some(price), Some(points)) = (price, points) {
            anchors.push(Anchor {
                price,
                points: Points::new(points),
            });
        }
    }
    if raw.get_ref().len() < 2 {
        check.report(Code::BadModel, raw.span(), "anchors",
            format!("a linear model needs at least 2 anchors, found {}", raw.get_ref().len()),
            "add [[anchors]] tables, e.g. price = \"min\", points = 8 and price = \"max\", points = 0".into());
    }
    for pair in anchors.windows(2) {
        if pair[1].points > pair[0].points {
            check.report(Code::BadModel, raw.span(), "anchors",
                format!("anchor at {} gives more points ({}) than the cheaper anchor at {} ({}): a lower price would earn fewer points",
                    pair[1].price, pair[1].points, pair[0].price, pair[0].points),
                "list the anchors from the lowest price to the highest, with points that never rise".into());
        }
    }
    (check.diagnostics.len() == start).then_some(anchors)
}
