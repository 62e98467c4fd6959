//! The `tenderscore` binary: a thin shell over the library's [`tenderscore::cli`].

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tenderscore::cli::{Cli, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, run, to_stderr};

/// A tender of many bids is tens of thousands of small allocations made on two threads and
/// freed together: mimalloc does that faster than the system allocator and returns the
/// memory of the parallel stages instead of keeping it in per-thread arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its place (15) in `mi_option_e` of mimalloc.h, the
/// same in mimalloc 2 and 3 (retired options keep their places); libmimalloc-sys names
/// no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory let go is given back to the system at once instead of after 10 ms: loading
    // frees the files' texts and parsed forms while the scores grow, and without this the
    // freed pages still count in the peak. Measured: 100 000 bids 365 → 277 MB, the
    // rescore batch 130 → 92 MB; it costs time in the kernel (100 000 bids 1.6 → 1.9 s,
    // the batch 0.78 → 0.88 s), which the memory goals are worth.
    // SAFETY: sets one integer option of the allocator, which any thread may do at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are not errors.
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(bytes) => match write_stdout(&bytes) {
            Ok(()) => ExitCode::from(EXIT_OK),
            // A closed standard output too: the report did not reach its reader.
            Err(error) => {
                to_stderr(&format!(
                    "error: cannot write to standard output: {error}\n"
                ));
                ExitCode::from(EXIT_OUTPUT)
            }
        },
        Err(error) => {
            // A batch with some broken tenders still reports the others.
            if let tenderscore::cli::Error::Partial { stdout, .. } = &error
                && let Err(write) = write_stdout(stdout)
            {
                to_stderr(&format!(
                    "error: cannot write to standard output: {write}\n"
                ));
                return ExitCode::from(EXIT_OUTPUT);
            }
            to_stderr(&format!("{error}\n"));
            ExitCode::from(error.exit_code())
        }
    }
}

/// Writes the report to standard output and flushes it, so a write error is seen here.
fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
