//! Validation: raw input structures → domain types, collecting every problem.
//!
//! Contract: each function reads one raw file and returns the domain value only when that
//! file had no problem; every problem found is pushed to the caller's list as a
//! [`Diagnostic`] with its code, span, field and fix. Nothing here stops at the first
//! problem, reads a file or touches anything outside its arguments.

use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

use crate::diag::{Code, Diagnostic, FileId, Sources, nearest};
use crate::domain::{
    AnchorPrice, Bid, BidId, Change, Conformity, Criterion, CriterionId, CriterionKind, Decision,
    Declaration, Descriptor, FoundReservation, LengthLimit, MissingPrice, OutOfBand, Panel,
    PriceLine, PriceRules, QualityRules, ReservationAbout, Rettelsesblad, Rule, Scale,
    ScoringModel, Tender,
};
use crate::model::{Anchor, METHODS, Method};
use crate::raw::{
    Num, RawAnchor, RawBid, RawConformity, RawCriterion, RawModel, RawPointsRounding, RawQuality,
    RawRettelsesblad, RawRule, RawScale, RawTender,
};
use crate::score::{Outcome, score_bid};
use crate::units::{Money, Percent, Points, Rounding, RoundingMode, Share};
use toml::value::Datetime;

/// Reads values out of one file, reporting every problem against that file.
struct Checker<'a> {
    text: &'a str,
    file: FileId,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The count of diagnostics when this file's checks began, to tell whether this file
    /// added any.
    start: usize,
}

impl<'a> Checker<'a> {
    fn new(sources: &'a Sources, file: FileId, diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        let start = diagnostics.len();
        Checker {
            text: &sources.get(file).text,
            file,
            diagnostics,
            start,
        }
    }

    fn clean(&self) -> bool {
        self.diagnostics.len() == self.start
    }

    fn report(
        &mut self,
        code: Code,
        span: std::ops::Range<usize>,
        field: &str,
        message: String,
        help: String,
    ) {
        self.diagnostics
            .push(Diagnostic::at(code, self.file, span, field).says(message, help));
    }

    /// The exact decimal written in the file for a TOML number: the digits of the file,
    /// never the binary float the TOML parser made of them.
    fn number(&mut self, value: &Num, field: &str) -> Option<Decimal> {
        let span = value.span();
        let written = self.text.get(span.clone()).unwrap_or_default();
        let parsed = match value.get_ref() {
            toml::Value::Integer(i) => exact_decimal(written).or(Some(Decimal::from(*i))),
            toml::Value::Float(_) => exact_decimal(written),
            _ => None,
        };
        if parsed.is_none() {
            let help = match value.get_ref() {
                toml::Value::String(s) if s.contains(',') => format!(
                    "write the number without quotes and with a decimal point: {}",
                    s.replace('.', "").replace(',', ".")
                ),
                toml::Value::String(_) => "write the number without quotes, e.g. 448.05".into(),
                _ => "write a plain decimal number, e.g. 448.05".into(),
            };
            self.report(
                Code::NotANumber,
                span,
                field,
                format!("`{field}` must be a number, found `{written}`"),
                help,
            );
        }
        parsed
    }

    fn choice<T>(
        &mut self,
        value: &Spanned<String>,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<T>
    where
        T: Copy,
    {
        if let Some((_, chosen)) = options.iter().find(|(name, _)| *name == value.get_ref()) {
            return Some(*chosen);
        }
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let help = match nearest(value.get_ref(), names.iter().copied()) {
            Some(near) => format!("did you mean \"{near}\"? Allowed: {}", quoted(&names)),
            None => format!("use one of {}", quoted(&names)),
        };
        self.report(
            Code::BadValue,
            value.span(),
            field,
            format!("`{field}` cannot be \"{}\"", value.get_ref()),
            help,
        );
        None
    }

    fn rule<T: Copy>(
        &mut self,
        raw: &RawRule,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Rule<T>> {
        let action = self.choice(&raw.rule, &format!("{field}.rule"), options)?;
        Some(Rule {
            action,
            source: raw.source.clone(),
            text: raw.text.clone(),
        })
    }

    /// A rule that the tender may leave out; `None` when absent or invalid (an invalid one
    /// is reported).
    fn optional_rule<T: Copy>(
        &mut self,
        raw: &Option<RawRule>,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Rule<T>> {
        raw.as_ref().and_then(|r| self.rule(r, field, options))
    }

    /// A date and time with its UTC offset, as an instant.
    fn instant(&mut self, value: &Spanned<Datetime>, field: &str) -> Option<jiff::Timestamp> {
        let written = value.get_ref().to_string();
        let parsed = written.parse::<jiff::Timestamp>().ok();
        if parsed.is_none() {
            self.report(
                Code::BadValue,
                value.span(),
                field,
                format!("`{field}` = {written} has no date, time and UTC offset"),
                "write the full time with its offset, e.g. 2023-10-02T12:00:00+02:00".into(),
            );
        }
        parsed
    }

    /// A whole number of at least `min`.
    fn whole(&mut self, value: &Num, field: &str, min: u64) -> Option<u64> {
        let number = self.number(value, field)?;
        let whole = u64::try_from(number.normalize().mantissa())
            .ok()
            .filter(|n| number.normalize().scale() == 0 && *n >= min);
        if whole.is_none() {
            self.report(
                Code::BadValue,
                value.span(),
                field,
                format!("`{field}` must be a whole number of at least {min}, found {number}"),
                format!("write a whole number such as {}", min.max(1)),
            );
        }
        whole
    }

    /// Whether a key names one of the tender's `known` items; reports it, with the nearest
    /// known name, when it does not. `what` names the items: ("price line", "price lines").
    fn known(
        &mut self,
        key: &Spanned<String>,
        known: &[&str],
        code: Code,
        field: &str,
        what: (&str, &str),
    ) -> bool {
        if known.contains(&key.get_ref().as_str()) {
            return true;
        }
        let help = unknown_help(key.get_ref(), known, what.1);
        self.report(
            code,
            key.span(),
            field,
            format!("the tender has no {} `{}`", what.0, key.get_ref()),
            help,
        );
        false
    }

    /// The one-based line of a byte offset in this file.
    fn line(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a decimal exactly as TOML writes it: underscores between digits, an optional
/// sign, an optional exponent.
fn exact_decimal(written: &str) -> Option<Decimal> {
    let cleaned = written.replace('_', "");
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if cleaned.contains(['e', 'E']) {
        Decimal::from_scientific(cleaned).ok()
    } else {
        Decimal::from_str_exact(cleaned).ok()
    }
}

/// Validates a scoring model file: its method and that method's parameters. Anchors that
/// depend on a price line (`min`, `max`, `target`) are checked against each line by
/// [`tender`].
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

    // Which fields each method takes; any other method field is an error, so a model file
    // never carries a parameter that is silently ignored.
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
                    "add `{field} = ...`; README.md, \"Price models\", shows every method's fields"
                ),
            ),
            _ => {}
        }
    }
    let max_points = raw.max_points.as_ref().and_then(|v| {
        let max = check.number(v, "max_points")?;
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
        Some(Points(max))
    });
    let slope = raw.slope.as_ref().and_then(|v| {
        let slope = check.number(v, "slope")?;
        if slope <= Decimal::ZERO {
            check.report(Code::BadModel, v.span(), "slope", format!("`slope` must be above 0 %, found {slope}"),
                "give the percentage above the lowest price at which a price earns 0 points, e.g. 100".into());
            return None;
        }
        Some(slope / Decimal::ONE_HUNDRED)
    });
    let floor = raw
        .floor
        .as_ref()
        .and_then(|f| check.choice(f, "floor", &[("zero", true), ("none", false)]));

    let method = match method_name {
        Some("linear-anchors") => raw
            .anchors
            .as_ref()
            .and_then(|a| anchors(&mut check, a))
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
                .and_then(|v| positive(&mut check, v, "amount_per_point"));
            let form = raw.form.as_ref().and_then(|f| {
                check.choice(f, "form", &[("surcharge", false), ("deduction", true)])
            });
            Some(Method::MoneyPerPoint {
                amount: Money(amount?),
                deduction: form?,
            })
        }
        Some("percent-surcharge") => {
            let factor = raw
                .factor
                .as_ref()
                .and_then(|v| positive(&mut check, v, "factor"));
            Some(Method::PercentSurcharge {
                factor: factor? / Decimal::ONE_HUNDRED,
            })
        }
        _ => None,
    };
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

/// A number above 0.
fn positive(check: &mut Checker<'_>, value: &Num, field: &str) -> Option<Decimal> {
    let number = check.number(value, field)?;
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

/// A rounding rule: a number of decimals from 0 to 10 and a mode.
fn rounding(check: &mut Checker<'_>, raw: &RawPointsRounding, field: &str) -> Option<Rounding> {
    let decimals_field = format!("{field}.decimals");
    let start = check.diagnostics.len();
    let decimals = check
        .whole(&raw.decimals, &decimals_field, 0)
        .filter(|n| *n <= 10);
    if decimals.is_none() && check.diagnostics.len() == start {
        check.report(
            Code::BadModel,
            raw.decimals.span(),
            &decimals_field,
            format!("`{decimals_field}` must be a whole number from 0 to 10"),
            "give the number of decimals the published model rounds to, e.g. 2".into(),
        );
    }
    let modes: Vec<(&str, RoundingMode)> = RoundingMode::NAMES
        .iter()
        .filter_map(|n| Some((*n, RoundingMode::parse(n)?)))
        .collect();
    let mode = check.choice(&raw.rounding, &format!("{field}.rounding"), &modes);
    Some(Rounding {
        decimals: u32::try_from(decimals?).ok()?,
        mode: mode?,
    })
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
                    format!("anchor price \"{s}\" is not \"min\", \"max\", a target (\"target\", \"target-5%\") or an amount"),
                    "write \"min\" or \"max\" for the ends of the price line's band, \"target+10%\" for a price \
                     relative to the line's target price, or an amount such as 400".into());
                None
            }),
            _ => check.number(&raw_anchor.price, &field).and_then(|amount| {
                if amount.is_sign_negative() {
                    check.report(Code::BadModel, raw_anchor.price.span(), &field, format!("anchor price {amount} is negative"),
                        "give an amount of 0 or more".into());
                    None
                } else {
                    Some(AnchorPrice::Fixed(Money(amount)))
                }
            }),
        };
        let points = check.number(&raw_anchor.points, &format!("anchors[{i}].points"));
        if let (Some(price), Some(points)) = (price, points) {
            anchors.push(Anchor {
                price,
                points: Points(points),
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

/// Where a model's anchors live, to point at them when a price line does not fit them.
pub struct ModelSite<'a> {
    pub file: FileId,
    pub raw: &'a RawModel,
}

/// Validates a tender definition against its (already validated) scoring model.
pub fn tender(
    sources: &Sources,
    file: FileId,
    raw: &RawTender,
    model: ScoringModel,
    model_site: ModelSite<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Tender> {
    let mut check = Checker::new(sources, file, diagnostics);
    let tender_scale = scale(&mut check, &raw.scale, "scale");
    let quality = raw
        .quality
        .as_ref()
        .map(|q| quality(&mut check, q))
        .unwrap_or(Some(QualityRules::default()));

    let price_rules = price_rules(&mut check, raw);
    let deadline_at = check.instant(&raw.deadline, "deadline");
    let conformity = raw
        .conformity
        .as_ref()
        .map(|c| conformity(&mut check, c))
        .unwrap_or_default();
    let criteria = criteria(&mut check, &raw.criteria);
    let total_rounding = match raw.ranking.as_ref().and_then(|r| r.total_rounding.as_ref()) {
        Some(r) => rounding(&mut check, r, "ranking.total_rounding").map(Some),
        None => Some(None),
    };
    let tie_break = raw.ranking.as_ref().map_or(
        Some(Rule {
            action: Vec::new(),
            source: None,
            text: None,
        }),
        |ranking| {
            let ids: Vec<&str> = raw
                .criteria
                .iter()
                .map(|c| c.id.get_ref().as_str())
                .collect();
            let mut chain = Vec::new();
            for id in &ranking.tie_break {
                if ids.contains(&id.get_ref().as_str()) {
                    chain.push(CriterionId(id.get_ref().clone()));
                } else {
                    let help = unknown_help(id.get_ref(), &ids, "criteria");
                    check.report(
                        Code::BadParent,
                        id.span(),
                        "ranking.tie_break",
                        format!(
                            "tie-break criterion `{}` is not a criterion of this tender",
                            id.get_ref()
                        ),
                        help,
                    );
                }
            }
            Some(Rule {
                action: chain,
                source: ranking.source.clone(),
                text: ranking.text.clone(),
            })
        },
    );

    if !check.clean() {
        return None;
    }
    let tender = Tender {
        id: raw.id.get_ref().clone(),
        title: raw.title.get_ref().clone(),
        authority: raw.authority.get_ref().clone(),
        currency: raw.currency.get_ref().clone(),
        deadline: raw.deadline.get_ref().to_string(),
        deadline_at: deadline_at?,
        deadline_date: raw.deadline.get_ref().date.and_then(civil_date)?,
        scale: tender_scale?,
        quality: quality?,
        criteria: criteria?,
        price_rules: price_rules?,
        conformity,
        model,
        tie_break: tie_break?,
        total_rounding: total_rounding?,
    };
    // The model must fit every price it scores: each line, or the one combined evaluation
    // price where the tender combines its lines by volume.
    let scored_lines: Vec<(CriterionId, PriceLine)> = match tender.evaluation_line() {
        Some(line) => vec![(CriterionId("evaluation price".into()), line)],
        None => tender
            .criteria
            .iter()
            .filter_map(|c| match &c.kind {
                CriterionKind::Price(line) => Some((c.id.clone(), line.clone())),
                _ => None,
            })
            .collect(),
    };
    let mut problems: Vec<String> = scored_lines
        .iter()
        .flat_map(|(id, line)| anchor_order(&tender.model, line, id))
        .collect();
    // A money model compares one price and one quality score: the lines must combine into
    // one price, and the quality criteria share one scale.
    if tender.model.method.is_money() {
        if scored_lines.len() != 1 {
            problems.push(format!(
                "money model {} needs one price to compare, but the tender has {} price lines and no prices.volumes",
                tender.model.name,
                scored_lines.len()
            ));
        }
        if tender.criteria.iter().any(|c| {
            c.scale
                .as_ref()
                .is_some_and(|s| s.max != tender.scale.max || s.min != tender.scale.min)
        }) {
            problems.push(format!(
                "money model {} needs every quality criterion on the tender's scale",
                tender.model.name
            ));
        }
    }
    for message in &problems {
        check.diagnostics.push(
            Diagnostic::at(Code::BadModel, model_site.file, model_site.raw.anchors.as_ref().map_or(model_site.raw.method.span(), |a| a.span()), "anchors").says(
                message.clone(),
                "make the anchors' prices strictly increase on every price line that uses this model, and give \
                 every such line a `target` where anchors are relative to it",
            ),
        );
    }
    problems.is_empty().then_some(tender)
}

fn conformity(check: &mut Checker<'_>, raw: &RawConformity) -> Conformity {
    let decisions = [("reject", Decision::Reject), ("review", Decision::Review)];
    let length_limit = raw.length_limit.as_ref().and_then(|limit| {
        let pages = check.whole(&limit.pages, "conformity.length_limit.pages", 1);
        let per_page = check.whole(
            &limit.characters_per_page,
            "conformity.length_limit.characters_per_page",
            1,
        );
        Some(Rule {
            action: LengthLimit {
                pages: pages?,
                characters_per_page: per_page?,
            },
            source: limit.source.clone(),
            text: limit.text.clone(),
        })
    });
    Conformity {
        declared_reservation: check.optional_rule(
            &raw.declared_reservation,
            "conformity.declared_reservation",
            &decisions,
        ),
        found_reservation: check.optional_rule(
            &raw.found_reservation,
            "conformity.found_reservation",
            &decisions,
        ),
        citizen_reservation: check.optional_rule(
            &raw.citizen_reservation,
            "conformity.citizen_reservation",
            &decisions,
        ),
        alternative_bid: check.optional_rule(
            &raw.alternative_bid,
            "conformity.alternative_bid",
            &decisions,
        ),
        late_bid: check.optional_rule(&raw.late_bid, "conformity.late_bid", &decisions),
        unclear_declaration: check.optional_rule(
            &raw.unclear_declaration,
            "conformity.unclear_declaration",
            &decisions,
        ),
        length_limit,
    }
}

/// A point scale: its maximum above its minimum, descriptors inside it and rising.
fn scale(check: &mut Checker<'_>, raw: &RawScale, field: &str) -> Option<Scale> {
    let min = check.number(&raw.min, &format!("{field}.min"));
    let max = check.number(&raw.max, &format!("{field}.max"));
    if let (Some(min), Some(max)) = (min, max)
        && min >= max
    {
        check.report(
            Code::BadValue,
            raw.max.span(),
            &format!("{field}.max"),
            format!("the point scale's maximum ({max}) must be above its minimum ({min})"),
            "give the scale the evaluators score on, e.g. min = 0 and max = 10".into(),
        );
        return None;
    }
    let (min, max) = (min?, max?);
    let mut descriptors: Vec<Descriptor> = Vec::new();
    for (i, d) in raw.descriptors.iter().enumerate() {
        let name = format!("{field}.descriptors[{i}].points");
        let Some(points) = check.number(&d.points, &name) else {
            continue;
        };
        if points < min
            || points > max
            || descriptors
                .last()
                .is_some_and(|last| last.points.0 >= points)
        {
            check.report(Code::BadValue, d.points.span(), &name,
                format!("descriptor at {points} points is outside the scale {min}–{max} or not above the one before"),
                "list the descriptors from the lowest step to the highest, each on the scale".into());
            continue;
        }
        descriptors.push(Descriptor {
            points: Points(points),
            text: d.text.clone(),
        });
    }
    Some(Scale {
        min: Points(min),
        max: Points(max),
        descriptors,
    })
}

/// `[quality]`: thresholds in points and percentages.
fn quality(check: &mut Checker<'_>, raw: &RawQuality) -> Option<QualityRules> {
    let start = check.diagnostics.len();
    let percent = |check: &mut Checker<'_>, value: &Option<Num>, field: &str| -> Option<Percent> {
        let value = value.as_ref()?;
        let number = check.number(value, field)?;
        if number <= Decimal::ZERO || number > Decimal::ONE_HUNDRED {
            check.report(
                Code::BadValue,
                value.span(),
                field,
                format!("`{field}` must be a percentage above 0 and at most 100, found {number}"),
                "give the share of the maximum points a bid needs, e.g. 50".into(),
            );
            return None;
        }
        Some(Percent(number))
    };
    let min_per_criterion = percent(check, &raw.min_per_criterion, "quality.min_per_criterion");
    let min_total = percent(check, &raw.min_total, "quality.min_total");
    let disagreement = raw.disagreement.as_ref().and_then(|v| {
        let points = check.number(v, "quality.disagreement")?;
        if points.is_sign_negative() {
            check.report(
                Code::BadValue,
                v.span(),
                "quality.disagreement",
                format!("`quality.disagreement` cannot be negative, found {points}"),
                "give the largest spread in points between evaluators that needs no flag, e.g. 3"
                    .into(),
            );
            return None;
        }
        Some(Points(points))
    });
    (check.diagnostics.len() == start).then(|| QualityRules {
        disagreement,
        min_per_criterion,
        min_total,
        source: raw.source.clone(),
        text: raw.text.clone(),
    })
}

fn price_rules(check: &mut Checker<'_>, raw: &RawTender) -> Option<PriceRules> {
    let rules = &raw.prices;
    let mut whole: Vec<(&str, Option<RoundingMode>)> = RoundingMode::NAMES
        .iter()
        .map(|n| (*n, RoundingMode::parse(n)))
        .collect();
    whole.push(("none", None));
    let whole_kroner = check.rule(&rules.whole_kroner, "prices.whole_kroner", &whole);
    let below_min = check.rule(
        &rules.below_min,
        "prices.below_min",
        &[("raise", OutOfBand::Clamp), ("reject", OutOfBand::Reject)],
    );
    let above_max = check.rule(
        &rules.above_max,
        "prices.above_max",
        &[("lower", OutOfBand::Clamp), ("reject", OutOfBand::Reject)],
    );
    let missing = check.rule(
        &rules.missing,
        "prices.missing",
        &[("max", MissingPrice::Max), ("reject", MissingPrice::Reject)],
    );
    let volumes = match &rules.volumes {
        None => Some(None),
        Some(table) => volumes(check, raw, table).map(Some),
    };
    Some(PriceRules {
        whole_kroner: whole_kroner?,
        below_min: below_min?,
        above_max: above_max?,
        missing: missing?,
        volumes: volumes?,
    })
}

/// `prices.volumes`: a positive quantity for every price line and for nothing else.
fn volumes(
    check: &mut Checker<'_>,
    raw: &RawTender,
    table: &Spanned<BTreeMap<Spanned<String>, Num>>,
) -> Option<BTreeMap<CriterionId, Decimal>> {
    let start = check.diagnostics.len();
    let lines: Vec<&str> = raw
        .criteria
        .iter()
        .filter(|c| c.kind.as_ref().is_some_and(|k| k.get_ref() == "price"))
        .map(|c| c.id.get_ref().as_str())
        .collect();
    let mut volumes = BTreeMap::new();
    for (key, value) in table.get_ref() {
        let field = format!("prices.volumes.{}", key.get_ref());
        if !check.known(
            key,
            &lines,
            Code::UnknownPriceLine,
            &field,
            ("price line", "price lines"),
        ) {
            continue;
        }
        if let Some(q) = check.number(value, &field) {
            if q <= Decimal::ZERO {
                check.report(
                    Code::BadValue,
                    value.span(),
                    &field,
                    format!("the expected quantity {q} must be above 0"),
                    "give the quantity expected for the line, e.g. 130 weekdays".into(),
                );
            } else {
                volumes.insert(CriterionId(key.get_ref().clone()), q);
            }
        }
    }
    for line in &lines {
        if !table.get_ref().keys().any(|k| k.get_ref() == line) {
            check.report(Code::Shape, table.span(), &format!("prices.volumes.{line}"),
                format!("price line `{line}` has no expected quantity"),
                format!("add `{line} = ...` to prices.volumes: every line is part of the evaluation price"));
        }
    }
    (check.diagnostics.len() == start).then_some(volumes)
}

/// Problems of a model's anchors on one price line: a line without the target price that
/// anchors refer to, or anchor prices that do not strictly increase.
fn anchor_order(model: &ScoringModel, line: &PriceLine, id: &CriterionId) -> Vec<String> {
    let Method::Anchors(anchors) = &model.method else {
        return Vec::new();
    };
    if line.target.is_none()
        && anchors
            .iter()
            .any(|a| matches!(a.price, AnchorPrice::Target(_)))
    {
        return vec![format!(
            "model {} has anchors relative to a target price, but price line `{id}` has no `target`",
            model.name
        )];
    }
    anchors
        .windows(2)
        .filter(|pair| pair[0].price.on(line) >= pair[1].price.on(line))
        .map(|pair| {
            format!(
                "on price line `{id}` ({}–{}) the anchor at {} ({}) does not lie below the next anchor at {} ({})",
                line.min, line.max, pair[0].price, pair[0].price.on(line), pair[1].price, pair[1].price.on(line)
            )
        })
        .collect()
}

fn criteria(check: &mut Checker<'_>, raw: &[RawCriterion]) -> Option<Vec<Criterion>> {
    let start = check.diagnostics.len();
    if raw.is_empty() {
        check.report(
            Code::Shape,
            0..0,
            "criteria",
            "the tender has no award criteria".into(),
            "add [[criteria]] tables: quality criteria and price lines with their weights".into(),
        );
        return None;
    }
    // Ids first, so parents can be resolved whatever the order of the tables.
    let mut index_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in raw.iter().enumerate() {
        let id = c.id.get_ref().as_str();
        if let Some(first) = index_of.get(id) {
            check.report(
                Code::DuplicateId,
                c.id.span(),
                &format!("criteria[{id}].id"),
                format!(
                    "criterion id `{id}` is used twice (first by [[criteria]] table number {})",
                    first + 1
                ),
                "give every criterion its own id".into(),
            );
        } else if id.is_empty() {
            check.report(
                Code::BadValue,
                c.id.span(),
                "criteria.id",
                "a criterion id cannot be empty".into(),
                "give the criterion a short id such as \"indsats\"".into(),
            );
        } else {
            index_of.insert(id, i);
        }
    }
    let known: Vec<&str> = index_of.keys().copied().collect();
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(raw.len());
    for c in raw {
        let parent = c.parent.as_ref().and_then(|p| {
            let found = index_of.get(p.get_ref().as_str()).copied();
            if found.is_none() {
                let help = match nearest(p.get_ref(), known.iter().copied()) {
                    Some(near) => format!(
                        "did you mean \"{near}\"? Known criteria: {}",
                        known.join(", ")
                    ),
                    None => format!("name one of the tender's criteria: {}", known.join(", ")),
                };
                check.report(
                    Code::BadParent,
                    p.span(),
                    &format!("criteria[{}].parent", c.id.get_ref()),
                    format!("parent `{}` is not a criterion of this tender", p.get_ref()),
                    help,
                );
            }
            found
        });
        parents.push(parent);
    }
    for (i, c) in raw.iter().enumerate() {
        if in_cycle(&parents, i) {
            check.report(
                Code::BadParent,
                c.id.span(),
                &format!("criteria[{}].parent", c.id.get_ref()),
                format!(
                    "criterion `{}` is its own ancestor: the parents form a cycle",
                    c.id.get_ref()
                ),
                "make the parents form a tree: top-level criteria have no parent".into(),
            );
        }
    }
    let has_children: BTreeSet<usize> = parents.iter().flatten().copied().collect();

    let mut weights = Vec::with_capacity(raw.len());
    let mut kinds = Vec::with_capacity(raw.len());
    let mut scales = Vec::with_capacity(raw.len());
    for (i, c) in raw.iter().enumerate() {
        let id = c.id.get_ref();
        let weight = check.number(&c.weight, &format!("criteria[{id}].weight"));
        if let Some(w) = weight
            && w <= Decimal::ZERO
        {
            check.report(
                Code::BadValue,
                c.weight.span(),
                &format!("criteria[{id}].weight"),
                format!("weight {w} % must be above 0"),
                "give the criterion a positive weight in percent, or remove it".into(),
            );
        }
        weights.push(weight);
        let criterion_kind = kind(check, c, has_children.contains(&i));
        let own_scale = c.scale.as_ref().and_then(|s| {
            if criterion_kind == Some(CriterionKind::Quality) {
                scale(check, s, &format!("criteria[{id}].scale"))
            } else {
                check.report(
                    Code::BadPriceLine,
                    c.id.span(),
                    &format!("criteria[{id}].scale"),
                    format!("`{id}` is not a quality criterion, so it cannot have a point scale"),
                    "remove `scale`: only quality criteria are scored by evaluators on a scale"
                        .into(),
                );
                None
            }
        });
        kinds.push(criterion_kind);
        scales.push(own_scale);
    }
    weight_sums(check, raw, &parents, &weights);

    if check.diagnostics.len() > start {
        return None;
    }
    let mut criteria: Vec<Criterion> = raw
        .iter()
        .zip(
            parents
                .iter()
                .zip(weights.iter().zip(kinds.into_iter().zip(scales))),
        )
        .map(|(c, (parent, (weight, (kind, scale))))| Criterion {
            id: CriterionId(c.id.get_ref().clone()),
            name: c.name.clone().unwrap_or_else(|| c.id.get_ref().clone()),
            parent: *parent,
            weight: Percent(weight.unwrap_or_default()),
            share: Share::WHOLE,
            source: c.source.clone(),
            kind: kind.unwrap_or(CriterionKind::Group),
            scale,
        })
        .collect();
    for i in 0..criteria.len() {
        let mut share = Share::WHOLE;
        let mut path = vec![i];
        let mut up = criteria[i].parent;
        while let Some(p) = up {
            path.push(p);
            up = criteria[p].parent;
        }
        for node in path.iter().rev() {
            share = share.of(criteria[*node].weight);
        }
        criteria[i].share = share;
    }
    Some(criteria)
}

fn in_cycle(parents: &[Option<usize>], start: usize) -> bool {
    let mut current = parents[start];
    for _ in 0..parents.len() {
        match current {
            Some(p) if p == start => return true,
            Some(p) => current = parents[p],
            None => return false,
        }
    }
    // More steps than criteria without reaching the top: `start` leads into a cycle that
    // it is not part of; that cycle's own members are reported.
    false
}

fn kind(check: &mut Checker<'_>, c: &RawCriterion, has_children: bool) -> Option<CriterionKind> {
    let id = c.id.get_ref();
    let declared = c.kind.as_ref().and_then(|k| {
        check.choice(
            k,
            &format!("criteria[{id}].kind"),
            &[("quality", false), ("price", true)],
        )
    });
    let is_price = declared.unwrap_or(false);
    if has_children {
        if let Some(k) = &c.kind {
            check.report(
                Code::BadPriceLine,
                k.span(),
                &format!("criteria[{id}].kind"),
                format!(
                    "criterion `{id}` has sub-criteria, so it cannot be a {} criterion itself",
                    k.get_ref()
                ),
                "remove `kind` from this criterion: its points come from its sub-criteria".into(),
            );
        }
        return Some(CriterionKind::Group);
    }
    if !is_price {
        for (value, name) in [
            (c.min.as_ref().map(|v| v.span()), "min"),
            (c.max.as_ref().map(|v| v.span()), "max"),
            (c.unit.as_ref().map(|v| v.span()), "unit"),
            (c.target.as_ref().map(|v| v.span()), "target"),
        ] {
            if let Some(span) = value {
                check.report(
                    Code::BadPriceLine,
                    span,
                    &format!("criteria[{id}].{name}"),
                    format!("`{name}` belongs to a price line, but `{id}` is a quality criterion"),
                    "add kind = \"price\" if this is a price line, or remove the field".into(),
                );
            }
        }
        return Some(CriterionKind::Quality);
    }
    let mut missing = |name: &str| {
        check.report(
            Code::BadPriceLine,
            c.id.span(),
            &format!("criteria[{id}].{name}"),
            format!("price line `{id}` has no `{name}`"),
            format!("add `{name} = ...` to the price line: unit, min and max are required"),
        );
    };
    let unit = c.unit.as_ref().map(|u| u.get_ref().clone());
    if unit.is_none() {
        missing("unit");
    }
    if c.min.is_none() {
        missing("min");
    }
    if c.max.is_none() {
        missing("max");
    }
    let min = c
        .min
        .as_ref()
        .and_then(|v| check.number(v, &format!("criteria[{id}].min")));
    let max = c
        .max
        .as_ref()
        .and_then(|v| check.number(v, &format!("criteria[{id}].max")));
    if let (Some(min), Some(raw_min)) = (min, c.min.as_ref())
        && min.is_sign_negative()
    {
        check.report(
            Code::BadPriceLine,
            raw_min.span(),
            &format!("criteria[{id}].min"),
            format!("minimum price {min} is negative"),
            "give a minimum price of 0 or more".into(),
        );
    }
    if let (Some(min), Some(max), Some(raw_max)) = (min, max, c.max.as_ref())
        && min >= max
    {
        check.report(Code::BadPriceLine, raw_max.span(), &format!("criteria[{id}].max"),
            format!("price line `{id}`: the minimum price ({min}) is not below the maximum price ({max})"),
            "give the band as published, e.g. min = 370 and max = 430; the minimum must be below the maximum".into());
    }
    let target = match &c.target {
        None => Some(None),
        Some(v) => check
            .number(v, &format!("criteria[{id}].target"))
            .and_then(|t| {
                if t.is_sign_negative() {
                    check.report(
                        Code::BadPriceLine,
                        v.span(),
                        &format!("criteria[{id}].target"),
                        format!("target price {t} is negative"),
                        "give a target price of 0 or more".into(),
                    );
                    None
                } else {
                    Some(Some(Money(t)))
                }
            }),
    };
    Some(CriterionKind::Price(PriceLine {
        unit: unit?,
        min: Money(min?),
        max: Money(max?),
        target: target?,
    }))
}

fn weight_sums(
    check: &mut Checker<'_>,
    raw: &[RawCriterion],
    parents: &[Option<usize>],
    weights: &[Option<Decimal>],
) {
    let mut levels: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, parent) in parents.iter().enumerate() {
        levels.entry(*parent).or_default().push(i);
    }
    for (parent, siblings) in levels {
        let values: Option<Vec<Decimal>> = siblings.iter().map(|i| weights[*i]).collect();
        let Some(values) = values else { continue };
        let sum: Decimal = values.iter().sum();
        if sum == Decimal::ONE_HUNDRED {
            continue;
        }
        let terms: Vec<String> = values.iter().map(|v| v.normalize().to_string()).collect();
        let level = match parent {
            Some(p) => format!("under `{}`", raw[p].id.get_ref()),
            None => "at the top level".to_string(),
        };
        let names: Vec<&str> = siblings
            .iter()
            .map(|i| raw[*i].id.get_ref().as_str())
            .collect();
        let first = &raw[siblings[0]];
        check.report(Code::WeightSum, first.weight.span(), &format!("criteria[{}].weight", first.id.get_ref()),
            format!("the weights of the criteria {level} ({}) sum to {} = {} %, not 100 %",
                names.join(", "), terms.join(" + "), sum.normalize()),
            "weights are a tree: the sub-criteria of one criterion share its weight and sum to 100 % among \
             themselves (e.g. kvalitet 90 with indsats 65 + samarbejde 35 under it, and pris 10)".into());
    }
}

/// Validates a bid against its tender. Without a tender (when the tender itself has
/// problems) only what the bid says on its own is checked — its declaration, CVR number,
/// times and numbers — so those problems are reported in the same run; no bid is returned.
pub fn bid(
    sources: &Sources,
    file: FileId,
    id: BidId,
    raw: &RawBid,
    tender: Option<&Tender>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Bid> {
    let mut check = Checker::new(sources, file, diagnostics);
    let declaration = check.choice(
        &raw.reservation,
        "reservation",
        &[
            ("no", Declaration::No),
            ("yes", Declaration::Yes),
            ("both", Declaration::Both),
            ("neither", Declaration::Neither),
        ],
    );
    let submitted_at = check.instant(&raw.submitted, "submitted");
    let solution_descriptions = match &raw.solution_descriptions {
        Some(n) => check.whole(n, "solution_descriptions", 1),
        None => Some(1),
    };
    let quality_characters = match &raw.quality_characters {
        Some(n) => check.whole(n, "quality_characters", 0).map(Some),
        None => Some(None),
    };
    let mut lines = BTreeMap::from([
        (
            "reservation".to_string(),
            check.line(raw.reservation.span().start),
        ),
        (
            "submitted".to_string(),
            check.line(raw.submitted.span().start),
        ),
    ]);
    for (field, value) in [
        ("solution_descriptions", &raw.solution_descriptions),
        ("quality_characters", &raw.quality_characters),
    ] {
        if let Some(value) = value {
            lines.insert(field.to_string(), check.line(value.span().start));
        }
    }
    for key in raw.prices.keys() {
        lines.insert(
            format!("prices.{}", key.get_ref()),
            check.line(key.span().start),
        );
    }
    for key in raw.points.keys() {
        lines.insert(
            format!("points.{}", key.get_ref()),
            check.line(key.span().start),
        );
    }
    let mut reservations_found = Vec::new();
    for (i, found) in raw.reservations_found.iter().enumerate() {
        let about = check.choice(
            &found.get_ref().about,
            &format!("reservations_found[{i}].about"),
            &[
                ("terms", ReservationAbout::Terms),
                ("citizens", ReservationAbout::Citizens),
            ],
        );
        if let Some(about) = about {
            let r = found.get_ref();
            reservations_found.push(FoundReservation {
                about,
                text: r.text.clone(),
                location: r.location.clone(),
                deviates_from: r.deviates_from.clone(),
                line: check.line(found.span().start),
            });
        }
    }
    let cvr = raw.cvr.get_ref();
    if cvr.len() != 8 || !cvr.bytes().all(|b| b.is_ascii_digit()) {
        check.report(
            Code::BadValue,
            raw.cvr.span(),
            "cvr",
            format!("CVR number \"{cvr}\" is not 8 digits"),
            "write the bidder's CVR number as 8 digits in quotes, e.g. cvr = \"12345678\"".into(),
        );
    }
    let ids = |price: bool| -> Option<Vec<&str>> {
        let tender = tender?;
        let of_kind = |c: &&Criterion| {
            matches!(c.kind, CriterionKind::Price(_)) == price && c.kind != CriterionKind::Group
        };
        Some(
            tender
                .criteria
                .iter()
                .filter(of_kind)
                .map(|c| c.id.0.as_str())
                .collect(),
        )
    };
    let (price_lines, quality) = (ids(true), ids(false));

    let mut prices = BTreeMap::new();
    for (key, value) in &raw.prices {
        let field = format!("prices.{}", key.get_ref());
        if let Some(lines) = &price_lines
            && !check.known(
                key,
                lines,
                Code::UnknownPriceLine,
                &field,
                ("price line", "price lines"),
            )
        {
            continue;
        }
        if let Some(amount) = check.number(value, &field) {
            if amount.is_sign_negative() {
                check.report(
                    Code::NegativePrice,
                    value.span(),
                    &field,
                    format!("price {amount} is negative"),
                    "write the price as given in the bid; a price cannot be below 0".into(),
                );
            } else {
                prices.insert(CriterionId(key.get_ref().clone()), Money(amount));
            }
        }
    }
    let mut points = BTreeMap::new();
    for (key, value) in &raw.points {
        let field = format!("points.{}", key.get_ref());
        if let Some(quality) = &quality
            && !check.known(
                key,
                quality,
                Code::UnknownCriterion,
                &field,
                ("quality criterion", "quality criteria"),
            )
        {
            continue;
        }
        if let Some(p) = on_scale(&mut check, tender, key.get_ref(), value, &field) {
            points.insert(CriterionId(key.get_ref().clone()), p);
        }
    }
    let mut panels = BTreeMap::new();
    for (key, raw_panel) in &raw.evaluators {
        let field = format!("evaluators.{}", key.get_ref());
        if let Some(quality) = &quality
            && !check.known(
                key,
                quality,
                Code::UnknownCriterion,
                &field,
                ("quality criterion", "quality criteria"),
            )
        {
            continue;
        }
        let mut evaluators = Vec::new();
        for (name, value) in raw_panel.points.get_ref() {
            let name_field = format!("{field}.points.{}", name.get_ref());
            if let Some(p) = on_scale(&mut check, tender, key.get_ref(), value, &name_field) {
                evaluators.push((name.get_ref().clone(), p));
            }
        }
        if raw_panel.points.get_ref().is_empty() {
            check.report(
                Code::Shape,
                raw_panel.points.span(),
                &format!("{field}.points"),
                "the panel lists no evaluators".into(),
                "give each evaluator's points, e.g. points = { anna = 7, bo = 8 }".into(),
            );
            continue;
        }
        let panel = Panel {
            evaluators,
            reason: raw_panel.reason.clone(),
            line: check.line(key.span().start),
        };
        let id = CriterionId(key.get_ref().clone());
        // The consensus is what is scored; where it is not the evaluators' mean, the file
        // must say why, so the record of the evaluation is complete.
        if let Some(consensus) = points.get(&id)
            && panel.evaluators.len() == raw_panel.points.get_ref().len()
            && panel.mean().0 != consensus.0
            && panel.reason.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            check.report(Code::MissingReason, key.span(), &format!("{field}.reason"),
                format!("the consensus {} points on `{}` differs from the evaluators' mean {}, and no reason is given",
                    consensus, key.get_ref(), panel.mean().0.normalize()),
                "add reason = \"...\" to the panel: why the evaluators agreed on the consensus".into());
        }
        panels.insert(id, panel);
    }
    let (tender, quality) = (tender?, quality?);
    // The bid is built from what is valid even when some field is not, so that missing
    // points are reported in the same run as the other problems.
    let bid = Bid {
        file: format!("bids/{id}.toml"),
        id,
        bidder: raw.bidder.get_ref().clone(),
        cvr: cvr.clone(),
        submitted: raw.submitted.get_ref().to_string(),
        submitted_at: submitted_at?,
        declaration: declaration?,
        reservations_found,
        solution_descriptions: solution_descriptions?,
        quality_characters: quality_characters?,
        lines,
        prices,
        points,
        panels,
    };
    // Points are needed only for a bid that is scored: one set aside (a declared
    // reservation, say) is not read (Bilag C.1 pkt. 1.2). Scoring decides which, so the
    // rule lives in one place.
    // Points given but invalid are reported already; only absent ones are missing.
    let missing: Vec<&&str> = quality
        .iter()
        .filter(|c| !raw.points.keys().any(|k| k.get_ref() == **c))
        .collect();
    if !missing.is_empty() && matches!(score_bid(tender, &bid).outcome, Outcome::Scored { .. }) {
        for criterion in missing {
            {
                check.report(
                    Code::MissingPoints,
                    raw.bidder.span(),
                    &format!("points.{criterion}"),
                    format!("bid has no points for quality criterion `{criterion}`"),
                    format!("add `{criterion} = ...` under [points] with the evaluators' points"),
                );
            }
        }
    }
    check.clean().then_some(bid)
}

/// Quality points on the scale of the criterion they score, or reported.
fn on_scale(
    check: &mut Checker<'_>,
    tender: Option<&Tender>,
    criterion: &str,
    value: &Num,
    field: &str,
) -> Option<Points> {
    let p = check.number(value, field)?;
    let Some(tender) = tender else {
        return Some(Points(p));
    };
    let scale = tender
        .criterion(criterion)
        .map_or(&tender.scale, |c| tender.scale_of(c));
    if p < scale.min.0 || p > scale.max.0 {
        check.report(
            Code::PointsOutOfScale,
            value.span(),
            field,
            format!(
                "{p} points is outside the scale {}–{}",
                scale.min, scale.max
            ),
            format!(
                "give the evaluators' points on the scale of `{criterion}`, from {} to {}",
                scale.min, scale.max
            ),
        );
        return None;
    }
    Some(Points(p))
}

fn unknown_help(wrong: &str, known: &[&str], what: &str) -> String {
    match nearest(wrong, known.iter().copied()) {
        Some(near) => format!(
            "did you mean `{near}`? The tender's {what}: {}",
            known.join(", ")
        ),
        None => format!("use one of the tender's {what}: {}", known.join(", ")),
    }
}

/// A TOML date as a calendar date.
fn civil_date(date: toml::value::Date) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year).ok()?;
    jiff::civil::Date::new(
        year,
        i8::try_from(date.month).ok()?,
        i8::try_from(date.day).ok()?,
    )
    .ok()
}

/// Validates a rettelsesblad file on its own: its number, date and that every change has
/// a path and a value. Whether each path exists, and whether the amended tender is valid,
/// is checked when the versions are built.
pub fn rettelsesblad(
    sources: &Sources,
    file: FileId,
    label: String,
    raw: &RawRettelsesblad,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Rettelsesblad> {
    let mut check = Checker::new(sources, file, diagnostics);
    let number = check
        .whole(&raw.number, "number", 1)
        .and_then(|n| u32::try_from(n).ok());
    let date = raw.date.get_ref();
    let civil = if date.time.is_none() {
        date.date.and_then(civil_date)
    } else {
        None
    };
    if civil.is_none() {
        check.report(
            Code::BadValue,
            raw.date.span(),
            "date",
            format!("`date` must be a date such as 2023-09-20, found {date}"),
            "write the date the rettelsesblad was issued, without a time: date = 2023-09-20".into(),
        );
    }
    if raw.changes.get_ref().is_empty() {
        check.report(
            Code::Shape,
            raw.changes.span(),
            "changes",
            "the rettelsesblad has no changes".into(),
            "add [[changes]] tables with path = \"criteria.spor1.max\" and value = ...".into(),
        );
    }
    let changes = raw
        .changes
        .get_ref()
        .iter()
        .map(|c| Change {
            path: c.path.get_ref().clone(),
            value: check
                .text
                .get(c.value.span())
                .unwrap_or_default()
                .to_string(),
            reason: c.reason.clone(),
            file,
            span: c.path.span(),
            line: check.line(c.path.span().start),
        })
        .collect();
    if !check.clean() {
        return None;
    }
    Some(Rettelsesblad {
        number: number?,
        date: civil?,
        title: raw.title.clone(),
        reference: raw.reference.clone(),
        file: label,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn exact_decimal_reads_the_digits_as_written() {
        assert_eq!(exact_decimal("448.05"), Decimal::from_str("448.05").ok());
        assert_eq!(exact_decimal("1_150"), Decimal::from_str("1150").ok());
        assert_eq!(exact_decimal("+3.5"), Decimal::from_str("3.5").ok());
        assert_eq!(exact_decimal("4.4805e2"), Decimal::from_str("448.05").ok());
        assert_eq!(exact_decimal("nan"), None);
        assert_eq!(exact_decimal("inf"), None);
    }
}
