//! The award criteria: a tree of weighted criteria, each a group, a quality criterion or
//! a price line; sibling weights sum to 100 %, and each criterion's share of the total is
//! the product of the weights on its path.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::domain::{
    Criterion, CriterionId, CriterionKind, LengthLimit, PriceBand, PriceLine, Rule, Scale,
    set_shares,
};
use crate::input::diag::{Code, Diagnostic, nearest};
use crate::input::raw::RawCriterion;
use crate::values::{Money, Percent, Share};

use super::checker::{Checker, MONEY, PERCENT};
use super::tender::{length_limit, scale};

/// The award criteria as a tree: ids, parents, weights, kinds and scales, with each
/// criterion's share of the total.
///
/// Under a money model (`money`) price does not weigh against quality as points: the
/// model's own parameter sets the trade-off. Price lines, and groups holding only price
/// lines, then need no weight; their share is 0, and the weights of the quality criteria
/// sum to 100 % among themselves.
pub(super) fn criteria(
    check: &mut Checker<'_>,
    raw: &[RawCriterion],
    money: bool,
) -> Option<Vec<Criterion>> {
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
    let parents = parents(check, raw);
    let has_children: BTreeSet<usize> = parents.iter().flatten().copied().collect();
    let mut nodes: Vec<Node> = raw
        .iter()
        .enumerate()
        .map(|(i, c)| node(check, c, has_children.contains(&i)))
        .collect();
    unweighted(check, raw, &parents, &mut nodes, money);
    let weights: Vec<Option<Decimal>> = nodes.iter().map(|n| n.weight).collect();
    // Under a money model a price weight is not used (W002): it neither counts in the sum
    // of its level nor needs one of its own.
    let unused: Vec<bool> = (0..raw.len())
        .map(|i| money && only_price_below(i, &parents, &nodes))
        .collect();
    weight_sums(check, raw, &parents, &weights, &unused);
    let limits = length_limits(check, raw, &parents, &nodes);
    if check.errors_since(start) {
        return None;
    }
    let mut criteria: Vec<Criterion> = raw
        .iter()
        .zip(parents)
        .zip(nodes)
        .zip(limits)
        .map(|(((c, parent), node), length_limit)| Criterion {
            id: CriterionId(c.id.get_ref().as_str().into()),
            name: c.name.clone().unwrap_or_else(|| c.id.get_ref().clone()),
            parent,
            weight: Percent::new(node.weight.unwrap_or_default()),
            share: Share::WHOLE,
            source: c.source.clone(),
            kind: node.kind.unwrap_or(CriterionKind::Group),
            scale: node.scale,
            length_limit,
        })
        .collect();
    if !shares_exact(check, raw, &criteria) {
        return None;
    }
    set_shares(&mut criteria);
    Some(criteria)
}

/// Whether every share of the total can be held exactly: a share is the product of the
/// weights (÷ 100) on its path, and its decimals are the sum of theirs, which must stay
/// within the 28 an exact decimal holds. Reported at the criterion where they do not.
fn shares_exact(check: &mut Checker<'_>, raw: &[RawCriterion], criteria: &[Criterion]) -> bool {
    let mut exact = true;
    for (i, c) in criteria.iter().enumerate() {
        let mut decimals = 0;
        let mut at = Some(i);
        while let Some(node) = at {
            decimals += criteria[node].weight.value().normalize().scale() + 2;
            at = criteria[node].parent;
        }
        if decimals > 28 {
            exact = false;
            check.report(
                Code::BadValue,
                weight_span(&raw[i]),
                &format!("criteria[{}].weight", c.id),
                format!(
                    "the share of `{}` in the total would need {decimals} decimals, more than the 28 an exact decimal holds",
                    c.id
                ),
                "give the weights on this criterion's path fewer decimals".into(),
            );
        }
    }
    exact
}

/// The parent of each criterion, by index; ids are read first, so parents resolve
/// whatever the order of the tables. Duplicate and empty ids, unknown parents and cycles
/// are reported.
fn parents(check: &mut Checker<'_>, raw: &[RawCriterion]) -> Vec<Option<usize>> {
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
    let parents: Vec<Option<usize>> = raw
        .iter()
        .map(|c| {
            let p = c.parent.as_ref()?;
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
        })
        .collect();
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
    parents
}

/// Criteria without a weight: allowed for price lines and groups of only price lines under
/// a money model (weight 0: no share of a total), reported everywhere else. A price-only
/// level is then either weighted throughout or not at all.
fn unweighted(
    check: &mut Checker<'_>,
    raw: &[RawCriterion],
    parents: &[Option<usize>],
    nodes: &mut [Node],
    money: bool,
) {
    let price_only: Vec<bool> = (0..raw.len())
        .map(|i| only_price_below(i, parents, nodes))
        .collect();
    for (i, c) in raw.iter().enumerate() {
        let id = c.id.get_ref();
        let top_of_price = price_only[i] && !parents[i].is_some_and(|p| price_only[p]);
        if let Some(weight) = &c.weight {
            if money && top_of_price {
                let at = Diagnostic::at(
                    Code::UnusedWeight,
                    check.file,
                    weight.span(),
                    format!("criteria[{id}].weight"),
                );
                check.diagnostics.push(at.warns(
                    format!(
                        "under a money model price is not weighted against quality: the model's own \
                         amount sets the trade-off, so the weight of `{id}` (and of any price line under it) is not used"
                    ),
                    "remove `weight` from the price lines and their group; give the quality criteria \
                     weights that sum to 100 % among themselves",
                ));
            }
            continue;
        }
        if money && price_only[i] {
            nodes[i].weight = Some(Decimal::ZERO);
            continue;
        }
        let help = if money {
            "give the criterion its weight in percent among its siblings, e.g. weight = 60 \
             (under a money model only price lines may go without one)"
        } else {
            "give the criterion its weight in percent among its siblings, e.g. weight = 60"
        };
        check.report(
            Code::Shape,
            c.id.span(),
            &format!("criteria[{id}].weight"),
            format!("criterion `{id}` has no weight"),
            help.into(),
        );
    }
}

/// Each criterion's length limit: only a quality criterion, or a group with a quality
/// criterion below it, has a description to limit.
fn length_limits(
    check: &mut Checker<'_>,
    raw: &[RawCriterion],
    parents: &[Option<usize>],
    nodes: &[Node],
) -> Vec<Option<Rule<LengthLimit>>> {
    raw.iter()
        .enumerate()
        .map(|(i, c)| {
            let limit = c.length_limit.as_ref()?;
            let id = c.id.get_ref();
            let field = format!("criteria[{id}].length_limit");
            if only_price_below(i, parents, nodes) {
                check.report(
                    Code::BadPriceLine,
                    c.id.span(),
                    &field,
                    format!("`{id}` is a price line (or holds only price lines), so it has no description to limit"),
                    "put the length limit on the quality criterion whose description it limits, or in [conformity.length_limit] for the whole description".into(),
                );
                return None;
            }
            length_limit(check, limit, &field)
        })
        .collect()
}

/// Whether criterion `i` is a price line or a group whose leaves are all price lines.
fn only_price_below(i: usize, parents: &[Option<usize>], nodes: &[Node]) -> bool {
    let children: Vec<usize> = (0..parents.len())
        .filter(|c| parents[*c] == Some(i))
        .collect();
    if children.is_empty() {
        return matches!(nodes[i].kind, Some(CriterionKind::Price(_)));
    }
    children
        .iter()
        .all(|c| only_price_below(*c, parents, nodes))
}

/// What one criterion table says of itself; `None` where it is invalid (reported).
struct Node {
    weight: Option<Decimal>,
    kind: Option<CriterionKind>,
    scale: Option<Scale>,
}

fn node(check: &mut Checker<'_>, c: &RawCriterion, has_children: bool) -> Node {
    let id = c.id.get_ref();
    let weight = c
        .weight
        .as_ref()
        .and_then(|w| check.limited(w, &format!("criteria[{id}].weight"), PERCENT));
    if let (Some(w), Some(raw_weight)) = (weight, &c.weight)
        && w <= Decimal::ZERO
    {
        check.report(
            Code::BadValue,
            raw_weight.span(),
            &format!("criteria[{id}].weight"),
            format!("weight {w} % must be above 0"),
            "give the criterion a positive weight in percent, or remove it".into(),
        );
    }
    let kind = kind(check, c, has_children);
    let scale = c.scale.as_ref().and_then(|s| {
        if kind == Some(CriterionKind::Quality) {
            scale(check, s, &format!("criteria[{id}].scale"))
        } else {
            check.report(
                Code::BadPriceLine,
                c.id.span(),
                &format!("criteria[{id}].scale"),
                format!("`{id}` is not a quality criterion, so it cannot have a point scale"),
                "remove `scale`: only quality criteria are scored by evaluators on a scale".into(),
            );
            None
        }
    });
    Node {
        weight,
        kind,
        scale,
    }
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

/// What a criterion is: a group (it has sub-criteria), a quality criterion, or a price
/// line; fields of another kind are reported.
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
    price_line(check, c).map(CriterionKind::Price)
}

/// A price line's unit, band and target: the unit is required; the band (`min` and `max`,
/// both or neither) where the tender sets one — whether the model or a price rule needs it
/// is checked with them — the minimum below the maximum, nothing negative.
fn price_line(check: &mut Checker<'_>, c: &RawCriterion) -> Option<PriceLine> {
    let id = c.id.get_ref();
    let mut missing = |name: &str| {
        check.report(
            Code::BadPriceLine,
            c.id.span(),
            &format!("criteria[{id}].{name}"),
            format!("price line `{id}` has no `{name}`"),
            format!(
                "add `{name} = ...` to the price line: a unit is required, and a band is `min` and `max` together"
            ),
        );
    };
    let unit = c.unit.as_ref().map(|u| u.get_ref().clone());
    if unit.is_none() {
        missing("unit");
    }
    match (&c.min, &c.max) {
        (Some(_), None) => missing("max"),
        (None, Some(_)) => missing("min"),
        _ => {}
    }
    let min = c
        .min
        .as_ref()
        .and_then(|v| check.limited(v, &format!("criteria[{id}].min"), MONEY));
    let max = c
        .max
        .as_ref()
        .and_then(|v| check.limited(v, &format!("criteria[{id}].max"), MONEY));
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
            .limited(v, &format!("criteria[{id}].target"), MONEY)
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
                    Some(Some(Money::new(t)))
                }
            }),
    };
    let band = match (&c.min, &c.max) {
        (None, None) => None,
        _ => Some(PriceBand {
            min: Money::new(min?),
            max: Money::new(max?),
        }),
    };
    Some(PriceLine {
        unit: unit?,
        band,
        target: target?,
    })
}

fn weight_sums(
    check: &mut Checker<'_>,
    raw: &[RawCriterion],
    parents: &[Option<usize>],
    weights: &[Option<Decimal>],
    unused: &[bool],
) {
    let mut levels: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut with_unused: BTreeSet<Option<usize>> = BTreeSet::new();
    for (i, parent) in parents.iter().enumerate() {
        if unused[i] {
            with_unused.insert(*parent);
        } else {
            levels.entry(*parent).or_default().push(i);
        }
    }
    for (parent, siblings) in levels {
        // Beside an unused price weight, a lone quality criterion carries all of Q
        // whatever its weight (kvalitet 90 beside pris 10 under a money model).
        if siblings.len() == 1 && with_unused.contains(&parent) {
            continue;
        }
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
        check.report(Code::WeightSum, weight_span(first), &format!("criteria[{}].weight", first.id.get_ref()),
            format!("the weights of the criteria {level} ({}) sum to {} = {} %, not 100 %",
                names.join(", "), terms.join(" + "), sum.normalize()),
            "weights are a tree: the sub-criteria of one criterion share its weight and sum to 100 % among \
             themselves (e.g. kvalitet 90 with indsats 65 + samarbejde 35 under it, and pris 10)".into());
    }
}

/// Where a criterion's weight stands, or its id where it has none.
fn weight_span(c: &RawCriterion) -> std::ops::Range<usize> {
    c.weight.as_ref().map_or_else(|| c.id.span(), |w| w.span())
}
