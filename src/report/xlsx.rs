//! The evaluation as an Excel workbook whose cells recompute: an officer who changes an
//! evaluated price or a quality point in Excel sees the points, weighted points and totals
//! move. Sheets: the ranking, the prices, and the bids set aside.
//!
//! Contract: pure; renders to bytes, no I/O. Every formula's cached value is the tool's
//! exact value as text, so a reader that does not recompute sees exactly the JSON's
//! figures. Excel itself computes in binary floating point: the workbook is for checking
//! the arithmetic; the JSON report is the exact record. Where Excel has no matching
//! rounding function (half to even) or the price lines are combined by volume, the cell
//! holds the value, not a formula, and says so in a note row.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

use super::Evaluation;
use super::i18n::Texts;
use crate::domain::{Criterion, CriterionKind, Method, PriceLine, Tender};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, Standing};
use crate::values::{ModelRounding, RoundingMode};

/// The workbook's bytes, or why the writer failed (a limit of Excel's that the cells do
/// not already keep to).
pub fn render(evaluation: &Evaluation, texts: &Texts) -> Result<Vec<u8>, XlsxError> {
    workbook(evaluation, texts).and_then(|mut w| w.save_to_buffer())
}

/// The workbook written to `out`; a workbook the writer fails on is an I/O error, never
/// no bytes (the ranking and the bids set aside alike).
pub fn write(
    evaluation: &Evaluation,
    texts: &Texts,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(&render(evaluation, texts).map_err(std::io::Error::other)?)
}

/// Excel holds at most 32 767 characters in a cell (a longer one makes the whole workbook
/// fail): longer text is cut with a note; the JSON and Markdown reports keep it whole.
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    const LIMIT: usize = 32_000;
    match text.char_indices().nth(LIMIT) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} characters in all)",
            &text[..end],
            text.chars().count()
        )),
    }
}

/// A column letter: 0 → A, 26 → AA.
fn column(mut index: usize) -> String {
    let mut name = String::new();
    loop {
        name.insert(0, char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            return name;
        }
        index = index / 26 - 1;
    }
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A decimal in a formula: its exact digits.
fn literal(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The model's rounding around an expression, where Excel has the same rule; `None`
/// where it has not (half to even).
fn rounded(expression: &str, rounding: ModelRounding) -> Option<String> {
    match rounding {
        ModelRounding::Exact => Some(expression.to_string()),
        ModelRounding::To(rule) => {
            let d = rule.decimals;
            match rule.mode {
                RoundingMode::HalfUp => Some(format!("ROUND({expression},{d})")),
                // Towards +∞, also below 0, where ROUNDUP would round away from zero.
                RoundingMode::Up => Some(format!("CEILING.MATH({expression},10^-{d})")),
                RoundingMode::Down => Some(format!("ROUNDDOWN({expression},{d})")),
                RoundingMode::HalfEven => None,
            }
        }
    }
}

struct Formats {
    header: Format,
    money: Format,
    points: Format,
    note: Format,
}

fn formats() -> Formats {
    Formats {
        header: Format::new().set_bold().set_background_color("#EEF2F6"),
        money: Format::new().set_num_format("#,##0.00"),
        points: Format::new().set_num_format("0.00##########"),
        note: Format::new().set_italic(),
    }
}

/// Writes a formula with the tool's exact value cached, or the value alone where there is
/// no formula.
fn cell(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    formula: Option<String>,
    value: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    match formula {
        Some(f) => {
            let formula = Formula::new(format!("={f}")).set_result(value.to_string());
            sheet.write_formula_with_format(row, col, formula, format)?;
        }
        None => {
            sheet.write_number_with_format(row, col, number(value), format)?;
        }
    }
    Ok(())
}

fn scored(evaluation: &Evaluation) -> Vec<&Ranked> {
    evaluation
        .ranking
        .iter()
        .filter(|r| matches!(r.score.outcome, Outcome::Scored { .. }))
        .collect()
}

/// In the language of the report (the tender's, like the documents, unless `--lang`).
fn workbook(evaluation: &Evaluation, texts: &Texts) -> Result<Workbook, XlsxError> {
    let t = &evaluation.tender;
    let f = formats();
    let mut workbook = Workbook::new();
    let ranked = scored(evaluation);
    let lines: Vec<(&Criterion, &PriceLine)> = t
        .criteria
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => Some((c, line)),
            _ => None,
        })
        .collect();
    // Prices: one row per scored bid; per line its submitted and evaluated price and
    // points. Row 1 is the header; bid i stands in row i + 2.
    let prices_sheet = texts.get("sheet-prices");
    let prices_sheet = prices_sheet.as_str();
    let first = 2;
    let last = first + ranked.len().max(1) - 1;
    let combined = t.evaluation_line().is_some();
    let money = t.model.method.is_money();
    {
        let sheet = workbook.add_worksheet().set_name(prices_sheet)?;
        sheet.write_string_with_format(0, 0, texts.get("col-bidder"), &f.header)?;
        for (l, (c, _)) in lines.iter().enumerate() {
            let base = 1 + 3 * l as u16;
            for (k, id) in ["col-submitted", "col-evaluated", "col-points"]
                .iter()
                .enumerate()
            {
                sheet.write_string_with_format(
                    0,
                    base + k as u16,
                    cell_text(&format!("{} {}", c.name, texts.get(id))),
                    &f.header,
                )?;
            }
        }
        for (i, entry) in ranked.iter().enumerate() {
            let row = (first + i - 1) as u32;
            sheet.write_string(row, 0, cell_text(&entry.score.bidder))?;
            let Outcome::Scored { prices, .. } = &entry.score.outcome else {
                continue;
            };
            for (l, (c, line)) in lines.iter().enumerate() {
                let base = 1 + 3 * l as u16;
                let Some(p) = prices.iter().find(|p| p.line == c.id) else {
                    continue;
                };
                if let Some(submitted) = p.submitted {
                    sheet.write_number_with_format(
                        row,
                        base,
                        number(submitted.value()),
                        &f.money,
                    )?;
                }
                sheet.write_number_with_format(
                    row,
                    base + 1,
                    number(p.evaluated.value()),
                    &f.money,
                )?;
                if money {
                    continue;
                }
                let evaluated = format!("{}{}", column(usize::from(base + 1)), row + 1);
                let range = format!(
                    "${col}${first}:${col}${last}",
                    col = column(usize::from(base + 1))
                );
                let formula = if combined {
                    None
                } else {
                    points_formula(t, line, &evaluated, &range)
                        .and_then(|e| rounded(&e, t.model.rounding))
                };
                cell(sheet, (row, base + 2), formula, p.points.value(), &f.points)?;
            }
        }
        let note_row = (last + 1) as u32;
        if combined
            || matches!(t.model.rounding, ModelRounding::To(r) if r.mode == RoundingMode::HalfEven)
        {
            sheet.write_string_with_format(note_row, 0, texts.get("xlsx-values-note"), &f.note)?;
        }
        sheet.set_freeze_panes(1, 1)?;
        sheet.set_column_width(0, 32)?;
        for col in 1..=(3 * lines.len()) as u16 {
            sheet.set_column_width(col, 14)?;
        }
    }
    // The ranking: per leaf its points and weighted points, then the total (or the
    // evaluation price under a money model).
    {
        let leaves: Vec<&Criterion> = t.leaves().into_iter().map(|i| &t.criteria[i]).collect();
        let sheet = workbook
            .add_worksheet()
            .set_name(texts.get("sheet-ranking"))?;
        let mut head = vec![texts.get("col-rank"), texts.get("col-bidder")];
        for c in &leaves {
            head.push(format!("{} {}", c.name, texts.get("col-points")));
            head.push(format!("{} {}", c.name, texts.get("col-weighted")));
        }
        head.push(texts.get(if money {
            "col-evaluation-price"
        } else {
            "col-total"
        }));
        for (col, text) in head.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, cell_text(text), &f.header)?;
        }
        for (i, entry) in ranked.iter().enumerate() {
            let row = (i + 1) as u32;
            let Outcome::Scored { criteria, .. } = &entry.score.outcome else {
                continue;
            };
            if let Some(rank) = entry.rank {
                sheet.write_number(row, 0, f64::from(rank))?;
            }
            sheet.write_string(row, 1, cell_text(&entry.score.bidder))?;
            let mut weighted_cells = Vec::new();
            let mut quality = Vec::new();
            for (k, c) in leaves.iter().enumerate() {
                let col = (2 + 2 * k) as u16;
                let Some(score) = criteria.iter().find(|s| s.criterion == c.id) else {
                    continue;
                };
                let points_ref = format!("{}{}", column(usize::from(col)), row + 1);
                match c.kind {
                    CriterionKind::Price(_) => {
                        let l = lines.iter().position(|(lc, _)| lc.id == c.id).unwrap_or(0);
                        let source = format!("'{prices_sheet}'!{}{}", column(3 + 3 * l), first + i);
                        cell(
                            sheet,
                            (row, col),
                            Some(source),
                            score.points.value(),
                            &f.points,
                        )?;
                    }
                    _ => {
                        sheet.write_number_with_format(
                            row,
                            col,
                            number(score.points.value()),
                            &f.points,
                        )?;
                        quality.push((points_ref.clone(), c.share.value()));
                    }
                }
                let weighted = format!("{points_ref}*{}", literal(c.share.value()));
                cell(
                    sheet,
                    (row, col + 1),
                    Some(weighted),
                    score.weighted.value(),
                    &f.points,
                )?;
                weighted_cells.push(format!("{}{}", column(usize::from(col + 1)), row + 1));
            }
            let total_col = (2 + 2 * leaves.len()) as u16;
            match entry.score.standing() {
                Some(Standing::Points(total)) => {
                    let sum = format!("SUM({})", weighted_cells.join(","));
                    let formula = match t.total_rounding {
                        Some(rule) => rounded(&sum, ModelRounding::To(rule)),
                        None => Some(sum),
                    };
                    cell(sheet, (row, total_col), formula, total.value(), &f.points)?;
                }
                Some(Standing::Price(price)) => {
                    let formula = money_formula(t, &lines, prices_sheet, first + i, &quality)
                        .and_then(|e| rounded(&e, t.model.rounding));
                    cell(sheet, (row, total_col), formula, price.value(), &f.money)?;
                }
                None => {}
            }
        }
        sheet.set_freeze_panes(1, 2)?;
        sheet.set_column_width(1, 32)?;
        for col in 2..head.len() as u16 {
            sheet.set_column_width(col, 14)?;
        }
    }
    // The bids set aside.
    {
        let sheet = workbook
            .add_worksheet()
            .set_name(texts.get("sheet-set-aside"))?;
        for (col, id) in [
            "col-bidder",
            "col-decision",
            "col-rule",
            "col-reason",
            "col-clause",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string_with_format(0, col as u16, texts.get(id), &f.header)?;
        }
        let mut row = 1;
        for entry in &evaluation.ranking {
            let Outcome::SetAside { findings, .. } = &entry.score.outcome else {
                continue;
            };
            for finding in findings {
                sheet.write_string(row, 0, cell_text(&entry.score.bidder))?;
                sheet.write_string(row, 1, super::decision_name(finding))?;
                sheet.write_string(row, 2, finding.rule.as_str())?;
                sheet.write_string(row, 3, cell_text(&finding.reason))?;
                sheet.write_string(row, 4, cell_text(finding.source.as_deref().unwrap_or("")))?;
                row += 1;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_column_width(0, 32)?;
        sheet.set_column_width(3, 60)?;
        sheet.set_column_width(4, 30)?;
    }
    Ok(workbook)
}

/// A line's points before rounding, as an Excel expression of the evaluated price cell
/// `p` and the range of every scored bid's evaluated price on the line.
fn points_formula(t: &Tender, line: &PriceLine, p: &str, range: &str) -> Option<String> {
    Some(match &t.model.method {
        Method::Anchors(anchors) => {
            let points: Vec<(Decimal, Decimal)> = anchors
                .iter()
                .map(|a| Some((a.price.on(line)?.value(), a.points.value())))
                .collect::<Option<_>>()?;
            let (first, last) = (points.first()?, points.last()?);
            // Flat beyond the outermost anchors; linear between each pair.
            let mut expression = literal(last.1);
            for pair in points.windows(2).rev() {
                let ((p0, s0), (p1, s1)) = (pair[0], pair[1]);
                expression = format!(
                    "IF({p}<={},{}+({p}-{})*({}-{})/({}-{}),{expression})",
                    literal(p1),
                    literal(s0),
                    literal(p0),
                    literal(s1),
                    literal(s0),
                    literal(p1),
                    literal(p0)
                );
            }
            format!(
                "IF({p}<={},{},{expression})",
                literal(first.0),
                literal(first.1)
            )
        }
        Method::Proportional { max } => {
            let m = literal(max.value());
            format!("IF({p}=0,{m},{m}*MIN({range})/{p})")
        }
        Method::RelativeToLowest {
            max,
            slope,
            floor_at_zero,
        } => {
            let (m, s) = (literal(max.value()), literal(*slope));
            let lowest = format!("MIN({range})");
            let core = format!("{m}*(1-({p}-{lowest})/({s}*{lowest}))");
            let core = if *floor_at_zero {
                format!("MAX(0,{core})")
            } else {
                core
            };
            format!("IF({lowest}=0,IF({p}=0,{m},0),{core})")
        }
        Method::LowestToHighest { max } => {
            let m = literal(max.value());
            format!(
                "IF(MAX({range})=MIN({range}),{m},{m}*(MAX({range})-{p})/(MAX({range})-MIN({range})))"
            )
        }
        Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. } => return None,
    })
}

/// A money model's evaluation price before rounding: P from the prices sheet (combined by
/// volume where the tender says), Q the quality points weighted by their shares.
fn money_formula(
    t: &Tender,
    lines: &[(&Criterion, &PriceLine)],
    prices_sheet: &str,
    row: usize,
    quality: &[(String, Decimal)],
) -> Option<String> {
    let evaluated = |l: usize| format!("'{prices_sheet}'!{}{row}", column(2 + 3 * l));
    let p = match &t.price_rules.volumes {
        Some(volumes) => lines
            .iter()
            .enumerate()
            .map(|(l, (c, _))| {
                Some(format!(
                    "{}*{}",
                    evaluated(l),
                    literal(*volumes.get(&c.id)?)
                ))
            })
            .collect::<Option<Vec<_>>>()?
            .join("+"),
        None => evaluated(0),
    };
    let shares: Decimal = quality.iter().map(|(_, s)| *s).sum();
    let q = format!(
        "(({})/{})",
        quality
            .iter()
            .map(|(cell, share)| format!("{cell}*{}", literal(*share)))
            .collect::<Vec<_>>()
            .join("+"),
        literal(shares)
    );
    let qmax = literal(t.scale.max.value());
    Some(match &t.model.method {
        Method::MoneyPerPoint {
            amount,
            deduction: false,
        } => format!("({p})+({qmax}-{q})*{}", literal(amount.value())),
        Method::MoneyPerPoint {
            amount,
            deduction: true,
        } => format!("({p})-{q}*{}", literal(amount.value())),
        Method::PercentSurcharge { factor } => {
            format!("({p})*(1+({qmax}-{q})/{qmax}*{})", literal(*factor))
        }
        _ => return None,
    })
}
