//! CSV that Danish Excel opens as it is: UTF-8 with a byte-order mark, semicolons, decimal
//! commas. One row per bid in ranking order, the rank a plain number (empty for a bid set
//! aside) with the bids it ties with in `tied_with`; per leaf criterion its points and weighted
//! points; per price line the submitted and evaluated price and the adjustments in words.

use super::number::decimal_comma;
use super::{
    Evaluation, adjustment_text, finding_text, leaf_columns, status, total_cells, warning_text,
};
use crate::domain::CriterionKind;
use crate::scoring::score::Outcome;

pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn render(evaluation: &Evaluation) -> Vec<u8> {
    let leaves = leaf_columns(&evaluation.tender);
    let mut header = vec![
        "rank".to_string(),
        "tied_with".into(),
        "bidder".into(),
        "bid".into(),
        "status".into(),
        super::total_header(&evaluation.tender).to_lowercase(),
    ];
    for c in &leaves {
        header.push(format!("{} points", c.id));
        header.push(format!("{} weighted", c.id));
        if matches!(c.kind, CriterionKind::Price(_)) {
            header.push(format!("{} submitted", c.id));
            header.push(format!("{} evaluated", c.id));
            header.push(format!("{} adjustments", c.id));
        }
    }
    header.push("set_aside".into());
    header.push("warnings".into());

    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(BOM.to_vec());
    let mut rows = vec![header];
    for (entry, total) in evaluation
        .ranking
        .iter()
        .zip(total_cells(&evaluation.ranking))
    {
        // A plain number, so a spreadsheet can sort on it; ties are named in `tied_with`.
        let tied_with: Vec<&str> = entry.tied_with.iter().map(|id| id.0.as_str()).collect();
        let mut row = vec![
            entry.rank.map(|r| r.to_string()).unwrap_or_default(),
            tied_with.join(" "),
            entry.score.bidder.clone(),
            entry.score.bid.0.clone(),
            status(entry).into(),
            total,
        ];
        match &entry.score.outcome {
            Outcome::Scored {
                criteria, prices, ..
            } => {
                for c in &leaves {
                    let score = criteria.iter().find(|s| s.criterion == c.id);
                    row.push(
                        score
                            .map(|s| decimal_comma(s.points.value()))
                            .unwrap_or_default(),
                    );
                    row.push(
                        score
                            .map(|s| decimal_comma(s.weighted.value().normalize()))
                            .unwrap_or_default(),
                    );
                    if let Some(price) = prices.iter().find(|p| p.line == c.id) {
                        row.push(
                            price
                                .submitted
                                .map(|m| decimal_comma(m.value()))
                                .unwrap_or_default(),
                        );
                        row.push(decimal_comma(price.evaluated.value()));
                        row.push(
                            price
                                .adjustments
                                .iter()
                                .map(adjustment_text)
                                .collect::<Vec<_>>()
                                .join("; "),
                        );
                    }
                }
                row.push(String::new());
            }
            Outcome::SetAside { findings, .. } => {
                for c in &leaves {
                    let width = if matches!(c.kind, CriterionKind::Price(_)) {
                        5
                    } else {
                        2
                    };
                    row.extend(std::iter::repeat_n(String::new(), width));
                }
                row.push(
                    findings
                        .iter()
                        .map(finding_text)
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        }
        row.push(
            entry
                .score
                .warnings
                .iter()
                .map(warning_text)
                .collect::<Vec<_>>()
                .join("; "),
        );
        rows.push(row);
    }
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}
