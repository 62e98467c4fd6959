//! The tender's procedure beyond scoring: its minimum requirements (`[[requirements]]`)
//! the award to several suppliers (`[award]`), the lots (`[[lots]]`, `[lot_limit]`) and
//! the negotiation rounds (`[[rounds]]`).

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use toml::Spanned;

use crate::domain::{Allocation, Award, KeepLots, Lot, LotLimit, Requirement, Round, Rule, Unmet};
use crate::input::diag::Code;
use crate::input::raw::{RawAward, RawLot, RawLotLimit, RawRequirement, RawRound};
use crate::values::Percent;

use super::checker::{Checker, PERCENT, QUANTITY, shorten};

/// The requirements, each with a unique, non-empty id; `None` when any is invalid.
pub(super) fn requirements(
    check: &mut Checker<'_>,
    raw: &[Spanned<RawRequirement>],
) -> Option<Vec<Requirement>> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut valid = true;
    for (i, requirement) in raw.iter().enumerate() {
        let r = requirement.get_ref();
        let id = r.id.get_ref().trim();
        let field = format!("requirements[{i}]");
        if id.is_empty() || id.contains(['.', ' ']) {
            check.report(
                Code::BadValue,
                r.id.span(),
                &format!("{field}.id"),
                format!(
                    "requirement id \"{}\" is empty or holds a dot or a space",
                    shorten(id)
                ),
                "give each requirement a short id of letters, digits and dashes, e.g. \"a-3-2\""
                    .into(),
            );
            valid = false;
        } else if !seen.insert(id.to_string()) {
            check.report(
                Code::DuplicateId,
                r.id.span(),
                &format!("{field}.id"),
                format!("requirement id `{id}` is used twice"),
                "give every requirement an id of its own".into(),
            );
            valid = false;
        }
        if r.text.trim().is_empty() {
            check.report(
                Code::BadValue,
                requirement.span(),
                &format!("{field}.text"),
                format!("requirement `{}` has no text", shorten(id)),
                "quote the requirement as the tender documents state it".into(),
            );
            valid = false;
        }
        let unmet = check.choice(
            &r.unmet,
            &format!("{field}.unmet"),
            &[
                ("reject", Unmet::Reject),
                ("review", Unmet::Review),
                ("correct", Unmet::Correct),
            ],
        );
        let Some(unmet) = unmet else {
            valid = false;
            continue;
        };
        out.push(Requirement {
            id: id.to_string(),
            text: r.text.trim().to_string(),
            source: r.source.clone(),
            unmet,
        });
    }
    valid.then_some(out)
}

/// The most suppliers one award may name; far above any framework agreement.
const MAX_SUPPLIERS: u64 = 1_000;

/// The award: the number of suppliers, the allocation and the volume, each consistent with
/// the others; `None` when any part is invalid (each problem reported).
pub(super) fn award(check: &mut Checker<'_>, spanned: &Spanned<RawAward>) -> Option<Rule<Award>> {
    let raw = spanned.get_ref();
    let start = check.diagnostics.len();
    let suppliers = check
        .whole(&raw.suppliers, "award.suppliers", 1)
        .and_then(|n| {
            if n > MAX_SUPPLIERS {
                check.report(
                    Code::BadValue,
                    raw.suppliers.span(),
                    "award.suppliers",
                    format!("`award.suppliers` = {n} is too large: at most {MAX_SUPPLIERS}"),
                    "give the number of suppliers the framework agreement is awarded to".into(),
                );
                return None;
            }
            u32::try_from(n).ok()
        });
    let kind = check.choice(
        &raw.allocation,
        "award.allocation",
        &[("cascade", 0), ("equal", 1), ("shares", 2)],
    );
    let shares = raw.shares.as_ref().map(|shares| {
        shares
            .get_ref()
            .iter()
            .enumerate()
            .map(|(i, s)| check.limited(s, &format!("award.shares[{i}]"), PERCENT))
            .collect::<Option<Vec<Decimal>>>()
    });
    let allocation = match (kind, shares) {
        (Some(2), Some(Some(shares))) => {
            let span = raw.shares.as_ref().map(Spanned::span).unwrap_or_default();
            let sum: Decimal = shares.iter().sum();
            if shares.iter().any(|s| *s <= Decimal::ZERO) || sum != Decimal::ONE_HUNDRED {
                check.report(
                    Code::BadValue,
                    span.clone(),
                    "award.shares",
                    format!(
                        "the shares {} sum to {} %; each must be above 0 and together 100 %",
                        shares.iter().map(|s| s.normalize().to_string()).collect::<Vec<_>>().join(" + "),
                        sum.normalize()
                    ),
                    "give one share in percent per supplier, first place first, e.g. shares = [60, 40]".into(),
                );
                None
            } else if suppliers.is_some_and(|n| n as usize != shares.len()) {
                check.report(
                    Code::BadValue,
                    span,
                    "award.shares",
                    format!(
                        "{} shares for {} suppliers",
                        shares.len(),
                        suppliers.unwrap_or_default()
                    ),
                    "give exactly one share per supplier awarded".into(),
                );
                None
            } else {
                Some(Allocation::Shares(
                    shares.into_iter().map(Percent::new).collect(),
                ))
            }
        }
        (Some(2), None) => {
            check.report(
                Code::Shape,
                raw.allocation.span(),
                "award.shares",
                "allocation \"shares\" without `shares`".into(),
                "add shares = [60, 40]: the percent of the work per place in the ranking".into(),
            );
            None
        }
        // A share that is no valid percentage is reported already.
        (Some(2), Some(None)) => None,
        (Some(_), Some(_)) => {
            let span = raw.shares.as_ref().map(Spanned::span).unwrap_or_default();
            check.report(
                Code::BadValue,
                span,
                "award.shares",
                format!(
                    "`shares` is given, but the allocation is \"{}\"",
                    raw.allocation.get_ref()
                ),
                "remove `shares`, or set allocation = \"shares\"".into(),
            );
            None
        }
        (Some(0), None) => Some(Allocation::Cascade),
        (Some(_), None) => Some(Allocation::Equal),
        (None, _) => None,
    };
    let volume = match &raw.volume {
        None => Some(None),
        Some(v) => check.whole(v, "award.volume", 1).and_then(|v| {
            if Decimal::from(v) > Decimal::from(QUANTITY.max) {
                check.report(
                    Code::BadValue,
                    v_span(raw),
                    "award.volume",
                    format!(
                        "`award.volume` = {v} is too large: at most {}",
                        QUANTITY.max
                    ),
                    "give the volume in whole units (citizens, courses)".into(),
                );
                return None;
            }
            Some(Some(v))
        }),
    };
    let remainder_by_rank = match &raw.remainder {
        None => Some(false),
        Some(r) => check.choice(r, "award.remainder", &[("by-rank", true)]),
    };
    if check.errors_since(start) {
        return None;
    }
    let award = Award {
        suppliers: suppliers?,
        allocation: allocation?,
        volume: volume?,
        unit: raw.unit.clone(),
        remainder_by_rank: remainder_by_rank?,
    };
    if let (Some(volume), false) = (award.volume, award.remainder_by_rank)
        && let Some(share) = first_fraction(&award, volume)
    {
        check.report(
            Code::BadValue,
            v_span(raw),
            "award.volume",
            format!(
                "a volume of {volume} does not share into whole units: {} % of it is {}",
                share.0.normalize(),
                share.1.normalize()
            ),
            "give a volume that shares into whole units, or add remainder = \"by-rank\" (the units left over go one each to the first places)".into(),
        );
        return None;
    }
    Some(Rule {
        action: award,
        source: raw.source.clone(),
        text: raw.text.clone(),
    })
}

fn v_span(raw: &RawAward) -> std::ops::Range<usize> {
    raw.volume.as_ref().map(Spanned::span).unwrap_or_default()
}

/// The first place whose share of the volume is not a whole number of units, when every
/// place is awarded: (its share in %, its part of the volume).
fn first_fraction(award: &Award, volume: u64) -> Option<(Decimal, Decimal)> {
    let volume = Decimal::from(volume);
    match &award.allocation {
        Allocation::Cascade => None,
        Allocation::Equal => {
            // Divided by the count, never by a rounded 100/n %.
            let n = Decimal::from(award.suppliers);
            let part = volume / n;
            (part.fract() != Decimal::ZERO).then(|| (Decimal::ONE_HUNDRED / n, part))
        }
        Allocation::Shares(shares) => shares.iter().find_map(|share| {
            let part = volume * share.value() / Decimal::ONE_HUNDRED;
            (part.fract() != Decimal::ZERO).then_some((share.value(), part))
        }),
    }
}

/// The lots, each with a unique id, and the lot limit; `None` when any is invalid.
pub(super) fn lots(
    check: &mut Checker<'_>,
    raw: &[Spanned<RawLot>],
    limit: Option<&Spanned<RawLotLimit>>,
) -> Option<(Vec<Lot>, Option<Rule<LotLimit>>)> {
    let start = check.diagnostics.len();
    let mut seen = BTreeSet::new();
    let mut lots = Vec::new();
    for (i, lot) in raw.iter().enumerate() {
        let l = lot.get_ref();
        let id = l.id.get_ref().trim();
        if id.is_empty() || id.contains(['.', ' ']) || !seen.insert(id.to_string()) {
            check.report(
                Code::DuplicateId,
                l.id.span(),
                &format!("lots[{i}].id"),
                format!(
                    "lot id \"{}\" is empty, holds a dot or a space, or is used twice",
                    shorten(id)
                ),
                "give every lot a short id of its own, e.g. \"1\" or \"ressourceforloeb\"".into(),
            );
        }
        lots.push(Lot {
            id: id.to_string(),
            name: l.name.clone().unwrap_or_else(|| id.to_string()),
            source: l.source.clone(),
        });
    }
    let limit = limit.and_then(|spanned| {
        let raw = spanned.get_ref();
        if lots.is_empty() {
            check.report(
                Code::BadValue,
                spanned.span(),
                "lot_limit",
                "a lot limit in a tender without lots".into(),
                "remove [lot_limit], or add the lots as [[lots]] tables".into(),
            );
            return None;
        }
        let per_bidder = check
            .whole(&raw.per_bidder, "lot_limit.per_bidder", 1)
            .and_then(|n| u32::try_from(n).ok());
        let keep = check.choice(
            &raw.keep,
            "lot_limit.keep",
            &[
                ("lot-order", KeepLots::LotOrder),
                ("bidder-priority", KeepLots::BidderPriority),
            ],
        );
        Some(Rule {
            action: LotLimit {
                per_bidder: per_bidder?,
                keep: keep?,
            },
            source: raw.source.clone(),
            text: raw.text.clone(),
        })
    });
    (!check.errors_since(start)).then_some((lots, limit))
}

/// The negotiation rounds after the initial bids: each named, each deadline after the one
/// before it (the tender's own deadline for round 1); `None` when any is invalid.
pub(super) fn rounds(
    check: &mut Checker<'_>,
    raw: &[Spanned<RawRound>],
    initial_deadline: jiff::Timestamp,
) -> Option<Vec<Round>> {
    let start = check.diagnostics.len();
    let mut rounds = Vec::new();
    let mut previous = initial_deadline;
    for (i, round) in raw.iter().enumerate() {
        let r = round.get_ref();
        let number = u32::try_from(i + 2).unwrap_or(u32::MAX);
        let field = format!("rounds[{i}]");
        if r.name.get_ref().trim().is_empty() {
            check.report(
                Code::BadValue,
                r.name.span(),
                &format!("{field}.name"),
                format!("round {number} has no name"),
                "name the round as the tender documents do, e.g. \"Endeligt tilbud\"".into(),
            );
        }
        let Some(deadline_at) = check.instant(&r.deadline, &format!("{field}.deadline")) else {
            continue;
        };
        if deadline_at <= previous {
            check.report(
                Code::BadValue,
                r.deadline.span(),
                &format!("{field}.deadline"),
                format!(
                    "the deadline of round {number} ({}) is not after the deadline of round {}",
                    r.deadline.get_ref(),
                    number - 1
                ),
                "list the rounds in the order they are held, each deadline after the one before (round 1's is the tender's `deadline`)".into(),
            );
        }
        previous = deadline_at;
        rounds.push(Round {
            number,
            name: r.name.get_ref().trim().to_string(),
            deadline: r.deadline.get_ref().to_string(),
            deadline_at,
            source: r.source.clone(),
        });
    }
    (!check.errors_since(start)).then_some(rounds)
}
