//! `decisions.toml`: the authority's decisions on findings set aside for review, each
//! naming a bid of the tender and the rule of its finding.

use std::collections::HashSet;

use crate::domain::{BidId, ReviewDecision, RuleId};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::RawDecisions;

use super::checker::{Checker, civil_date, shorten, unknown_help};

/// Validates the decisions against the tender's bids and the rules there are.
pub fn decisions(
    sources: &Sources,
    file: FileId,
    raw: &RawDecisions,
    bids: &[BidId],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<ReviewDecision>> {
    let mut check = Checker::new(sources, file, diagnostics);
    let ids: Vec<&str> = bids.iter().map(|b| b.0.as_str()).collect();
    // Looked up by hash: a decision on every one of 10 000 bids is checked in one pass.
    let known: HashSet<&str> = ids.iter().copied().collect();
    let mut decided: HashSet<(&str, &str)> = HashSet::with_capacity(raw.decisions.len());
    let rules: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
    let mut decisions = Vec::new();
    for (i, spanned) in raw.decisions.iter().enumerate() {
        let d = spanned.get_ref();
        let field = format!("decisions[{i}]");
        if !known.contains(d.bid.get_ref().as_str()) {
            check.report(
                Code::UnknownDecision,
                d.bid.span(),
                &format!("{field}.bid"),
                format!("the tender has no bid `{}`", shorten(d.bid.get_ref())),
                unknown_help(d.bid.get_ref(), &ids, "bids"),
            );
        }
        if !rules.contains(&d.rule.get_ref().as_str()) {
            check.report(
                Code::UnknownDecision,
                d.rule.span(),
                &format!("{field}.rule"),
                format!("there is no rule `{}`", shorten(d.rule.get_ref())),
                unknown_help(d.rule.get_ref(), &rules, "rule ids"),
            );
        }
        let accepted = check.choice(
            &d.decision,
            &format!("{field}.decision"),
            &[("accepted", true), ("rejected", false)],
        );
        let date = d.date.get_ref();
        let civil = date
            .date
            .filter(|_| date.time.is_none())
            .and_then(civil_date);
        if civil.is_none() {
            check.report(
                Code::BadValue,
                d.date.span(),
                &format!("{field}.date"),
                format!("`date` must be a date such as 2023-10-05, found {date}"),
                "write the date of the decision, without a time".into(),
            );
        }
        let twice = !decided.insert((d.bid.get_ref().as_str(), d.rule.get_ref().as_str()));
        if twice {
            check.report(
                Code::UnknownDecision,
                d.rule.span(),
                &format!("{field}.rule"),
                format!(
                    "the finding `{}` of bid `{}` is decided twice",
                    shorten(d.rule.get_ref()),
                    shorten(d.bid.get_ref())
                ),
                "keep one decision per finding: the one the authority made".into(),
            );
        }
        if let (Some(accepted), Some(civil)) = (accepted, civil) {
            decisions.push(ReviewDecision {
                bid: BidId(d.bid.get_ref().clone()),
                rule: d.rule.get_ref().clone(),
                accepted,
                by: d.by.clone(),
                date: civil.to_string(),
                reason: d.reason.clone(),
                place: format!(
                    "{}:{}",
                    sources.get(file).path,
                    check.line(spanned.span().start)
                ),
            });
        }
    }
    check.clean().then_some(decisions)
}
