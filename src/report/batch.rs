//! The `rescore` report: per tender, what changed from each version to the next, and a
//! summary of the tenders whose winner or ranking changed. One renderer per format.

use serde::Serialize;

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::i18n::{Arg, Texts};
use super::number::with_decimal_commas;
use super::table::{add_rows, align_right, terminal_table};
use super::{Format, Layout, markdown, text_of};
use crate::domain::Language;
use crate::evaluate::rescore::{Comparison, Rescored, Step, Summary, TenderRescore};

pub fn render(rescored: &Rescored, format: Format) -> Vec<u8> {
    render_in(rescored, format, Layout::default())
}

/// Renders the batch; the table and Markdown in the layout's language (`None`: the
/// language the tenders share, Danish where they differ), the table's changes wrapped to
/// its width; JSON and CSV the same in every language.
pub fn render_in(rescored: &Rescored, format: Format, layout: Layout) -> Vec<u8> {
    match format {
        Format::Table => super::text::terminal_safe(text(rescored, false, layout)).into_bytes(),
        Format::Md => text(rescored, true, layout).into_bytes(),
        Format::Json => super::written(|out| write_json(rescored, out)),
        // The CLI refuses xlsx for rescore; should it get here, CSV is what opens in Excel.
        Format::Csv | Format::Xlsx => csv(&rescored.tenders),
    }
}

/// Writes the batch as it is produced: the JSON's tenders formatted on every core and
/// written in order, never held whole; the same bytes as [`render_in`].
pub fn write_in(
    rescored: &Rescored,
    format: Format,
    layout: Layout,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(rescored, out),
        _ => out.write_all(&render_in(rescored, format, layout)),
    }
}

/// The language of a batch: the one asked for, else the one all its tenders share, else
/// Danish, the language of the procedure.
fn language_of(rescored: &Rescored, asked: Option<Language>) -> Language {
    asked.unwrap_or_else(|| {
        let mut languages = rescored.tenders.iter().map(|t| t.language);
        match languages.next() {
            Some(first) if languages.all(|l| l == first) => first,
            _ => Language::Da,
        }
    })
}

fn step_line<'a>(step: &'a Step, words: &Words<'a>) -> String {
    let t = &words.texts;
    let mut args = vec![
        ("from", Arg::from(step.from.to_string())),
        ("to", step.to.to_string().into()),
        ("line", comparison_line(&step.changes, words).into()),
    ];
    let Some(issued) = &step.issued else {
        return t.with("report-rescore-step-unnamed", &args);
    };
    args.extend([
        ("number", issued.number.to_string().into()),
        ("date", t.date(issued.date).into()),
        ("title", issued.title.as_str().into()),
    ]);
    t.with("report-rescore-step", &args)
}

/// The words of a comparison: the language, and where known the bidders' and criteria's
/// names, which the Danish text shows instead of ids.
pub(super) struct Words<'a> {
    pub texts: Texts,
    pub bidders: HashMap<&'a str, &'a str>,
    pub criteria: HashMap<&'a str, &'a str>,
    /// The terminal's width, which the tables of changes wrap to (`None`: a file or pipe).
    pub width: Option<u16>,
    /// The currency the evaluated prices are in.
    pub currency: &'a str,
}

impl<'a> Words<'a> {
    /// The words of a language with no names known.
    pub fn new(texts: Texts) -> Words<'a> {
        Words {
            texts,
            bidders: HashMap::new(),
            criteria: HashMap::new(),
            width: None,
            currency: "DKK",
        }
    }

    /// A bid by its bidder (its id only where no bidder is known).
    fn bid(&self, id: &'a str) -> &'a str {
        self.bidders.get(id).copied().unwrap_or(id)
    }

    /// Bids by their bidders, joined as the language joins a list: "A, B og C".
    fn bids(&self, ids: &'a [String]) -> String {
        let names: Vec<&str> = ids.iter().map(|id| self.bid(id)).collect();
        super::memo::listed(&self.texts, &names)
    }

    /// A changed field as the language names it: "spor1 points" / "Spor 1 dagspris: point".
    fn field(&self, field: &str) -> String {
        let t = &self.texts;
        let name = |id: &str| self.criteria.get(id).copied().unwrap_or(id).to_string();
        let named = |message: &str, id: &str| {
            t.with(
                message,
                &[("id", id.to_string().into()), ("name", name(id).into())],
            )
        };
        if let Some(id) = field.strip_suffix(" evaluated") {
            return named("report-field-evaluated", id);
        }
        if let Some(id) = field.strip_suffix(" points") {
            return named("report-field-points", id);
        }
        t.find(&format!("report-field-{}", field.replace(' ', "-")))
            .unwrap_or_else(|| field.to_string())
    }

    /// A value of a field for people: a number as the language writes it, a price with
    /// its currency, a word of the engine in the language, and a dash where there is none.
    fn value(&self, field: &str, value: &Option<String>) -> String {
        let Some(value) = value.as_deref() else {
            return "–".to_string();
        };
        let t = &self.texts;
        if let Some(word) = t.find(&format!("report-value-{value}")) {
            return word;
        }
        let Ok(number) = value.parse::<Decimal>() else {
            return value.to_string();
        };
        if field == "evaluation price" || field.ends_with(" evaluated") {
            t.money(number, self.currency)
        } else {
            t.decimal(number)
        }
    }
}

/// What a comparison did to the winner, the ranking and the award, in one line.
pub(super) fn comparison_line<'a>(step: &'a Comparison, words: &Words<'a>) -> String {
    let t = &words.texts;
    let winners = |ids: &'a [String]| words.bids(ids);
    let winner = if step.winner_changed {
        t.with(
            "report-cmp-winner-changed",
            &[
                ("before", winners(&step.winners_before).into()),
                ("after", winners(&step.winners_after).into()),
            ],
        )
    } else {
        t.with(
            "report-cmp-winner-same",
            &[("after", winners(&step.winners_after).into())],
        )
    };
    let ranking = t.get(if step.ranking_changed {
        "report-cmp-ranking-changed"
    } else {
        "report-cmp-ranking-same"
    });
    let awarded = |a: &'a Option<Vec<String>>| a.as_ref().map_or("–".into(), |a| words.bids(a));
    let award = match (&step.awarded_before, &step.awarded_after) {
        (_, Some(_)) if !step.award_changed => t.with(
            "report-cmp-award-same",
            &[("after", awarded(&step.awarded_after).into())],
        ),
        _ if step.award_changed => t.with(
            "report-cmp-award-changed",
            &[
                ("before", awarded(&step.awarded_before).into()),
                ("after", awarded(&step.awarded_after).into()),
            ],
        ),
        _ => String::new(),
    };
    t.with(
        "report-cmp-line",
        &[
            ("winner", winner.into()),
            ("ranking", ranking.into()),
            ("award", award.into()),
        ],
    )
}

/// The counts in one line, then each list in its own section, ten tenders a line, so a
/// batch of a thousand tenders stays readable.
fn summary_lines(s: &Summary, t: &Texts) -> Vec<String> {
    let count = |ids: &[String]| Arg::Count(i64::try_from(ids.len()).unwrap_or(i64::MAX));
    let mut lines = vec![t.with(
        "report-rescore-summary",
        &[
            (
                "tenders",
                Arg::Count(i64::try_from(s.tenders).unwrap_or(i64::MAX)),
            ),
            ("versions", Arg::Count(i64::from(s.versions))),
            ("winner", count(&s.winner_changed)),
            ("award", count(&s.award_changed)),
            ("ranking", count(&s.ranking_changed)),
            ("flagged", count(&s.flagged)),
        ],
    )];
    if s.failed > 0 {
        lines.push(t.with(
            "report-rescore-failed",
            &[(
                "failed",
                Arg::Count(i64::try_from(s.failed).unwrap_or(i64::MAX)),
            )],
        ));
    }
    for (title, ids) in [
        ("report-rescore-winner-changed", &s.winner_changed),
        ("report-rescore-award-changed", &s.award_changed),
        ("report-rescore-ranking-changed", &s.ranking_changed),
        ("report-rescore-flagged", &s.flagged),
    ] {
        if ids.is_empty() {
            continue;
        }
        lines.push(t.with(title, &[("count", count(ids))]));
        lines.extend(
            ids.chunks(10)
                .map(|chunk| format!("  {}", chunk.join(", "))),
        );
    }
    lines
}

/// The table and Markdown report: the summary, then each tender's steps.
fn text(rescored: &Rescored, markdown: bool, layout: Layout) -> String {
    let language = language_of(rescored, layout.language);
    let texts = Texts::new(language);
    let mut out = vec![
        heading(markdown, 1, texts.get("report-rescore-title")),
        String::new(),
    ];
    out.extend(
        summary_lines(&rescored.summary, &texts)
            .into_iter()
            .map(|l| match (markdown, l.strip_prefix("  ")) {
                (true, Some(nested)) => format!("  - {nested}"),
                (true, None) => format!("- {l}"),
                (false, _) => l,
            }),
    );
    for r in &rescored.tenders {
        let mut words = Words::new(Texts::new(language));
        words.bidders = pairs(&r.bidders);
        words.criteria = pairs(&r.criteria);
        words.currency = &r.currency;
        words.width = layout.width;
        out.extend(tender_lines(r, markdown, &words));
    }
    out.push(String::new());
    out.push(super::evaluated_with(&texts));
    text_of(&out)
}

/// Names by id, borrowed.
fn pairs(names: &[(String, String)]) -> HashMap<&str, &str> {
    names
        .iter()
        .map(|(id, name)| (id.as_str(), name.as_str()))
        .collect()
}

/// A heading: in Markdown with as many `#` as its level, in the table report as it is.
pub(super) fn heading(markdown: bool, level: usize, text: String) -> String {
    if markdown {
        format!("{} {text}", "#".repeat(level))
    } else {
        text
    }
}

/// One tender: its heading and legal flags, then each version step.
fn tender_lines<'a>(r: &'a TenderRescore, markdown: bool, words: &Words<'a>) -> Vec<String> {
    let t = &words.texts;
    let lot = r.lot.as_deref().map_or(String::new(), |l| {
        t.with("report-rounds-lot", &[("lot", l.into())])
    });
    let mut out = vec![
        String::new(),
        heading(
            markdown,
            2,
            t.with(
                "report-rescore-tender",
                &[
                    ("id", r.tender.as_str().into()),
                    ("lot", lot.into()),
                    ("title", r.title.as_str().into()),
                    ("versions", Arg::Count(i64::from(r.versions))),
                ],
            ),
        ),
    ];
    let name = |id: &str| words.criteria.get(id).map(|n| n.to_string());
    out.extend(
        r.flags
            .iter()
            .map(|f| super::text::legal_flag_line(t, f, &name)),
    );
    if r.steps.is_empty() {
        out.push(t.get("report-rescore-no-rettelsesblade"));
    }
    for step in &r.steps {
        out.extend(step_lines(step, markdown, words));
    }
    out
}

/// One version step: what it did to the winner and ranking, then the bids' changes.
fn step_lines<'a>(step: &'a Step, markdown: bool, words: &Words<'a>) -> Vec<String> {
    comparison_lines(step_line(step, words), &step.changes, markdown, words)
}

/// A comparison under its heading: the bids' changes as a table.
pub(super) fn comparison_lines(
    title: String,
    step: &Comparison,
    markdown: bool,
    words: &Words<'_>,
) -> Vec<String> {
    let mut out = vec![String::new(), heading(markdown, 3, title)];
    if step.bids.is_empty() {
        out.push(words.texts.get("report-cmp-no-change"));
        return out;
    }
    out.push(String::new());
    out.extend(change_table(change_rows(step, words), markdown, words));
    out
}

/// The changes of a step, one row a changed field: bidder, field, before, after.
fn change_rows(step: &Comparison, words: &Words<'_>) -> Vec<Vec<String>> {
    step.bids
        .iter()
        .flat_map(|b| {
            b.changes.iter().map(|c| {
                vec![
                    b.bidder.clone(),
                    words.field(&c.field),
                    words.value(&c.field, &c.before),
                    words.value(&c.field, &c.after),
                ]
            })
        })
        .collect()
}

/// The changes as a Markdown table, or a terminal table as one multi-line string; the
/// values are right-aligned.
fn change_table(rows: Vec<Vec<String>>, markdown: bool, words: &Words<'_>) -> Vec<String> {
    let header = [
        "col-bidder",
        "report-col-field",
        "report-col-before",
        "report-col-after",
    ]
    .map(|id| words.texts.get(id));
    let values = [2, 3];
    if markdown {
        return markdown::table_lines(&header, &rows, |i| values.contains(&i));
    }
    let mut table = terminal_table();
    if let Some(width) = words.width {
        table
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(width);
    }
    table.set_header(header.to_vec());
    add_rows(&mut table, rows, &words.texts);
    align_right(&mut table, values);
    vec![table.to_string()]
}

/// The JSON document of `rescore` but its tenders, which follow `summary`.
#[derive(Serialize)]
struct Head<'a> {
    format: &'static str,
    format_version: u32,
    generator: &'static str,
    summary: &'a Summary,
}

/// How many tenders are formatted together before they are written, and how many one task
/// formats (a tender of 20 bids and 3 versions is about 30 kB).
const TENDERS_PER_CHUNK: usize = 256;
const TENDERS_PER_TASK: usize = 8;

/// The JSON of `rescore` (see the README's JSON contract), written to `out`.
fn write_json(rescored: &Rescored, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let head = Head {
        format: "tenderscore-rescore",
        format_version: 1,
        generator: super::TOOL,
        summary: &rescored.summary,
    };
    super::json::with_array_last(&head, "tenders", out, |out| {
        super::json::write_items_by(
            &rescored.tenders,
            out,
            (TENDERS_PER_CHUNK, TENDERS_PER_TASK),
            32 * 1024,
            |task, text| super::json::task_part(task, text),
        )
    })
}

/// The CSV of `rescore`: one record per changed winner and per changed field of a bid.
fn csv(results: &[TenderRescore]) -> Vec<u8> {
    let header = [
        "tender",
        "from",
        "to",
        "rettelsesblad",
        "bid",
        "bidder",
        "field",
        "before",
        "after",
    ]
    .map(String::from);
    let mut records = vec![header];
    for r in results {
        for step in &r.steps {
            // A lot is named with its tender, as in the summary: `tender/lot`.
            let tender = r
                .lot
                .as_ref()
                .map_or_else(|| r.tender.clone(), |lot| format!("{}/{lot}", r.tender));
            records.extend(comparison_records(
                &tender,
                (step.from, step.to),
                &step.rettelsesblad,
                &step.changes,
            ));
        }
    }
    super::csv::excel(records)
}

/// A comparison's CSV records: the winner's change where it changed, then every changed
/// field of every bid, its values with a decimal comma.
/// `label`: what made the later evaluation (the rettelsesblad, the round).
pub(super) fn comparison_records(
    tender: &str,
    (from, to): (u32, u32),
    label: &str,
    step: &Comparison,
) -> Vec<[String; 9]> {
    use super::csv::text_cell;
    let record = |bid: &str, bidder: &str, field: &str, before: String, after: String| {
        [
            text_cell(tender),
            from.to_string(),
            to.to_string(),
            text_cell(label),
            text_cell(bid),
            text_cell(bidder),
            text_cell(field),
            before,
            after,
        ]
    };
    let mut records = Vec::new();
    if step.winner_changed {
        records.push(record(
            "",
            "",
            "winner",
            text_cell(&step.winners_before.join(" ")),
            text_cell(&step.winners_after.join(" ")),
        ));
    }
    if step.award_changed {
        let joined = |a: &Option<Vec<String>>| a.as_ref().map_or(String::new(), |a| a.join(" "));
        records.push(record(
            "",
            "",
            "awarded",
            text_cell(&joined(&step.awarded_before)),
            text_cell(&joined(&step.awarded_after)),
        ));
    }
    for bid in &step.bids {
        for c in &bid.changes {
            let value = |v: &Option<String>| with_decimal_commas(v.as_deref().unwrap_or_default());
            records.push(record(
                &bid.bid,
                &bid.bidder,
                &c.field,
                value(&c.before),
                value(&c.after),
            ));
        }
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::rescore::rescore;
    use crate::input::ModelSearch;

    /// The JSON written piece by piece, its tenders formatted 8 to a task on every core,
    /// gives the bytes serde's pretty printer gives for the whole document: with no
    /// tender, one, and 19 (two full tasks and a last one of three).
    #[test]
    fn tenders_formatted_in_parallel_pieces_are_the_bytes_of_one_document() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tenders/kk-traedesten-2024");
        let one = rescore(&dir, &ModelSearch { dir: None }).unwrap().remove(0);
        #[derive(Serialize)]
        struct Whole<'a> {
            format: &'static str,
            format_version: u32,
            generator: &'static str,
            summary: &'a Summary,
            tenders: &'a [TenderRescore],
        }
        for count in [0, 1, 19] {
            let rescored = Rescored::new(vec![one.clone(); count]);
            let whole = Whole {
                format: "tenderscore-rescore",
                format_version: 1,
                generator: crate::report::TOOL,
                summary: &rescored.summary,
                tenders: &rescored.tenders,
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            let written = render(&rescored, Format::Json);
            assert_eq!(String::from_utf8(written).unwrap(), expected, "{count}");
        }
    }
}
