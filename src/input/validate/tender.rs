//! A tender definition: its scale, quality rules, price rules, conformity rules, criteria
//! and ranking, validated against its (already validated) scoring model.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use toml::Spanned;

use crate::domain::AbnormallyLow;
use crate::domain::{
    AnchorPrice, Conformity, Criterion, CriterionId, CriterionKind, Decision, Descriptor, Language,
    LengthLimit, Method, MissingPrice, OutOfBand, PriceLine, PriceRules, QualityRules, Rule, Scale,
    ScoringModel, Tender,
};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::{
    Num, RawConformity, RawCriterion, RawLengthLimit, RawModel, RawQuality, RawRule, RawScale,
    RawTender,
};
use crate::values::{ModelRounding, Percent, Points, RoundingMode};

use super::checker::{Checker, PERCENT, POINTS, QUANTITY, civil_date, unknown_help};
use super::criteria::criteria;
use super::model::rounding;

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
    let criteria = criteria(&mut check, &raw.criteria, model.method.is_money());
    let total_rounding = match raw.ranking.as_ref().and_then(|r| r.total_rounding.as_ref()) {
        // "none" is the same as no total_rounding: the total is kept exact.
        Some(r) => rounding(&mut check, r, "ranking.total_rounding").map(|r| match r {
            ModelRounding::Exact => None,
            ModelRounding::To(rule) => Some(rule),
        }),
        None => Some(None),
    };
    let tie_break = tie_break(&mut check, raw);
    if model.method.is_money() {
        money_ranking(&mut check, raw, criteria.as_deref());
    }
    let language = match &raw.language {
        None => Some(Language::Da),
        Some(language) => check.choice(
            language,
            "language",
            &[("da", Language::Da), ("en", Language::En)],
        ),
    };

    // Read without reporting: a value that is no whole number is reported once, below.
    if let Some(days) = &raw.standstill_days
        && days
            .get_ref()
            .as_integer()
            .is_some_and(|d| (1..10).contains(&d))
    {
        check.diagnostics.push(
            Diagnostic::at(
                Code::ShortStandstill,
                check.file,
                days.span(),
                "standstill_days",
            )
            .warns(
                "a standstill period shorter than 10 calendar days: the complaints act \
                 (klagenævnsloven § 3) asks 10 days where the notice is sent electronically",
                "give standstill_days = 10 or more, unless a shorter period is deliberate \
                 (the light regime does not demand one)",
            ),
        );
    }
    let standstill_days = match &raw.standstill_days {
        None => Some(10),
        Some(days) => check
            .whole(days, "standstill_days", 1)
            .filter(|d| *d <= 365)
            .and_then(|d| u32::try_from(d).ok())
            .or_else(|| {
                if check.clean() {
                    check.report(
                        Code::BadValue,
                        days.span(),
                        "standstill_days",
                        "`standstill_days` must be a whole number of days from 1 to 365".into(),
                        "give the standstill period in calendar days, e.g. 10".into(),
                    );
                }
                None
            }),
    };

    let price_lines: Vec<&str> = raw
        .criteria
        .iter()
        .filter(|c| c.kind.as_ref().is_some_and(|k| k.get_ref() == "price"))
        .map(|c| c.id.get_ref().as_str())
        .collect();
    let contract = raw
        .contract
        .as_ref()
        .map(|c| super::contract::contract(&mut check, c, &price_lines));

    let requirements = super::procedure::requirements(&mut check, &raw.requirements);
    let award = match &raw.award {
        None => Some(None),
        Some(award) => super::procedure::award(&mut check, award).map(Some),
    };
    let lots = super::procedure::lots(&mut check, &raw.lots, raw.lot_limit.as_ref());
    let rounds =
        deadline_at.and_then(|first| super::procedure::rounds(&mut check, &raw.rounds, first));

    if !check.clean() {
        return None;
    }
    let tender = Tender {
        id: raw.id.get_ref().clone(),
        language: language?,
        standstill_days: standstill_days?,
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
        decisions: Default::default(),
        contract: contract.flatten().map(Box::new),
        requirements: requirements?,
        award: award?,
        lots: lots.clone()?.0,
        lot: None,
        lot_limit: lots?.1,
        rounds: rounds?,
        round: 1,
    };
    let scales_fit = thresholds_fit(&mut check, raw, &tender);
    (model_fits(&tender, &model_site, check.diagnostics) && scales_fit).then_some(tender)
}

/// Under a money model bids are ranked by the evaluation price as the model rounds it, and
/// price has no points: a `total_rounding` would never apply, and a tie-break on price
/// would compare points that are always 0. Both are refused, so no published rule is
/// silently ignored.
fn money_ranking(check: &mut Checker<'_>, raw: &RawTender, criteria: Option<&[Criterion]>) {
    let Some(ranking) = &raw.ranking else {
        return;
    };
    if let Some(rounding) = &ranking.total_rounding {
        check.report(
            Code::BadValue,
            rounding.rounding.span(),
            "ranking.total_rounding",
            "under a money model bids are ranked by the evaluation price, so there is no total to round".into(),
            "remove total_rounding; the evaluation price is rounded by the model's [points] rule".into(),
        );
    }
    // Which criteria earn points is known once the criteria are valid.
    let Some(criteria) = criteria else {
        return;
    };
    let quality_below = |index: usize| {
        criteria.iter().enumerate().any(|(i, c)| {
            c.kind == CriterionKind::Quality && crate::domain::path_in(criteria, i).contains(&index)
        })
    };
    for id in &ranking.tie_break {
        let Some(index) = criteria.iter().position(|c| *c.id.0 == **id.get_ref()) else {
            continue;
        };
        if !quality_below(index) {
            check.report(
                Code::BadValue,
                id.span(),
                "ranking.tie_break",
                format!(
                    "under a money model `{}` earns no points, so it cannot break a tie",
                    id.get_ref()
                ),
                "break ties on quality criteria; equal evaluation prices of bids with the same quality are equal".into(),
            );
        }
    }
}

/// A minimum quality in percent of the maximum needs every quality scale to reach above 0
/// (a scale from -10 to 0 has no percentage to reach).
fn thresholds_fit(check: &mut Checker<'_>, raw: &RawTender, tender: &Tender) -> bool {
    let Some(raw_quality) = &raw.quality else {
        return true;
    };
    let Some(value) = raw_quality
        .min_total
        .as_ref()
        .or(raw_quality.min_per_criterion.as_ref())
    else {
        return true;
    };
    // Points on a criterion's own scale are mapped onto the tender's, so both must reach
    // above 0.
    let flat = tender
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality)
        .find(|c| {
            tender.scale_of(c).max.value() <= Decimal::ZERO
                || tender.scale.max.value() <= Decimal::ZERO
        });
    let Some(criterion) = flat else {
        return true;
    };
    check.report(
        Code::BadValue,
        value.span(),
        "quality",
        format!(
            "a minimum quality in % of the maximum needs every quality scale to reach above 0, but the scale of `{}` ends at {}",
            criterion.id,
            tender.scale_of(criterion).max
        ),
        "give the quality scales a maximum above 0, or remove the minimum quality".into(),
    );
    false
}

/// `[ranking]`: the declared tie-break chain, each a criterion of the tender; none
/// declared: ties are shared.
fn tie_break(check: &mut Checker<'_>, raw: &RawTender) -> Option<Rule<Vec<CriterionId>>> {
    raw.ranking.as_ref().map_or(
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
                    chain.push(CriterionId(id.get_ref().as_str().into()));
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
    )
}

/// Whether the model fits every price it scores: each line, or the one combined evaluation
/// price where the tender combines its lines by volume. Each misfit is reported at the
/// model's anchors (or its method).
fn model_fits(
    tender: &Tender,
    model_site: &ModelSite<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
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
    const ANCHORS: &str = "make the anchors' prices strictly increase on every price line that uses this \
        model, and give every such line a `target` where anchors are relative to it";
    let mut problems: Vec<(String, &str)> = scored_lines
        .iter()
        .flat_map(|(id, line)| anchor_order(&tender.model, line, id))
        .map(|message| (message, ANCHORS))
        .collect();
    // Combined by volume, the evaluation price is itself a price: within the same limit.
    if let Some(band) = tender.evaluation_line().and_then(|line| line.band)
        && band.max.value() > Decimal::from(1_000_000_000_000_i64)
    {
        problems.push((
            format!(
                "the lines combined by prices.volumes give evaluation prices up to {}, above 1000000000000",
                band.max
            ),
            "give smaller expected quantities or price bands, so that Σ maximum × quantity stays within 10^12",
        ));
    }
    // Without a floor, the points of a price far above a tiny lowest price are a huge
    // negative number; from a price of 1 on they always fit exact arithmetic.
    if let Method::RelativeToLowest {
        floor_at_zero: false,
        ..
    } = tender.model.method
    {
        for (id, line) in &scored_lines {
            match line.band {
                Some(band) if band.min.value() < Decimal::ONE => problems.push((
                    format!(
                        "model {} has no floor, so price line `{id}` needs a minimum price of at least 1, found {}",
                        tender.model.name, band.min
                    ),
                    "give the price line a minimum of at least 1, or choose a model with floor = \"zero\"",
                )),
                // Its points have no lower bound without a highest price.
                None => problems.push((
                    format!(
                        "model {} has no floor, so price line `{id}` needs a band (min of at least 1, and max)",
                        tender.model.name
                    ),
                    "give the price line min and max, or choose a model with floor = \"zero\"",
                )),
                Some(_) => {}
            }
        }
    }
    // A money model compares one price and one quality score: the lines must combine into
    // one price, and the quality criteria share one scale.
    if tender.model.method.is_money() {
        match scored_lines.len() {
            1 => {}
            0 => problems.push((
                format!(
                    "money model {} needs a price to compare, but the tender has no price line",
                    tender.model.name
                ),
                "add a [[criteria]] table with kind = \"price\" and its unit",
            )),
            n => problems.push((
                format!(
                    "money model {} needs one price to compare, but the tender has {n} price lines and no prices.volumes",
                    tender.model.name
                ),
                "add prices.volumes to combine the price lines into one evaluation price",
            )),
        }
        if tender.scale.max.value() <= Decimal::ZERO {
            problems.push((
                format!(
                    "money model {} prices the quality missing from the scale's maximum, but the tender's scale ends at {}",
                    tender.model.name, tender.scale.max
                ),
                "give the tender's quality scale a maximum above 0",
            ));
        }
        if tender.criteria.iter().any(|c| {
            c.scale
                .as_ref()
                .is_some_and(|s| s.max != tender.scale.max || s.min != tender.scale.min)
        }) {
            problems.push((
                format!(
                    "money model {} needs every quality criterion on the tender's scale",
                    tender.model.name
                ),
                "remove the quality criteria's own scales, so all are scored on the tender's scale",
            ));
        }
    }
    let span = model_site
        .raw
        .anchors
        .as_ref()
        .map_or(model_site.raw.method.span(), |a| a.span());
    // Named by what the model has: its anchors, or else its method.
    let field = if model_site.raw.anchors.is_some() {
        "anchors"
    } else {
        "method"
    };
    for (message, help) in &problems {
        diagnostics.push(
            Diagnostic::at(Code::BadModel, model_site.file, span.clone(), field)
                .says(message.clone(), *help),
        );
    }
    problems.is_empty()
}

/// The largest length limit, in characters, of a quality description: far above any
/// real limit, and a product that cannot wrap.
const MAX_CHARACTERS: u64 = 1_000_000_000_000;

/// Pages of a length limit: up to a million, in hundredths at most (23.5, 23.25).
const PAGES: super::checker::Limit = super::checker::Limit {
    max: 1_000_000,
    decimals: 2,
    what: "a number of pages",
};

/// A length limit: pages (above 0, at most 2 decimals) of a whole number of characters,
/// at most `MAX_CHARACTERS` in all. `field` is where it stands (`conformity.length_limit`,
/// `criteria[indsats].length_limit`).
pub(super) fn length_limit(
    check: &mut Checker<'_>,
    limit: &RawLengthLimit,
    field: &str,
) -> Option<Rule<LengthLimit>> {
    let pages = check
        .limited(&limit.pages, &format!("{field}.pages"), PAGES)
        .filter(|p| {
            let positive = *p > Decimal::ZERO;
            if !positive {
                check.report(
                    Code::BadValue,
                    limit.pages.span(),
                    &format!("{field}.pages"),
                    format!("`{field}.pages` = {p} is not above 0"),
                    "give the number of pages the tender allows, e.g. 20 or 23.5".into(),
                );
            }
            positive
        });
    let per_page = check.whole(
        &limit.characters_per_page,
        &format!("{field}.characters_per_page"),
        1,
    );
    if let (Some(pages), Some(per_page)) = (pages, per_page)
        && pages
            .checked_mul(Decimal::from(per_page))
            .is_none_or(|c| c > Decimal::from(MAX_CHARACTERS))
    {
        check.report(
            Code::BadValue,
            limit.pages.span(),
            field,
            format!("{pages} pages of {per_page} characters is too large: at most {MAX_CHARACTERS} characters in all"),
            "give the length limit as the tender states it, e.g. pages = 20 and characters_per_page = 2400".into(),
        );
        return None;
    }
    Some(Rule {
        action: LengthLimit {
            pages: pages?,
            characters_per_page: per_page?,
        },
        source: limit.source.clone(),
        text: limit.text.clone(),
    })
}

fn conformity(check: &mut Checker<'_>, raw: &RawConformity) -> Conformity {
    let decisions = [("reject", Decision::Reject), ("review", Decision::Review)];
    let length_limit = raw
        .length_limit
        .as_ref()
        .and_then(|limit| length_limit(check, limit, "conformity.length_limit"));
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
pub(super) fn scale(check: &mut Checker<'_>, raw: &RawScale, field: &str) -> Option<Scale> {
    let min = check.limited(&raw.min, &format!("{field}.min"), POINTS);
    let max = check.limited(&raw.max, &format!("{field}.max"), POINTS);
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
        let Some(points) = check.limited(&d.points, &name, POINTS) else {
            continue;
        };
        if points < min
            || points > max
            || descriptors
                .last()
                .is_some_and(|last| last.points.value() >= points)
        {
            check.report(Code::BadValue, d.points.span(), &name,
                format!("descriptor at {points} points is outside the scale {min}–{max} or not above the one before"),
                "list the descriptors from the lowest step to the highest, each on the scale".into());
            continue;
        }
        descriptors.push(Descriptor {
            points: Points::new(points),
            text: d.text.clone(),
        });
    }
    Some(Scale {
        min: Points::new(min),
        max: Points::new(max),
        descriptors,
    })
}

/// `[quality]`: thresholds in points and percentages.
fn quality(check: &mut Checker<'_>, raw: &RawQuality) -> Option<QualityRules> {
    let start = check.diagnostics.len();
    let percent = |check: &mut Checker<'_>, value: &Option<Num>, field: &str| -> Option<Percent> {
        let value = value.as_ref()?;
        let number = check.limited(value, field, PERCENT)?;
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
        Some(Percent::new(number))
    };
    let min_per_criterion = percent(check, &raw.min_per_criterion, "quality.min_per_criterion");
    let min_total = percent(check, &raw.min_total, "quality.min_total");
    let disagreement = raw.disagreement.as_ref().and_then(|v| {
        let points = check.limited(v, "quality.disagreement", POINTS)?;
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
        Some(Points::new(points))
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
    let whole_kroner = match &rules.whole_kroner {
        Some(rule) => check.rule(rule, "prices.whole_kroner", &whole),
        // Øre are kept.
        None => Some(Rule {
            action: None,
            source: None,
            text: None,
        }),
    };
    let lines: Vec<&RawCriterion> = raw
        .criteria
        .iter()
        .filter(|c| c.kind.as_ref().is_some_and(|k| k.get_ref() == "price"))
        .collect();
    let banded: Vec<&RawCriterion> = lines
        .iter()
        .copied()
        .filter(|c| c.min.is_some() || c.max.is_some())
        .collect();
    let below_min = band_rule(
        check,
        &rules.below_min,
        "below_min",
        &[("raise", OutOfBand::Clamp), ("reject", OutOfBand::Reject)],
        &banded,
    );
    let above_max = band_rule(
        check,
        &rules.above_max,
        "above_max",
        &[("lower", OutOfBand::Clamp), ("reject", OutOfBand::Reject)],
        &banded,
    );
    let missing_options = [("max", MissingPrice::Max), ("reject", MissingPrice::Reject)];
    let missing = match (&rules.missing, lines.first()) {
        (Some(rule), _) => check.rule(rule, "prices.missing", &missing_options),
        // No price line: no price can be missing; the rule is never applied.
        (None, None) => Some(Rule {
            action: MissingPrice::Reject,
            source: None,
            text: None,
        }),
        (None, Some(first)) => {
            check.report(
                Code::Shape,
                first.id.span(),
                "prices.missing",
                "the tender has price lines but no rule for a bid that leaves a price out".into(),
                "add missing = { rule = \"reject\" } (or \"max\", the line's maximum, where every line has a band) under [prices]".into(),
            );
            None
        }
    };
    // `max` puts the line's maximum in place of a missing price: every line needs a band.
    if let (Some(rule), Some(raw_rule)) = (&missing, &rules.missing)
        && rule.action == MissingPrice::Max
        && let Some(bandless) = lines.iter().find(|c| c.min.is_none() && c.max.is_none())
    {
        check.report(
            Code::BadPriceLine,
            raw_rule.rule.span(),
            "prices.missing.rule",
            format!(
                "a missing price is set to the line's maximum, but price line `{}` has no band",
                bandless.id.get_ref()
            ),
            "give every price line min and max, or use missing = { rule = \"reject\" }".into(),
        );
    }
    let volumes = match &rules.volumes {
        None => Some(None),
        Some(table) => volumes(check, raw, table).map(Some),
    };
    let abnormally_low = match &rules.abnormally_low {
        None => Some(None),
        Some(raw) => abnormally_low(check, raw).map(Some),
    };
    Some(PriceRules {
        whole_kroner: whole_kroner?,
        below_min: below_min?,
        above_max: above_max?,
        missing: missing?,
        volumes: volumes?,
        abnormally_low: abnormally_low?,
    })
}

/// `[prices.abnormally_low]`: one or both tests, each a percentage above 0 and below 100.
fn abnormally_low(
    check: &mut Checker<'_>,
    raw: &toml::Spanned<crate::input::raw::RawAbnormallyLow>,
) -> Option<AbnormallyLow> {
    let start = check.diagnostics.len();
    let table = raw.get_ref();
    let mut percent = |value: &Option<Num>, field: &str| -> Option<Percent> {
        let value = value.as_ref()?;
        let number = check.limited(value, field, PERCENT)?;
        if number <= Decimal::ZERO || number >= Decimal::ONE_HUNDRED {
            check.report(
                Code::BadValue,
                value.span(),
                field,
                format!("`{field}` must be a percentage above 0 and below 100, found {number}"),
                "give how many percent below the other prices a price must lie to need an explanation, e.g. 20".into(),
            );
            return None;
        }
        Some(Percent::new(number))
    };
    let below_mean_of_others = percent(
        &table.below_mean_of_others,
        "prices.abnormally_low.below_mean_of_others",
    );
    let below_next_lowest = percent(
        &table.below_next_lowest,
        "prices.abnormally_low.below_next_lowest",
    );
    if table.below_mean_of_others.is_none() && table.below_next_lowest.is_none() {
        check.report(
            Code::Shape,
            raw.span(),
            "prices.abnormally_low",
            "[prices.abnormally_low] states no test".into(),
            "add below_mean_of_others = 20 and/or below_next_lowest = 10 (percent)".into(),
        );
    }
    (check.diagnostics.len() == start).then(|| AbnormallyLow {
        below_mean_of_others,
        below_next_lowest,
        source: table.source.clone(),
        text: table.text.clone(),
    })
}

/// `below_min` or `above_max`: required where a price line has a band (`banded`), and
/// refused where none has, since no price can then be outside one. `Some(None)` when
/// rightly absent; `None` on a problem (reported).
fn band_rule(
    check: &mut Checker<'_>,
    raw: &Option<RawRule>,
    name: &str,
    options: &[(&str, OutOfBand)],
    banded: &[&RawCriterion],
) -> Option<Option<Rule<OutOfBand>>> {
    let field = format!("prices.{name}");
    let choices: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    match (raw, banded.first()) {
        (Some(rule), Some(_)) => check.rule(rule, &field, options).map(Some),
        (None, None) => Some(None),
        (None, Some(first)) => {
            check.report(
                Code::Shape,
                first.id.span(),
                &field,
                format!(
                    "price line `{}` has a band, so the tender must say what happens to a price outside it, but [prices] has no `{name}`",
                    first.id.get_ref()
                ),
                format!(
                    "add {name} = {{ rule = \"{}\" }} (or \"{}\") under [prices]",
                    choices[0], choices[1]
                ),
            );
            None
        }
        (Some(rule), None) => {
            check.report(
                Code::BadValue,
                rule.rule.span(),
                &format!("{field}.rule"),
                format!("no price line has a band, so `{name}` can never apply"),
                format!("remove `{name}` from [prices], or give the price lines min and max"),
            );
            None
        }
    }
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
        if let Some(q) = check.limited(value, &field, QUANTITY) {
            if q <= Decimal::ZERO {
                check.report(
                    Code::BadValue,
                    value.span(),
                    &field,
                    format!("the expected quantity {q} must be above 0"),
                    "give the quantity expected for the line, e.g. 130 weekdays".into(),
                );
            } else {
                volumes.insert(CriterionId(key.get_ref().as_str().into()), q);
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
    // Anchors at "min" or "max" (or relative to a target the line lacks, which falls back
    // on the maximum) need the band; fixed amounts do not.
    if let Some(anchor) = anchors.iter().find(|a| a.price.on(line).is_none()) {
        return vec![format!(
            "model {} has an anchor at {}, but price line `{id}` has no band (min and max)",
            model.name, anchor.price
        )];
    }
    let band = line
        .band
        .map_or("no band".to_string(), |b| format!("{}–{}", b.min, b.max));
    anchors
        .windows(2)
        .filter(|pair| pair[0].price.on(line) >= pair[1].price.on(line))
        .map(|pair| {
            let at = |a: &crate::domain::Anchor| a.price.on(line).map_or("—".into(), |p| p.to_string());
            format!(
                "on price line `{id}` ({band}) the anchor at {} ({}) does not lie below the next anchor at {} ({})",
                pair[0].price, at(&pair[0]), pair[1].price, at(&pair[1])
            )
        })
        .collect()
}
