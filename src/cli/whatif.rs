//! `whatif`: break-even prices, the points needed, weight ranges and what each criterion
//! decided; or, with edits on the command line, a scenario's ranking beside the real one.
//! Nothing is written but the report.

use rust_decimal::Decimal;

use crate::domain::{BidId, CriterionId, RuleId};
use crate::evaluate::evaluate;
use crate::report::whatif::{Style, render_scenario, write};
use crate::scoring::rank::rank;
use crate::scoring::score::score_all;
use crate::values::{Money, Percent, Points};
use crate::whatif::scenario::{Edit, Scenario};
use crate::whatif::{Analysis, Subject, compare};

use super::args::{TenderArgs, VersionArg};
use super::error::Error;
use super::output::{Protected, emit, emit_with};
use super::{LangArg, WhatifFormat, WhatifReportArgs};

/// What `whatif` takes beside the tender.
pub(super) struct WhatifArgs {
    pub bid: Option<String>,
    pub version: VersionArg,
    pub edits: Vec<Edit>,
    pub report: WhatifReportArgs,
}

impl WhatifReportArgs {
    fn style(&self) -> Style {
        match self.format {
            WhatifFormat::Text => Style::Text {
                width: super::score::terminal_width(&self.output),
            },
            WhatifFormat::Md => Style::Markdown,
            WhatifFormat::Json => Style::Json,
        }
    }

    fn language(&self) -> Option<crate::domain::Language> {
        self.lang.map(LangArg::language)
    }
}

pub(super) fn run(tender: &TenderArgs, args: WhatifArgs) -> Result<Vec<u8>, Error> {
    let ready = super::score::ready_tender(tender)?;
    let version = super::score::version_of(&ready, &args.version)?;
    let protected = Protected::read(
        ready.paths().to_vec(),
        ready.identities(),
        vec![tender.folder()],
    );
    let evaluation = evaluate(&ready, version);
    let style = args.report.style();
    let language = args.report.language();
    let scenario = Scenario { edits: args.edits };
    if !scenario.is_empty() {
        let problems = scenario.check(&version.tender, &version.bids, &evaluation.ranking);
        if !problems.is_empty() {
            return Err(Error::Scenario(problems));
        }
        let (tender, bids) = scenario.apply(&version.tender, &version.bids);
        let after = rank(score_all(&tender, &bids), &tender.tie_break.action);
        let compared = compare(&evaluation.ranking, &after);
        let bytes = render_scenario(&evaluation, &scenario, &compared, language, style);
        return emit(bytes, args.report.output, &protected);
    }
    let only = match &args.bid {
        Some(name) => {
            let entry = super::score::find_bid(&evaluation, name)?;
            if entry.rank.is_none() {
                return Err(Error::NotRanked {
                    bidder: entry.score.bidder.to_string(),
                    bid: entry.score.bid.0.clone(),
                    status: entry.score.status().as_str(),
                });
            }
            Some(entry.score.bid.clone())
        }
        None => None,
    };
    let subject = Subject {
        tender: &version.tender,
        bids: &version.bids,
        ranking: &evaluation.ranking,
    };
    let analysis = Analysis::new(&subject, only.as_ref());
    emit_with(args.report.output, &protected, |out| {
        write(&evaluation, &analysis, language, style, out)
    })
}

/// `simulate`: random bids under the tender's rules, scored exactly.
pub(super) fn simulate(
    tender: &TenderArgs,
    settings: crate::whatif::simulate::Settings,
    report: WhatifReportArgs,
) -> Result<Vec<u8>, Error> {
    let ready = super::score::ready_tender(tender)?;
    let protected = Protected::read(
        ready.paths().to_vec(),
        ready.identities(),
        vec![tender.folder()],
    );
    let version = ready.latest();
    let simulation =
        crate::whatif::simulate::simulate(&version.tender, settings).map_err(Error::Simulate)?;
    emit(
        crate::report::whatif::render_simulation(
            &version.tender,
            &simulation,
            report.language(),
            report.style(),
        ),
        report.output,
        &protected,
    )
}

/// An edit as parsed from the command line (clap needs a `Clone` value).
#[derive(Clone, Debug)]
pub struct EditArg(pub Edit);

/// A decimal as typed: `400`, `400.50` or `400,50`. A full stop before exactly three
/// digits (`1.150`) is refused: in Danish it groups thousands, in English it is a decimal
/// point, and a price must not depend on the reader.
fn number(text: &str) -> Result<Decimal, String> {
    let text = text.trim();
    if let Some((_, after)) = text.rsplit_once('.')
        && !text.contains(',')
        && after.len() == 3
        && after.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format!(
            "`{text}` is ambiguous: write {} for the whole number, or a decimal comma (1,150) for a fraction",
            text.replace('.', "")
        ));
    }
    let normal = if text.contains(',') && !text.contains('.') {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    let numeric = !normal.is_empty()
        && normal
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && normal.bytes().filter(|b| *b == b'.').count() <= 1;
    Decimal::from_str_exact(&normal).map_err(|_| {
        if numeric {
            format!("`{text}` has more digits than a decimal holds exactly (28 significant digits)")
        } else {
            format!("`{text}` is not a number (write 400, 400.50 or 400,50)")
        }
    })
}

/// `--set BID.price.LINE=PRICE` or `--set BID.points.CRITERION=POINTS`.
pub(super) fn parse_set(text: &str) -> Result<EditArg, String> {
    let usage = "write BID.price.LINE=PRICE or BID.points.CRITERION=POINTS";
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| format!("no `=` in `{text}`: {usage}"))?;
    let mut parts = key.rsplitn(3, '.');
    let (Some(name), Some(kind), Some(bid)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "`{key}` is not BID.price.LINE or BID.points.CRITERION: {usage}"
        ));
    };
    let value = number(value)?;
    let (bid, name) = (BidId(bid.to_string()), CriterionId(name.into()));
    match kind {
        "price" => Ok(EditArg(Edit::Price {
            bid,
            line: name,
            price: Money::new(value),
        })),
        "points" => Ok(EditArg(Edit::Points {
            bid,
            criterion: name,
            points: Points::new(value),
        })),
        other => Err(format!(
            "`{other}` in `{key}` is neither `price` nor `points`: {usage}"
        )),
    }
}

/// `--weight CRITERION=PERCENT`.
pub(super) fn parse_weight(text: &str) -> Result<EditArg, String> {
    let (criterion, value) = text
        .split_once('=')
        .ok_or_else(|| format!("no `=` in `{text}`: write CRITERION=PERCENT, e.g. indsats=60"))?;
    Ok(EditArg(Edit::Weight {
        criterion: CriterionId(criterion.trim().into()),
        weight: Percent::new(number(value)?),
    }))
}

/// `BID:RULE` of `--accept` and `--reject`.
pub(super) fn parse_finding(text: &str) -> Result<(BidId, RuleId), String> {
    let (bid, rule) = text.rsplit_once(':').ok_or_else(|| {
        format!("no `:` in `{text}`: write BID:RULE, e.g. uklar-erklaering:unclear-declaration")
    })?;
    let rule = RuleId::parse(rule.trim()).ok_or_else(|| {
        let names: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        format!("no rule `{rule}`; the rules are: {}", names.join(", "))
    })?;
    Ok((BidId(bid.trim().to_string()), rule))
}
