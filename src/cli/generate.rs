//! `generate`: a batch of synthetic tenders for benchmarks, in a new folder.

use std::path::Path;

use crate::synthetic::{self, Batch};

use super::error::Error;

pub(super) fn run(
    dir: &Path,
    tenders: usize,
    bids: usize,
    rettelsesblade: usize,
) -> Result<Vec<u8>, Error> {
    let batch = Batch {
        tenders,
        bids,
        rettelsesblade,
    };
    synthetic::write(dir, batch).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    Ok(format!(
        "wrote {tenders} tender(s) with {bids} bid(s) and {rettelsesblade} rettelsesblade each to {}\n",
        dir.display()
    )
    .into_bytes())
}
