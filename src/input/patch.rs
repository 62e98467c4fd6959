//! Patching a TOML document: sets one value of a TOML document by a readable path, keeping the rest of
//! the document (comments, layout, every other value) as written.
//!
//! Contract: pure text in, text out. A path is a dot-separated list of keys; where a key
//! holds an array of tables, the next segment picks one of them by its `id`
//! (`criteria.spor1.max`) or, for tables without ids, by position counted from 1
//! (`anchors.2.points`). The key at the end must already exist: a rettelsesblad amends the
//! tender, it does not invent fields. The new value is given as TOML text and kept exactly
//! as written, so `440.50` stays `440.50`. A table can also be added to a list of tables
//! (`criteria`) or removed from it by id.

use toml_edit::{DocumentMut, Item, Value};

/// Why a path could not be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatchError {
    #[error("the path is empty")]
    Empty,
    #[error(
        "`{0}` is not a path inside the document: a path is keys joined by single dots, such as criteria.spor1.max (no empty parts, no `/`, no `..`)"
    )]
    NotAPath(String),
    #[error("`{at}` does not exist{}", known_names(.known))]
    NoSuchKey { at: String, known: Vec<String> },
    #[error("`{at}` is a single value, so `{next}` cannot be looked up in it")]
    NotATable { at: String, next: String },
    #[error("`{at}` is a group of values, not a single value; name one of its fields: {}", .known.join(", "))]
    NotAValue { at: String, known: Vec<String> },
    #[error("the value is not valid TOML: {0}")]
    BadValue(String),
    #[error("the document is not valid TOML: {0}")]
    BadDocument(String),
    #[error(
        "`{0}` is not a list of tables (such as criteria or requirements), so nothing can be added to it"
    )]
    NotAList(String),
    #[error("the value to add must be a table, such as {{ id = \"spor3\", ... }}")]
    NotATableValue,
    #[error("`{at}` already has an entry with id `{id}`")]
    DuplicateId { at: String, id: String },
}

fn known_names(known: &[String]) -> String {
    if known.is_empty() {
        String::new()
    } else {
        format!("; there is: {}", known.join(", "))
    }
}

/// A TOML document being patched: parse once, set any number of values, then render.
#[derive(Clone)]
pub struct Patcher {
    doc: DocumentMut,
}

impl Patcher {
    pub fn new(document: &str) -> Result<Patcher, PatchError> {
        let doc = document
            .parse()
            .map_err(|e: toml_edit::TomlError| PatchError::BadDocument(e.message().to_string()))?;
        Ok(Patcher { doc })
    }

    /// Replaces the value at `path` by `value_text`.
    pub fn set(&mut self, path: &str, value_text: &str) -> Result<(), PatchError> {
        let mut value: Value = value_text
            .trim()
            .parse()
            .map_err(|e: toml_edit::TomlError| PatchError::BadValue(e.message().to_string()))?;
        let segments = segments(path)?;
        let slot = walk(self.doc.as_item_mut(), &segments)?;
        let Some(old) = slot.as_value() else {
            return Err(PatchError::NotAValue {
                at: path.to_string(),
                known: keys(slot),
            });
        };
        // Keep the comment and spacing around the old value.
        *value.decor_mut() = old.decor().clone();
        *slot = Item::Value(value);
        Ok(())
    }

    /// Appends the table `value_text` (an inline table) to the list of tables at `path`,
    /// creating the list where the document has none yet (the first requirement). An id
    /// the list already has is refused.
    pub fn add(&mut self, path: &str, value_text: &str) -> Result<(), PatchError> {
        let inline = inline_table(value_text)?;
        let segments = segments(path)?;
        let (last, parents) = segments.split_last().ok_or(PatchError::Empty)?;
        let parent = walk(self.doc.as_item_mut(), parents)?;
        let Some(table) = parent.as_table_like_mut() else {
            return Err(PatchError::NotAList(path.to_string()));
        };
        if table.get(last).is_none() {
            table.insert(last, Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
        }
        let Some(list) = table.get_mut(last).and_then(Item::as_array_of_tables_mut) else {
            return Err(PatchError::NotAList(path.to_string()));
        };
        if let Some(id) = inline.get("id").and_then(|id| id.as_str())
            && list
                .iter()
                .any(|t| t.get("id").and_then(|i| i.as_str()) == Some(id))
        {
            return Err(PatchError::DuplicateId {
                at: path.to_string(),
                id: id.to_string(),
            });
        }
        let mut new = inline.into_table();
        new.decor_mut().set_prefix("\n");
        list.push(new);
        Ok(())
    }

    /// Removes the entry at `path`: a table of a list by its id (or position), or a field.
    pub fn remove(&mut self, path: &str) -> Result<(), PatchError> {
        let segments = segments(path)?;
        // The entry must exist: walking to it reports what there is where it does not.
        walk(self.doc.as_item_mut(), &segments)?;
        let (last, parents) = segments.split_last().ok_or(PatchError::Empty)?;
        let parent = walk(self.doc.as_item_mut(), parents)?;
        if let Some(list) = parent.as_array_of_tables_mut() {
            let position = list
                .iter()
                .position(|t| t.get("id").and_then(|id| id.as_str()) == Some(last))
                .or_else(|| last.parse::<usize>().ok().and_then(|n| n.checked_sub(1)));
            if let Some(position) = position {
                list.remove(position);
            }
        } else if let Some(table) = parent.as_table_like_mut() {
            table.remove(last);
        }
        Ok(())
    }

    /// Puts the inline table `value_text` at the top-level key `key` as a table of its own,
    /// in place of whatever stands there.
    pub fn put_table(&mut self, key: &str, value_text: &str) -> Result<(), PatchError> {
        let inline = inline_table(value_text)?;
        self.doc.insert(key, Item::Table(inline.into_table()));
        Ok(())
    }

    /// Makes one change of a rettelsesblad: sets, adds or removes.
    pub fn apply(
        &mut self,
        kind: crate::domain::ChangeKind,
        path: &str,
        value_text: &str,
    ) -> Result<(), PatchError> {
        use crate::domain::ChangeKind;
        match kind {
            ChangeKind::Set => self.set(path, value_text),
            ChangeKind::Add => self.add(path, value_text),
            ChangeKind::Remove => self.remove(path),
        }
    }

    /// The `id`s of the tables in the list `key` (`[[criteria]]`, or an array of inline
    /// tables) as the document stands now, read without writing it out as text.
    pub fn ids_in(&self, key: &str) -> Vec<&str> {
        fn id(table: &dyn toml_edit::TableLike) -> Option<&str> {
            table.get("id")?.as_str()
        }
        match self.doc.get(key) {
            Some(Item::ArrayOfTables(tables)) => tables.iter().filter_map(|t| id(t)).collect(),
            Some(Item::Value(Value::Array(values))) => values
                .iter()
                .filter_map(|v| id(v.as_inline_table()?))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The document as it stands now, as text.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// The patched document as text.
    pub fn finish(self) -> String {
        self.doc.to_string()
    }
}

/// Returns `document` with the value at `path` replaced by `value_text`.
pub fn set(document: &str, path: &str, value_text: &str) -> Result<String, PatchError> {
    let mut patcher = Patcher::new(document)?;
    patcher.set(path, value_text)?;
    Ok(patcher.finish())
}

/// A value written as an inline table, `{ id = "spor3", ... }`.
fn inline_table(value_text: &str) -> Result<toml_edit::InlineTable, PatchError> {
    let value: Value = value_text
        .trim()
        .parse()
        .map_err(|e: toml_edit::TomlError| PatchError::BadValue(e.message().to_string()))?;
    match value {
        Value::InlineTable(inline) => Ok(inline),
        _ => Err(PatchError::NotATableValue),
    }
}

/// The keys of a path: not empty, no empty part, no `/` or `\\`.
fn segments(path: &str) -> Result<Vec<&str>, PatchError> {
    if path.trim().is_empty() {
        return Err(PatchError::Empty);
    }
    let segments: Vec<&str> = path.split('.').collect();
    if segments
        .iter()
        .any(|s| s.is_empty() || s.contains(['/', '\\']))
    {
        return Err(PatchError::NotAPath(path.to_string()));
    }
    Ok(segments)
}

/// The item at the end of `segments`, which must exist.
fn walk<'a>(mut item: &'a mut Item, segments: &[&str]) -> Result<&'a mut Item, PatchError> {
    let mut at = String::new();
    for (i, segment) in segments.iter().enumerate() {
        let here = if at.is_empty() {
            segment.to_string()
        } else {
            format!("{at}.{segment}")
        };
        if let Some(tables) = item.as_array_of_tables() {
            let position = tables
                .iter()
                .position(|t| t.get("id").and_then(|id| id.as_str()) == Some(segment))
                .or_else(|| {
                    segment
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=tables.len()).contains(n))
                        .map(|n| n - 1)
                });
            let Some(position) = position else {
                let ids: Vec<String> = tables
                    .iter()
                    .filter_map(|t| t.get("id").and_then(|id| id.as_str()).map(str::to_string))
                    .collect();
                let known = if ids.is_empty() {
                    (1..=tables.len()).map(|n| n.to_string()).collect()
                } else {
                    ids
                };
                return Err(PatchError::NoSuchKey { at: here, known });
            };
            item = item.get_mut(position).expect("position was found above");
        } else if item.is_table_like() {
            if item.get(segment).is_none() {
                return Err(PatchError::NoSuchKey {
                    at: here,
                    known: keys(item),
                });
            }
            item = item.get_mut(*segment).expect("key was found above");
        } else {
            return Err(PatchError::NotATable {
                at,
                next: segments[i].to_string(),
            });
        }
        at = here;
    }
    Ok(item)
}

fn keys(item: &Item) -> Vec<String> {
    item.as_table_like()
        .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENDER: &str = "[prices]\nbelow_min = { rule = \"raise\", source = \"B 1.2.1\" }\n\n[[criteria]]\nid = \"spor1\"\nmax = 430 # the maximum\n\n[[criteria]]\nid = \"spor2\"\nmax = 1300\n";

    #[test]
    fn sets_a_value_in_an_array_of_tables_by_id_and_keeps_comments() {
        let amended = set(TENDER, "criteria.spor1.max", "440.50").unwrap();
        assert!(amended.contains("max = 440.50 # the maximum"), "{amended}");
        assert!(amended.contains("max = 1300"), "{amended}");
    }

    #[test]
    fn sets_a_value_in_an_inline_table() {
        let amended = set(TENDER, "prices.below_min.rule", "\"reject\"").unwrap();
        assert!(
            amended.contains("below_min = { rule = \"reject\", source = \"B 1.2.1\" }"),
            "{amended}"
        );
    }

    #[test]
    fn picks_tables_without_ids_by_position_from_one() {
        let model =
            "[[anchors]]\nprice = \"min\"\npoints = 8\n[[anchors]]\nprice = \"max\"\npoints = 0\n";
        let amended = set(model, "anchors.1.points", "10").unwrap();
        assert!(
            amended.starts_with("[[anchors]]\nprice = \"min\"\npoints = 10\n"),
            "{amended}"
        );
        assert!(matches!(
            set(model, "anchors.3.points", "1"),
            Err(PatchError::NoSuchKey { .. })
        ));
    }

    #[test]
    fn a_path_that_does_not_exist_names_what_does() {
        let error = set(TENDER, "criteria.spor3.max", "1").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`criteria.spor3` does not exist; there is: spor1, spor2"
        );
        let error = set(TENDER, "criteria.spor1.maks", "1").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`criteria.spor1.maks` does not exist; there is: id, max"
        );
        assert!(matches!(
            set(TENDER, "prices", "1"),
            Err(PatchError::NotAValue { .. })
        ));
        assert!(matches!(
            set(TENDER, "criteria.spor1.max.x", "1"),
            Err(PatchError::NotATable { .. })
        ));
        // An empty part is no path inside the document (it used to say "empty").
        assert!(matches!(
            set(TENDER, "criteria..max", "1"),
            Err(PatchError::NotAPath(_))
        ));
        assert!(matches!(set(TENDER, " ", "1"), Err(PatchError::Empty)));
    }

    #[test]
    fn adds_a_table_to_a_list_and_removes_one_by_id() {
        let mut patcher = Patcher::new(TENDER).unwrap();
        patcher
            .add("criteria", "{ id = \"spor3\", max = 3000 }")
            .unwrap();
        let text = patcher.text();
        let table: toml::Table = text.parse().unwrap();
        let ids: Vec<&str> = table["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["spor1", "spor2", "spor3"]);
        // The comment on spor1's line stays.
        assert!(text.contains("max = 430 # the maximum"), "{text}");
        patcher.remove("criteria.spor1").unwrap();
        let table: toml::Table = patcher.text().parse().unwrap();
        assert_eq!(table["criteria"].as_array().unwrap().len(), 2);
        assert_eq!(table["criteria"][0]["id"].as_str(), Some("spor2"));
        // A list the document does not have yet is made (the first requirement).
        patcher
            .add("requirements", "{ id = \"a1\", text = \"x\" }")
            .unwrap();
        let table: toml::Table = patcher.text().parse().unwrap();
        assert_eq!(table["requirements"][0]["id"].as_str(), Some("a1"));
        // A field of a table is removed too.
        patcher.remove("prices.below_min").unwrap();
        assert!(!patcher.text().contains("below_min"));
    }
}
