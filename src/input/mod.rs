//! The input stage: from files on disk to validated domain values.
//!
//! [`load`] reads a tender folder and builds every version of it; [`raw`] holds the serde
//! structures of each file, with spans; [`validate`] turns raw structures into domain
//! values, one file per document; [`patch`] sets a rettelsesblad's changes in the TOML
//! text; [`diag`] is the diagnostic every problem becomes; [`discover`] finds tender
//! folders below a path. Nothing here scores a bid.

pub mod diag;
pub mod discover;
pub mod library;
pub mod listing;
pub mod load;
pub mod models;
pub mod patch;
pub mod raw;
pub mod validate;

pub use load::{
    FileIdentity, InputFile, Invalid, Loaded, MissingPoints, ModelSearch, RETTELSESBLADE_DIR,
    ROUNDS_DIR, Version, View, load, load_view, lot_ids, read_text,
};
